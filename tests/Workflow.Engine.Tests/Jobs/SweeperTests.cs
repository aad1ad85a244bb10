using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Jobs;
using Workflow.Engine.Sla;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Tickets;
using Workflow.Testing;
using static Workflow.Engine.Tests.Jobs.SweepScenario;

namespace Workflow.Engine.Tests.Jobs;

public sealed class SweeperTests
{
    [SkippableTheory, StorageProviders]
    public async Task RunAsync_PastTheResolutionTarget_EscalatesWithNoticeHigherPriorityAndNextTier(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = await AcknowledgedAsync(test.Engine);
        clock.Advance(TimeSpan.FromDays(3));

        var result = await SweepAsync(test.Engine, run: 1);

        var ticket = await StoredAsync(test.Engine, id);
        var message = Assert.Single(await OutboxAsync(test.Engine));
        var entry = ticket.Journal[^1];
        Assert.Equal(new SweepResult(1, 1, 1), result);
        Assert.Equal("High", ticket.Priority);
        Assert.Equal("Service desk", ticket.AssignmentGroup);
        Assert.Equal(SlaStage.Breached, ticket.ResolutionStage);
        Assert.Equal("sla.breached", entry.Action);
        Assert.Equal(Sweeper.Actor, entry.Actor);
        Assert.Contains("resolution SLA breached at 2026-03-04T09:00:00.0000000+00:00", entry.Reason);
        Assert.Contains("priority raised to High, reassigned to Service desk", entry.Reason);
        var due = new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal($"sla:{id}:resolution:breached:{due.UtcTicks}", message.IdempotencyKey);
        Assert.Equal("sla.breached", message.Kind);
        Assert.Null(message.DeliveredAt);
    }

    [SkippableTheory, StorageProviders]
    public async Task RunAsync_SameBatchTwice_DoesNothingTheSecondTime(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = await AcknowledgedAsync(test.Engine);
        clock.Advance(TimeSpan.FromDays(3));
        var batch = Assert.Single(await test.Engine.Sweeper.PlanAsync(run: 7, batchSize: 100));
        await test.Engine.Sweeper.RunAsync(batch);
        var journal = (await StoredAsync(test.Engine, id)).JournalLength;

        var again = await test.Engine.Sweeper.RunAsync(batch);

        Assert.Equal(SweepResult.None, again);
        Assert.Equal(journal, (await StoredAsync(test.Engine, id)).JournalLength);
        Assert.Single(await OutboxAsync(test.Engine));
    }

