namespace Workflow.Engine.Sla;

/// <summary>What one priority promises: a first response and a resolution, in working time of a calendar.</summary>
public sealed record SlaTarget(string Priority, TimeSpan Response, TimeSpan Resolution, BusinessCalendar Calendar);
