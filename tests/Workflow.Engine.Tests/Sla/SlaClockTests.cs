using Microsoft.Extensions.Time.Testing;
using Workflow.Engine.Sla;
using Workflow.Engine.Tickets;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tests.Sla;

public sealed class SlaClockTests
{
    /// <summary>Reported on Monday 2 March 2026 at 09:00 UTC (10:00 in Amsterdam).</summary>
    private static readonly DateTimeOffset Reported = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly SlaClock _clock = new(SlaPolicyLoader.Resolve(null));
    private readonly FakeTimeProvider _time = new(Reported);

    private DateTimeOffset Now => _time.GetUtcNow();

    private Ticket Logged(string priority)
    {
        var ticket = Ticket.Log(new TicketDetails
        {
            Kind = TicketKind.Incident,
            Channel = IntakeChannel.Phone,
            Reporter = new Reporter { Name = "Anna de Vries" },
            Subject = "VPN drops every ten minutes",
            OccurredAt = Reported,
            ReportedAt = Reported,
        }, Now);
        Prioritise(ticket, priority);
        return ticket;
    }

    private void Prioritise(Ticket ticket, string priority)
    {
        ticket.Prioritise("1", "1", priority, "service-desk");
        _clock.Update(ticket, Now);
    }

    private void Apply(Ticket ticket, TicketAction action, HoldReason? reason = null)
    {
        ticket.Apply(action, Now, reason, "fixed");
        _clock.Update(ticket, Now);
    }

    [Fact]
    public void Update_HighPriority_CountsTargetsAroundTheClock()
    {
        var ticket = Logged("High");

        Assert.Equal(Reported.AddMinutes(30), ticket.ResponseDueAt);
        Assert.Equal(Reported.AddMinutes(22.5), ticket.ResponseWarnAt);
        Assert.Equal(Reported.AddHours(4), ticket.ResolutionDueAt);
        Assert.Equal(Reported.AddHours(3), ticket.ResolutionWarnAt);
        Assert.Equal(SlaStage.Running, ticket.ResolutionStage);
        Assert.Equal(Reported.AddMinutes(22.5), ticket.SlaCheckAt);
    }

