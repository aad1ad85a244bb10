namespace Workflow.Engine.Sla;

/// <summary>A ticket's SLA bookkeeping: targets in force, due times, stages and pauses.</summary>
public sealed record SlaState(
    string? Priority,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? ResponseWarnAt,
    DateTimeOffset? ResponseDueAt,
    SlaStage? ResponseStage,
    DateTimeOffset? ResolutionWarnAt,
    DateTimeOffset? ResolutionDueAt,
    SlaStage? ResolutionStage,
    DateTimeOffset? PausedSince,
    TimeSpan Paused,
    DateTimeOffset? CheckAt)
{
    /// <summary>No SLA applies.</summary>
    public static readonly SlaState None = new(null, null, null, null, null, null, null, null, null, TimeSpan.Zero, null);

    public bool IsPaused => PausedSince is not null;
}
