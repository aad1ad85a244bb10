using System.Text.Json;
using Workflow.Engine.Jobs;
using Workflow.Engine.Storage;
using Workflow.Engine.Workflows.Activities;

namespace Workflow.Engine.Tickets;

public sealed partial class TicketService
{
    /// <summary>
    /// Saves a step with the messages its nodes sent, in one transaction. A new ticket gets its number from the
    /// database, so its messages are written by a second save inside the same transaction.
    /// </summary>
    private static async Task SaveStepAsync(
        WorkflowDbContext db,
        Ticket ticket,
        StepScope step,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (step.Notices.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        if (ticket.Id > 0)
        {
            db.Outbox.AddRange(step.Notices.Select(n => Message(ticket, n, now)));
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.Outbox.AddRange(step.Notices.Select(n => Message(ticket, n, now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static OutboxMessage Message(Ticket ticket, WorkflowNotice notice, DateTimeOffset now)
    {
        var payload = JsonSerializer.Serialize(
            new
            {
                ticketId = ticket.Id,
                number = ticket.Number,
                subject = ticket.Subject,
                priority = ticket.Priority,
                node = notice.NodeId,
                channel = notice.Channel,
                recipient = notice.Recipient,
                message = notice.Message,
            },
            JsonSerializerOptions.Web);
        return OutboxMessage.Create(notice.IdempotencyKey, NotifyActivity.Kind, ticket.Id, payload, now);
    }
}
