namespace Workflow.Engine.Intake.EventLog;

/// <summary>How far an import has come: a phase, and a count out of a total when the total is known.</summary>
public readonly record struct ImportProgress(string Phase, int Done, int Total);
