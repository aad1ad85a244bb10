using Workflow.Engine.Tickets;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Sla;

/// <summary>One crossing of a threshold that a sweep escalates: which clock, and the stage it reached.</summary>
public sealed record SlaCrossing(string Clock, SlaStage Stage, DateTimeOffset Threshold)
{
    public const string Response = "response";

    public const string Resolution = "resolution";
}

/// <summary>
/// Keeps a ticket's SLA clocks in step with its state. Counting starts when the ticket was reported; pauses
/// (holds awaiting the caller or a vendor, and the time a ticket stays resolved) push the due times back by
/// their working time. A new priority takes its targets from the same start, minus the pauses. Stages only
/// move down here (a stale warning or breach is cleared when the due time moved past now); raising a warning or a
/// breach, with its escalation, is the sweep's work. Thread-safe; it holds nothing but the policy.
/// </summary>
public sealed class SlaClock(SlaPolicy policy)
{
    public SlaPolicy Policy { get; } = policy;

    /// <summary>Brings the ticket's SLA bookkeeping up to <paramref name="now"/>, recording what changed.</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="now">The time of the step.</param>
    /// <param name="own">The escalation its workflow version states, if it states one.</param>
    public void Update(Ticket ticket, DateTimeOffset now, SlaOverride? own = null) =>
        ticket.SetSla(Compute(ticket, now, own));

    /// <summary>The bookkeeping the ticket should have at <paramref name="now"/>.</summary>
    public SlaState Compute(Ticket ticket, DateTimeOffset now, SlaOverride? own = null)
    {
        var current = ticket.Sla;
        var respondedAt = current.RespondedAt ?? (ticket.State == TicketState.New ? null : now);
        var target = Policy.For(ticket.Priority);
        if (target is null)
        {
            return SlaState.None with { RespondedAt = respondedAt };
        }

        if (TicketLifecycle.IsFinal(ticket.State))
        {
            return current with { RespondedAt = respondedAt, CheckAt = null };
        }

        var calendar = target.Calendar;
        var paused = current.Paused;
        var since = current.PausedSince;
        var pause = ticket.State == TicketState.Resolved
            || ticket.State == TicketState.OnHold && ticket.HoldReason is { } reason && Policy.PauseOn.Contains(reason);
        if (since is { } start && !pause)
        {
            paused += calendar.WorkingTime(start, now);
            since = null;
        }
        else if (since is null && pause)
        {
            since = now;
        }

        // Most steps change neither the priority nor the pauses; their due times stand as they are.
        var (responseWarn, responseDue, resolutionWarn, resolutionDue) =
            current.Priority == target.Priority && current.Paused == paused && current.ResolutionDueAt is not null
                ? (current.ResponseWarnAt!.Value, current.ResponseDueAt!.Value, current.ResolutionWarnAt!.Value,
                    current.ResolutionDueAt.Value)
                : Thresholds(target, ticket.ReportedAt, paused, Policy.EscalationFor(own).WarningShare);

        var responseStage = respondedAt is { } responded
            ? Stopped(current.ResponseStage, responded, responseDue)
            : Refreshed(current.ResponseStage, now, responseWarn, responseDue);
        var resolutionStage = ticket.State == TicketState.Resolved
            ? Stopped(current.ResolutionStage, ticket.ResolvedAt ?? now, resolutionDue)
            : Refreshed(
                current.ResolutionStage == SlaStage.Met ? null : current.ResolutionStage,
                now,
                resolutionWarn,
                resolutionDue);

        var state = new SlaState(
            target.Priority,
            respondedAt,
            responseWarn,
            responseDue,
            responseStage,
            resolutionWarn,
            resolutionDue,
            resolutionStage,
            since,
            paused,
            null);
        return state with { CheckAt = NextCheck(state) };
    }

