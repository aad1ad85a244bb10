using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Jobs;
using Workflow.Engine.Storage;
using Workflow.Sdk.Notifications;

namespace Workflow.Engine.Plugins;

/// <summary>
/// Hands SLA breaches from the outbox to the plugins' notifiers, so a breach reaches them once per message the
/// sweep committed (the outbox records the delivery), however many hosts share the work.
/// </summary>
public sealed class SlaBreachNotifications(WorkflowDbContextFactory contexts, TicketEvents events) : IOutboxDelivery
{
    public const string Kind = "sla.breached";

    public bool Accepts(string kind) => kind == Kind;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.TicketId is not { } id)
        {
            return;
        }

        await using var db = contexts.Create();
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null)
        {
            return;
        }

        var breach = new TicketEvent(TicketEventKind.SlaBreached, TicketSnapshots.From(ticket), message.CreatedAt);
        await events.PublishAsync(breach, cancellationToken);
    }
}
