using Workflow.Engine.Jobs;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Tickets;
using Workflow.Testing;
using static Workflow.Engine.Tests.Jobs.SweepScenario;

namespace Workflow.Engine.Tests.Jobs;

/// <summary>The default workflow closes a resolved ticket by itself five days after it was resolved.</summary>
public sealed class TimerFiringTests
{
    private sealed class RecordingScheduler : ITimerScheduler
    {
        public List<(long TicketId, Guid BookmarkId, DateTimeOffset DueAt)> Scheduled { get; } = [];

        public void Schedule(long ticketId, Guid bookmarkId, DateTimeOffset dueAt) =>
            Scheduled.Add((ticketId, bookmarkId, dueAt));
    }

    private static async Task<long> ResolvedAsync(WorkflowEngine engine)
    {
        var id = await AcknowledgedAsync(engine);
        await engine.Tickets.ActAsync(id, new TaskAction("resolve", Agent) { ResolutionCode = "config-fixed" });
        return id;
    }

    [SkippableTheory, StorageProviders]
    public async Task ActAsync_Resolve_SchedulesTheAutoCloseFiveDaysLater(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var scheduler = new RecordingScheduler();
        test.Engine.Tickets.TimerScheduler = scheduler;

        var id = await ResolvedAsync(test.Engine);

        var (_, instance) = (await test.Engine.Tickets.GetAsync(id))!.Value;
        Assert.Equal([(id, instance.BookmarkId!.Value, Monday.AddDays(5))], scheduler.Scheduled);
        Assert.Equal(Monday.AddDays(5), instance.BookmarkDueAt);
    }

    [SkippableTheory, StorageProviders]
    public async Task FireTimerAsync_DueAfterARestart_ClosesOnceAndLaterFiringsFindNothing(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = await ResolvedAsync(test.Engine);
        clock.Advance(TimeSpan.FromDays(6));
        var restarted = await test.StartAnotherAsync(clock);

        var due = await restarted.Tickets.DueTimersAsync(clock.GetUtcNow(), limit: 10);
        var outcomes = new List<TimerFiring>();
        foreach (var (ticketId, bookmarkId) in due.Concat(due))
        {
            outcomes.Add(await restarted.Tickets.FireTimerAsync(ticketId, bookmarkId));
        }

        var (ticket, instance) = (await restarted.Tickets.GetAsync(id))!.Value;
        Assert.Equal(id, Assert.Single(due).TicketId);
        Assert.Equal([TimerFiring.Fired, TimerFiring.Gone], outcomes);
        Assert.Equal(TicketState.Closed, ticket.State);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        var close = Assert.Single(ticket.Journal, j => j.Action == "close");
        Assert.Equal(TicketService.TimerActor, close.Actor);
        Assert.Equal(clock.GetUtcNow(), close.At);
        Assert.Empty(await restarted.Tickets.DueTimersAsync(clock.GetUtcNow(), limit: 10));
    }

    [SkippableTheory, StorageProviders]
    public async Task FireTimerAsync_BeforeItIsDue_ChangesNothing(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = await ResolvedAsync(test.Engine);
        var (_, waiting) = (await test.Engine.Tickets.GetAsync(id))!.Value;
        clock.Advance(TimeSpan.FromDays(4));

        var outcome = await test.Engine.Tickets.FireTimerAsync(id, waiting.BookmarkId!.Value);

        var (ticket, _) = (await test.Engine.Tickets.GetAsync(id))!.Value;
        Assert.Equal(TimerFiring.NotDue, outcome);
        Assert.Equal(TicketState.Resolved, ticket.State);
        Assert.Empty(await test.Engine.Tickets.DueTimersAsync(clock.GetUtcNow(), limit: 10));
    }

    [SkippableTheory, StorageProviders]
    public async Task FireTimerAsync_ReopenedBeforeItCameDue_FindsTheBookmarkGone(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = await ResolvedAsync(test.Engine);
        var (_, waiting) = (await test.Engine.Tickets.GetAsync(id))!.Value;
        clock.Advance(TimeSpan.FromDays(1));
        await test.Engine.Tickets.ActAsync(id, new TaskAction("reopen", Agent));
        clock.Advance(TimeSpan.FromDays(5));

        var outcome = await test.Engine.Tickets.FireTimerAsync(id, waiting.BookmarkId!.Value);

        Assert.Equal(TimerFiring.Gone, outcome);
        Assert.Equal(TicketState.InProgress, (await StoredAsync(test.Engine, id)).State);
    }

    [SkippableTheory, StorageProviders]
    public async Task ActAsync_ElapsedFromARequest_IsRefused(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = await ResolvedAsync(test.Engine);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => test.Engine.Tickets.ActAsync(id, new TaskAction(TimerActivity.Elapsed, Agent)));

        Assert.Equal("outcome", Assert.Single(error.Errors).Field);
        Assert.Equal(TicketState.Resolved, (await StoredAsync(test.Engine, id)).State);
    }
}
