using Workflow.Testing;
using static Workflow.Engine.Tests.Jobs.SweepScenario;

namespace Workflow.Engine.Tests.Jobs;

public sealed class OutboxDispatcherTests
{
    [SkippableTheory, StorageProviders]
    public async Task DispatchAsync_Twice_DeliversEachMessageOnce(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var delivery = new RecordingDelivery();
        test.Engine.Outbox.Register(delivery);
        await AcknowledgedAsync(test.Engine);
        await AcknowledgedAsync(test.Engine);
        clock.Advance(TimeSpan.FromDays(3));
        await SweepAsync(test.Engine, run: 1);

        var first = await test.Engine.Outbox.DispatchAsync();
        var second = await test.Engine.Outbox.DispatchAsync();

        var messages = await OutboxAsync(test.Engine);
        Assert.Equal((2, 0), (first, second));
        Assert.Equal(messages.Select(m => m.IdempotencyKey), delivery.Keys);
        Assert.All(messages, m => Assert.Equal(clock.GetUtcNow(), m.DeliveredAt));
    }

    [SkippableTheory, StorageProviders]
    public async Task DispatchAsync_DeliveryFails_KeepsTheMessageWithTheErrorForTheNextAttempt(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var delivery = new RecordingDelivery();
        test.Engine.Outbox.Register(delivery);
        await AcknowledgedAsync(test.Engine);
        clock.Advance(TimeSpan.FromDays(3));
        await SweepAsync(test.Engine, run: 1);
        delivery.FailNext(1);

        var failed = await test.Engine.Outbox.DispatchAsync();
        var kept = Assert.Single(await OutboxAsync(test.Engine));
        var retried = await test.Engine.Outbox.DispatchAsync();

        var delivered = Assert.Single(await OutboxAsync(test.Engine));
        Assert.Equal((0, 1), (failed, retried));
        Assert.Null(kept.DeliveredAt);
        Assert.Equal("the mail server refused the message", kept.LastError);
        Assert.Equal(2, delivered.Attempts);
        Assert.Equal([delivered.IdempotencyKey], delivery.Keys);
    }

    [SkippableTheory, StorageProviders]
    public async Task DispatchAsync_NoDeliveryRegistered_LeavesMessagesWaiting(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        await AcknowledgedAsync(test.Engine);
        clock.Advance(TimeSpan.FromDays(3));
        await SweepAsync(test.Engine, run: 1);

        var delivered = await test.Engine.Outbox.DispatchAsync();

        Assert.Equal(0, delivered);
        Assert.Null(Assert.Single(await OutboxAsync(test.Engine)).DeliveredAt);
    }
}
