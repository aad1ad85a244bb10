using Workflow.Engine.Sla;
using Workflow.Engine.Tickets;

namespace Workflow.Host.Api;

/// <summary>
/// A ticket's SLA as the API returns it: the priority whose targets apply, whether the clocks stand still, and
/// each clock's warning time, due time and stage. While paused, the due times are those the ticket had when the
/// pause began; they move back by the pause's working time when it ends.
/// </summary>
internal sealed record SlaView(
    string Priority,
    bool Paused,
    DateTimeOffset? PausedSince,
    TimeSpan PausedBefore,
    SlaClockView Response,
    SlaClockView Resolution)
{
    public static SlaView? From(Ticket t) => t.SlaPriority is null ? null : new(
        t.SlaPriority,
        t.SlaPausedSince is not null,
        t.SlaPausedSince,
        t.SlaPaused,
        new SlaClockView(t.ResponseStage, t.ResponseWarnAt, t.ResponseDueAt, t.RespondedAt),
        new SlaClockView(t.ResolutionStage, t.ResolutionWarnAt, t.ResolutionDueAt, t.ResolvedAt));
}

/// <summary>One clock: its stage, when it warns, when it is due, and when it stopped (if it did).</summary>
internal sealed record SlaClockView(
    SlaStage? Stage,
    DateTimeOffset? WarnAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? StoppedAt);
