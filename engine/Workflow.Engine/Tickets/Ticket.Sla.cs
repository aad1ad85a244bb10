using Workflow.Engine.Sla;

namespace Workflow.Engine.Tickets;

public sealed partial class Ticket
{
    /// <summary>The priority whose SLA targets the clocks count against; null when the priority has none.</summary>
    public string? SlaPriority { get; private set; }

    /// <summary>When the ticket first left New: the end of the response clock.</summary>
    public DateTimeOffset? RespondedAt { get; private set; }

    public DateTimeOffset? ResponseWarnAt { get; private set; }

    public DateTimeOffset? ResponseDueAt { get; private set; }

    public SlaStage? ResponseStage { get; private set; }

    public DateTimeOffset? ResolutionWarnAt { get; private set; }

    public DateTimeOffset? ResolutionDueAt { get; private set; }

    public SlaStage? ResolutionStage { get; private set; }

    /// <summary>Since when the clocks stand still (on hold awaiting the caller or a vendor, or resolved).</summary>
    public DateTimeOffset? SlaPausedSince { get; private set; }

    /// <summary>Working time the clocks stood still in earlier pauses; due times are pushed back by it.</summary>
    public TimeSpan SlaPaused { get; private set; }

    /// <summary>The next moment a sweep must look at the ticket (a warning or a due time); null while paused.</summary>
    public DateTimeOffset? SlaCheckAt { get; private set; }

    /// <summary>Sets the SLA bookkeeping; each value that changes is recorded for the journal.</summary>
    internal void SetSla(SlaState state)
    {
        Set(nameof(SlaPriority), SlaPriority, state.Priority, v => SlaPriority = v);
        Set(nameof(RespondedAt), RespondedAt, state.RespondedAt, v => RespondedAt = v);
        Set(nameof(ResponseWarnAt), ResponseWarnAt, state.ResponseWarnAt, v => ResponseWarnAt = v);
        Set(nameof(ResponseDueAt), ResponseDueAt, state.ResponseDueAt, v => ResponseDueAt = v);
        Set(nameof(ResponseStage), ResponseStage, state.ResponseStage, v => ResponseStage = v);
        Set(nameof(ResolutionWarnAt), ResolutionWarnAt, state.ResolutionWarnAt, v => ResolutionWarnAt = v);
        Set(nameof(ResolutionDueAt), ResolutionDueAt, state.ResolutionDueAt, v => ResolutionDueAt = v);
        Set(nameof(ResolutionStage), ResolutionStage, state.ResolutionStage, v => ResolutionStage = v);
        Set(nameof(SlaPausedSince), SlaPausedSince, state.PausedSince, v => SlaPausedSince = v);
        Set(nameof(SlaPaused), SlaPaused, state.Paused, v => SlaPaused = v);

        // The next check is bookkeeping for the sweep, not a fact about the ticket: it stays out of the journal.
        SlaCheckAt = state.CheckAt;
    }

    /// <summary>The SLA bookkeeping as it stands.</summary>
    public SlaState Sla => new(
        SlaPriority,
        RespondedAt,
        ResponseWarnAt,
        ResponseDueAt,
        ResponseStage,
        ResolutionWarnAt,
        ResolutionDueAt,
        ResolutionStage,
        SlaPausedSince,
        SlaPaused,
        SlaCheckAt);

    /// <summary>When a sweep raised the urgency of the ticket because nobody had taken it; it does so once.</summary>
    public DateTimeOffset? UnassignedRaisedAt { get; private set; }

    /// <summary>Records that the unassigned-ticket rule raised the urgency.</summary>
    internal void RaisedWhileUnassigned(DateTimeOffset at) =>
        Set(nameof(UnassignedRaisedAt), UnassignedRaisedAt, at, v => UnassignedRaisedAt = v);

    /// <summary>Raises the priority by escalation, without touching impact and urgency.</summary>
    internal void RaisePriority(string priority)
    {
        EnsureOpen("raise the priority of");
        Set(nameof(Priority), Priority, priority, v => Priority = v);
    }
}