    /// <summary>The thresholds the ticket has passed at <paramref name="now"/> that were not yet raised.</summary>
    public IReadOnlyList<SlaCrossing> Crossings(Ticket ticket, DateTimeOffset now)
    {
        var state = ticket.Sla;
        if (state.Priority is null || state.IsPaused || !TicketLifecycle.IsOpen(ticket.State))
        {
            return [];
        }

        var crossings = new List<SlaCrossing>();
        if (state.RespondedAt is null)
        {
            Crossed(crossings, SlaCrossing.Response, state.ResponseStage, state.ResponseWarnAt, state.ResponseDueAt, now);
        }

        Crossed(
            crossings,
            SlaCrossing.Resolution,
            state.ResolutionStage,
            state.ResolutionWarnAt,
            state.ResolutionDueAt,
            now);
        return crossings;
    }

    /// <summary>Raises a clock to the stage a crossing reached.</summary>
    public static void Raise(Ticket ticket, SlaCrossing crossing)
    {
        var state = ticket.Sla;
        state = crossing.Clock == SlaCrossing.Response
            ? state with { ResponseStage = crossing.Stage }
            : state with { ResolutionStage = crossing.Stage };
        ticket.SetSla(state with { CheckAt = NextCheck(state) });
    }

    private static void Crossed(
        List<SlaCrossing> crossings,
        string clock,
        SlaStage? stage,
        DateTimeOffset? warnAt,
        DateTimeOffset? dueAt,
        DateTimeOffset now)
    {
        if (stage is SlaStage.Running or SlaStage.Warning && dueAt is { } due && now >= due)
        {
            crossings.Add(new SlaCrossing(clock, SlaStage.Breached, due));
        }
        else if (stage is SlaStage.Running && warnAt is { } warn && now >= warn)
        {
            crossings.Add(new SlaCrossing(clock, SlaStage.Warning, warn));
        }
    }

    private static (DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset) Thresholds(
        SlaTarget target,
        DateTimeOffset opened,
        TimeSpan paused,
        double share)
    {
        var calendar = target.Calendar;
        return (
            calendar.AddWorkingTime(opened, Share(target.Response, share) + paused),
            calendar.AddWorkingTime(opened, target.Response + paused),
            calendar.AddWorkingTime(opened, Share(target.Resolution, share) + paused),
            calendar.AddWorkingTime(opened, target.Resolution + paused));
    }

    private static TimeSpan Share(TimeSpan target, double share) => TimeSpan.FromTicks((long)(target.Ticks * share));

    /// <summary>A clock that stopped: met when it stopped in time, otherwise breached (escalated or not).</summary>
    private static SlaStage Stopped(SlaStage? stage, DateTimeOffset stoppedAt, DateTimeOffset due) =>
        stage == SlaStage.Breached || stoppedAt > due ? SlaStage.Breached : SlaStage.Met;

    /// <summary>A running clock keeps its stage unless the thresholds moved past now, which clears it.</summary>
    private static SlaStage Refreshed(SlaStage? stage, DateTimeOffset now, DateTimeOffset warnAt, DateTimeOffset due) =>
        stage switch
        {
            SlaStage.Breached when now < due => now < warnAt ? SlaStage.Running : SlaStage.Warning,
            SlaStage.Warning when now < warnAt => SlaStage.Running,
            SlaStage.Breached or SlaStage.Warning => stage.Value,
            _ => SlaStage.Running,
        };

    private static DateTimeOffset? NextCheck(SlaState state)
    {
        if (state.IsPaused)
        {
            return null;
        }

        var response = state.RespondedAt is null
            ? Next(state.ResponseStage, state.ResponseWarnAt, state.ResponseDueAt)
            : null;
        var resolution = Next(state.ResolutionStage, state.ResolutionWarnAt, state.ResolutionDueAt);
        if (response is null || resolution is null)
        {
            return response ?? resolution;
        }

        return response < resolution ? response : resolution;
    }

    private static DateTimeOffset? Next(SlaStage? stage, DateTimeOffset? warnAt, DateTimeOffset? dueAt) => stage switch
    {
        SlaStage.Running => warnAt,
        SlaStage.Warning => dueAt,
        _ => null,
    };
}
