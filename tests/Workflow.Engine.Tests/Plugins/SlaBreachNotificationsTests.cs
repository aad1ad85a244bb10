using Workflow.Engine.Plugins;
using Workflow.Sdk.Notifications;
using Workflow.Testing;
using static Workflow.Engine.Tests.Jobs.SweepScenario;

namespace Workflow.Engine.Tests.Plugins;

/// <summary>A breach the sweep commits reaches the plugins' notifiers once, through the outbox.</summary>
public sealed class SlaBreachNotificationsTests
{
    [SkippableTheory, StorageProviders]
    public async Task DispatchAsync_BreachInTheOutbox_NotifiesEachNotifierOnceWithTheTicket(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var notifier = new RecordingNotifier();
        test.Engine.Outbox.Register(new SlaBreachNotifications(test.Engine.Contexts, new TicketEvents([notifier])));
        var id = await AcknowledgedAsync(test.Engine);
        clock.Advance(TimeSpan.FromDays(3));
        await SweepAsync(test.Engine, run: 1);

        await test.Engine.Outbox.DispatchAsync();
        await test.Engine.Outbox.DispatchAsync();

        var breaches = (await OutboxAsync(test.Engine)).Count(m => m.Kind == SlaBreachNotifications.Kind);
        var ticket = await StoredAsync(test.Engine, id);
        Assert.True(breaches > 0);
        Assert.Equal(breaches, notifier.Events.Count);
        Assert.All(
            notifier.Events,
            e => Assert.Equal((TicketEventKind.SlaBreached, ticket.Number), (e.Kind, e.Ticket.Number)));
    }

    [Fact]
    public void Accepts_OtherKinds_LeavesThemToOtherDeliveries()
    {
        var delivery = new SlaBreachNotifications(null!, TicketEvents.None);

        string[] kinds = ["sla.breached", "sla.warning", "ticket.created"];

        Assert.Equal([true, false, false], kinds.Select(delivery.Accepts));
    }

    private sealed class RecordingNotifier : INotifier
    {
        public List<TicketEvent> Events { get; } = [];

        public string Name => "recording";

        public Task NotifyAsync(TicketEvent ticketEvent, CancellationToken cancellationToken)
        {
            Events.Add(ticketEvent);
            return Task.CompletedTask;
        }
    }
}
