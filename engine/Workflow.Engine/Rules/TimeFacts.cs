using Workflow.Engine.Sla;
using Workflow.Engine.Tickets;
using Workflow.Sdk.Rules;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Rules;

/// <summary>What time-based rules read of a ticket at one moment: its age, its wait for someone, its SLA.</summary>
public sealed record TimeFacts(TimeSpan Age, TimeSpan UnassignedFor, SlaStatus SlaStatus, double SlaShareUsed)
{
    /// <summary>What rules see outside the sweep: nothing has aged.</summary>
    public static readonly TimeFacts None = new(TimeSpan.Zero, TimeSpan.Zero, SlaStatus.None, 0);

    /// <summary>The facts of <paramref name="ticket"/> at <paramref name="now"/>, its SLA as it stands.</summary>
    public static TimeFacts Of(Ticket ticket, DateTimeOffset now, SlaPolicy policy)
    {
        var age = Positive(now - ticket.ReportedAt);
        var unassigned = ticket.AssignedTo is null ? Positive(now - ticket.CreatedAt) : TimeSpan.Zero;
        return new TimeFacts(age, unassigned, Status(ticket), ShareUsed(ticket, now, policy));
    }

    private static SlaStatus Status(Ticket ticket)
    {
        if (ticket.SlaPriority is null)
        {
            return SlaStatus.None;
        }

        SlaStage?[] stages = [ticket.ResponseStage, ticket.ResolutionStage];
        return stages.Contains(SlaStage.Breached) ? SlaStatus.Breached
            : stages.Contains(SlaStage.Warning) ? SlaStatus.Warning
            : SlaStatus.Running;
    }

    /// <summary>The larger share used of the clocks still running, in the working time of their calendar.</summary>
    private static double ShareUsed(Ticket ticket, DateTimeOffset now, SlaPolicy policy)
    {
        if (policy.For(ticket.SlaPriority) is not { } target || ticket.State == TicketState.Resolved)
        {
            return 0;
        }

        var calendar = target.Calendar;
        var pausedNow = ticket.SlaPausedSince is { } since ? calendar.WorkingTime(since, now) : TimeSpan.Zero;
        var stood = ticket.SlaPaused + pausedNow;
        var used = Positive(calendar.WorkingTime(ticket.ReportedAt, now) - stood);
        var resolution = used / target.Resolution;
        return ticket.RespondedAt is null ? Math.Max(resolution, used / target.Response) : resolution;
    }

    private static TimeSpan Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
