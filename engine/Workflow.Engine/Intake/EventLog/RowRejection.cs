namespace Workflow.Engine.Intake.EventLog;

/// <summary>A row that was not applied, with its line in the file and why.</summary>
public sealed record RowRejection(int Line, string? Number, string Reason)
{
    public override string ToString() => Number is null ? $"line {Line}: {Reason}" : $"line {Line} ({Number}): {Reason}";
}