    [SkippableTheory, StorageProviders]
    public async Task RunAsync_SameBatchOnTwoWorkersAtOnce_EvaluatesAndEscalatesEachTicketOnce(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var ids = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await AcknowledgedAsync(test.Engine));
        }

        clock.Advance(TimeSpan.FromDays(3));
        var batch = Assert.Single(await test.Engine.Sweeper.PlanAsync(run: 9, batchSize: 100));

        var results = await Task.WhenAll(
            Task.Run(() => test.Engine.Sweeper.RunAsync(batch)),
            Task.Run(() => test.Engine.Sweeper.RunAsync(batch)));

        await using var db = test.Engine.Contexts.Create();
        var breaches = await db.Journal.Where(j => j.Action == "sla.breached").Select(j => j.TicketId).ToListAsync();
        Assert.Equal(20, results.Sum(r => r.Evaluated));
        Assert.Equal(20, results.Sum(r => r.Escalated));
        Assert.Equal(ids, breaches.Order());
        Assert.Equal(ids, (await OutboxAsync(test.Engine)).Select(m => m.TicketId!.Value).Order());
    }

    [SkippableTheory, StorageProviders]
    public async Task RunAsync_BatchOfAnOlderRunAfterANewerOne_DoesNothingAndKeepsTheNewerRecord(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = await AcknowledgedAsync(test.Engine);
        var late = Assert.Single(await test.Engine.Sweeper.PlanAsync(run: 5, batchSize: 100));
        clock.Advance(TimeSpan.FromHours(1));
        await SweepAsync(test.Engine, run: 6);
        clock.Advance(TimeSpan.FromDays(3));

        var result = await test.Engine.Sweeper.RunAsync(late);

        var swept = await SweptAsync(test.Engine, id);
        Assert.Equal(SweepResult.None, result);
        Assert.Equal((6L, Monday.AddHours(1)), (swept?.Run, swept?.At));
        Assert.Empty(await OutboxAsync(test.Engine));
    }

    [SkippableTheory, StorageProviders]
    public async Task RunAsync_WarningThenBreachInLaterSweeps_EscalatesEachOnce(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = await AcknowledgedAsync(test.Engine);

        clock.Advance(TimeSpan.FromHours(30));
        var warned = await SweepAsync(test.Engine, run: 1);
        var quiet = await SweepAsync(test.Engine, run: 2);
        clock.Advance(TimeSpan.FromHours(20));
        var breached = await SweepAsync(test.Engine, run: 3);
        var after = await SweepAsync(test.Engine, run: 4);

        var ticket = await StoredAsync(test.Engine, id);
        Assert.Equal([1, 0, 1, 0], new[] { warned, quiet, breached, after }.Select(r => r.Escalated));
        Assert.Equal(["sla.warning", "sla.breached"], (await OutboxAsync(test.Engine)).Select(m => m.Kind));
        var bySweeps = ticket.Journal.Where(j => j.Actor == Sweeper.Actor).Select(j => j.Action);
        Assert.Equal(["sla.warning", "sla.breached"], bySweeps);
        Assert.Equal((1, 4L), (after.Evaluated, (await SweptAsync(test.Engine, id))?.Run));
    }

    [SkippableTheory, StorageProviders]
    public async Task RunAsync_OnHoldAwaitingTheCaller_DoesNotEscalate(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = await AcknowledgedAsync(test.Engine);
        await test.Engine.Tickets.ActAsync(id, new TaskAction("hold", Agent) { HoldReason = HoldReason.AwaitingCaller });
        clock.Advance(TimeSpan.FromDays(10));

        var result = await SweepAsync(test.Engine, run: 1);

        var ticket = await StoredAsync(test.Engine, id);
        Assert.Equal(new SweepResult(1, 0, 0), result);
        Assert.Equal(SlaStage.Running, ticket.ResolutionStage);
        Assert.Empty(await OutboxAsync(test.Engine));
    }

    [SkippableTheory, StorageProviders]
    public async Task RunAsync_EveryOpenTicket_RecordsTheRunTheTimeAndTheRuleSet(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var open = await AcknowledgedAsync(test.Engine);
        var cancelled = await AcknowledgedAsync(test.Engine);
        await test.Engine.Tickets.ActAsync(cancelled, new TaskAction("cancel", Agent));
        clock.Advance(TimeSpan.FromMinutes(5));

        await SweepAsync(test.Engine, run: 42);

        var swept = await SweptAsync(test.Engine, open);
        Assert.NotNull(swept);
        Assert.Equal(42, swept.Run);
        Assert.Equal(clock.GetUtcNow(), swept.At);
        Assert.Equal(test.Engine.Rules.Current.Version, swept.Rules);
        Assert.Null(await SweptAsync(test.Engine, cancelled));
    }

    [SkippableTheory, StorageProviders]
    public async Task PlanAsync_MoreTicketsThanABatch_CutsThemByIdWithoutGapsOrOverlaps(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await test.Engine.Tickets.CreateAsync(Medium(), Agent)).Id);
        }

        var batches = await test.Engine.Sweeper.PlanAsync(run: 1, batchSize: 2);

        Assert.Equal(
            [(ids[0], ids[1]), (ids[2], ids[3]), (ids[4], ids[4])],
            batches.Select(b => (b.FromId, b.ToId)));
    }

    [SkippableTheory, StorageProviders]
    public async Task RunAsync_NewAndUnassignedForHalfAnHour_RaisesTheUrgencyOnce(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = (await test.Engine.Tickets.CreateAsync(Medium(), Agent)).Id;
        clock.Advance(TimeSpan.FromMinutes(31));

        var first = await SweepAsync(test.Engine, run: 1);
        clock.Advance(TimeSpan.FromMinutes(5));
        var second = await SweepAsync(test.Engine, run: 2);

        var ticket = await StoredAsync(test.Engine, id);
        var entry = Assert.Single(ticket.Journal, j => j.Action == Sweeper.UnassignedAction);
        Assert.Equal((1, 0), (first.Escalated, second.Escalated));
        Assert.Equal(("1", "High"), (ticket.Urgency, ticket.Priority));
        Assert.Equal(Monday.AddMinutes(31), ticket.UnassignedRaisedAt);
        Assert.Equal(Monday.AddMinutes(30), ticket.ResponseDueAt);
        Assert.Contains("urgency raised to 1, priority High", entry.Reason);

        // High answers within 30 minutes, so the new priority finds the response already late.
        Assert.Equal(SlaStage.Breached, ticket.ResponseStage);
        Assert.Contains(":response:breached:", Assert.Single(await OutboxAsync(test.Engine)).IdempotencyKey);
    }

    [SkippableTheory, StorageProviders]
    public async Task RunAsync_NewButTakenBySomeone_LeavesTheUrgency(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var details = Medium() with { AssignedTo = "agent.bo" };
        var id = (await test.Engine.Tickets.CreateAsync(details, Agent)).Id;
        clock.Advance(TimeSpan.FromMinutes(31));

        var result = await SweepAsync(test.Engine, run: 1);

        var ticket = await StoredAsync(test.Engine, id);
        Assert.Equal(0, result.Escalated);
        Assert.Equal(("2", "Medium"), (ticket.Urgency, ticket.Priority));
        Assert.Null(ticket.UnassignedRaisedAt);
    }
}