    [Fact]
    public void Update_MediumPriority_CountsOfficeHoursOnly()
    {
        var ticket = Logged("Medium");

        // 20 working hours from Monday 10:00 in Amsterdam: 8 on Monday, 10 on Tuesday, 2 on Wednesday.
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), ticket.ResolutionDueAt);
    }

    [Fact]
    public void Update_OnHoldAwaitingCaller_PausesAndPushesTheDueTimeBack()
    {
        var ticket = Logged("High");
        _time.Advance(TimeSpan.FromHours(1));
        Apply(ticket, TicketAction.Hold, HoldReason.AwaitingCaller);
        var onHold = ticket.Sla;

        _time.Advance(TimeSpan.FromHours(2));
        Apply(ticket, TicketAction.Resume);

        Assert.Equal(Reported.AddHours(1), onHold.PausedSince);
        Assert.Null(onHold.CheckAt);
        Assert.Null(ticket.SlaPausedSince);
        Assert.Equal(TimeSpan.FromHours(2), ticket.SlaPaused);
        Assert.Equal(Reported.AddHours(6), ticket.ResolutionDueAt);
    }

    [Fact]
    public void Update_OnHoldAwaitingProblem_KeepsCounting()
    {
        var ticket = Logged("High");
        _time.Advance(TimeSpan.FromHours(1));

        Apply(ticket, TicketAction.Hold, HoldReason.AwaitingProblem);

        Assert.Null(ticket.SlaPausedSince);
        Assert.Equal(Reported.AddHours(4), ticket.ResolutionDueAt);
        Assert.Equal(Reported.AddHours(3), ticket.SlaCheckAt);
    }

    [Fact]
    public void Update_FirstActionOutOfNew_StopsTheResponseClock()
    {
        var ticket = Logged("High");
        _time.Advance(TimeSpan.FromMinutes(10));

        Apply(ticket, TicketAction.Acknowledge);

        Assert.Equal(Reported.AddMinutes(10), ticket.RespondedAt);
        Assert.Equal(SlaStage.Met, ticket.ResponseStage);
        Assert.Equal(Reported.AddHours(3), ticket.SlaCheckAt);
    }

    [Fact]
    public void Update_PriorityChange_CountsNewTargetsFromTheReportMinusPauses()
    {
        var ticket = Logged("Low");
        Apply(ticket, TicketAction.Hold, HoldReason.AwaitingVendor);
        _time.Advance(TimeSpan.FromMinutes(30));
        Apply(ticket, TicketAction.Resume);
        _time.Advance(TimeSpan.FromHours(1));

        Prioritise(ticket, "High");

        Assert.Equal("High", ticket.SlaPriority);
        Assert.Equal(Reported.AddHours(4.5), ticket.ResolutionDueAt);
    }

    [Fact]
    public void Update_ResolvedInTime_MeetsAndPauses()
    {
        var ticket = Logged("High");
        _time.Advance(TimeSpan.FromHours(2));

        Apply(ticket, TicketAction.Resolve);

        Assert.Equal(SlaStage.Met, ticket.ResolutionStage);
        Assert.Equal(Reported.AddHours(2), ticket.SlaPausedSince);
        Assert.Null(ticket.SlaCheckAt);
    }

    [Fact]
    public void Update_Reopened_ResumesWithoutCountingTheResolvedTime()
    {
        var ticket = Logged("High");
        _time.Advance(TimeSpan.FromHours(2));
        Apply(ticket, TicketAction.Resolve);
        _time.Advance(TimeSpan.FromHours(5));

        Apply(ticket, TicketAction.Reopen);

        Assert.Equal(SlaStage.Running, ticket.ResolutionStage);
        Assert.Equal(TimeSpan.FromHours(5), ticket.SlaPaused);
        Assert.Equal(Reported.AddHours(9), ticket.ResolutionDueAt);
        Assert.Empty(_clock.Crossings(ticket, Now));
    }

    [Fact]
    public void Update_BreachedThenGivenALooserTarget_ClearsTheStaleBreach()
    {
        var ticket = Logged("High");
        Apply(ticket, TicketAction.Acknowledge);
        _time.Advance(TimeSpan.FromHours(5));
        SlaClock.Raise(ticket, Assert.Single(_clock.Crossings(ticket, Now)));

        Prioritise(ticket, "Low");

        Assert.Equal(SlaStage.Running, ticket.ResolutionStage);
        Assert.Equal(ticket.ResolutionWarnAt, ticket.SlaCheckAt);
    }

    [Fact]
    public void Crossings_PastWarningThenPastDue_RaiseEachStageOnce()
    {
        var ticket = Logged("High");
        Apply(ticket, TicketAction.Acknowledge);

        _time.Advance(TimeSpan.FromHours(3));
        var warning = _clock.Crossings(ticket, Now);
        SlaClock.Raise(ticket, Assert.Single(warning));
        var afterWarning = _clock.Crossings(ticket, Now);
        _time.Advance(TimeSpan.FromHours(1));
        var breach = _clock.Crossings(ticket, Now);
        SlaClock.Raise(ticket, Assert.Single(breach));

        Assert.Equal(new SlaCrossing(SlaCrossing.Resolution, SlaStage.Warning, Reported.AddHours(3)), warning[0]);
        Assert.Empty(afterWarning);
        Assert.Equal(new SlaCrossing(SlaCrossing.Resolution, SlaStage.Breached, Reported.AddHours(4)), breach[0]);
        Assert.Equal(SlaStage.Breached, ticket.ResolutionStage);
        Assert.Empty(_clock.Crossings(ticket, Now));
        Assert.Null(ticket.SlaCheckAt);
    }

    [Fact]
    public void Crossings_WhilePaused_RaiseNothing()
    {
        var ticket = Logged("High");
        Apply(ticket, TicketAction.Hold, HoldReason.AwaitingCaller);

        _time.Advance(TimeSpan.FromDays(1));

        Assert.Empty(_clock.Crossings(ticket, Now));
    }

    [Fact]
    public void Update_PriorityWithoutTarget_ClearsTheClocks()
    {
        var ticket = Logged("High");

        Prioritise(ticket, "Unlisted");

        Assert.Null(ticket.SlaPriority);
        Assert.Null(ticket.ResolutionDueAt);
        Assert.Null(ticket.SlaCheckAt);
    }

    [Fact]
    public void Update_OfficeCalendarAcrossTheSpringChange_DueAtTheSameLocalHour()
    {
        var reported = new DateTimeOffset(2026, 3, 27, 15, 0, 0, TimeSpan.Zero);
        _time.SetUtcNow(reported);
        var ticket = Ticket.Log(new TicketDetails
        {
            Kind = TicketKind.Incident,
            Channel = IntakeChannel.Phone,
            Reporter = new Reporter { Name = "Anna de Vries" },
            Subject = "Printer jammed",
            OccurredAt = reported,
            ReportedAt = reported,
        }, Now);

        Prioritise(ticket, "Medium");

        // Friday 16:00 to 18:00 is 2 hours, Monday 10, Tuesday 8 more: 16:00 in summer time is 14:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 14, 0, 0, TimeSpan.Zero), ticket.ResolutionDueAt);
    }
}
