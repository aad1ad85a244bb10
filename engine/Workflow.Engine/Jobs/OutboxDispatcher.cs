using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Storage;

namespace Workflow.Engine.Jobs;

/// <summary>
/// Hands outbox messages to the registered deliveries and records that it did. On PostgreSQL the messages of
/// one batch are locked with <c>FOR UPDATE SKIP LOCKED</c>, so two hosts dispatching at once never take the
/// same message; a host that dies after delivering and before committing leaves the message to be delivered
/// again under the same idempotency key. Thread-safe.
/// </summary>
public sealed class OutboxDispatcher(WorkflowDbContextFactory contexts, TimeProvider time)
{
    /// <summary>After this many failed attempts a message stays in the outbox for a person to look at.</summary>
    public const int MaxAttempts = 10;

    private IReadOnlyList<IOutboxDelivery> _deliveries = [];

    /// <summary>Adds a delivery; messages already waiting reach it on the next dispatch.</summary>
    public void Register(IOutboxDelivery delivery)
    {
        lock (this)
        {
            _deliveries = [.. _deliveries, delivery];
        }
    }

    /// <summary>Delivers waiting messages, batch after batch, until a batch delivers nothing.</summary>
    /// <returns>How many messages were delivered.</returns>
    public async Task<int> DispatchAsync(int batchSize = 100, CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var delivered = await DispatchBatchAsync(batchSize, cancellationToken);
            if (delivered == 0)
            {
                return total;
            }

            total += delivered;
        }
    }

    private async Task<int> DispatchBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        var deliveries = Volatile.Read(ref _deliveries);
        if (deliveries.Count == 0)
        {
            return 0;
        }

        await using var db = contexts.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var waiting = db is PostgresWorkflowDbContext
            ? db.Outbox.FromSqlInterpolated($"""
                SELECT * FROM outbox WHERE "DeliveredAt" IS NULL AND "Attempts" < {MaxAttempts}
                ORDER BY "Id" LIMIT {batchSize} FOR UPDATE SKIP LOCKED
                """)
            : db.Outbox.Where(m => m.DeliveredAt == null && m.Attempts < MaxAttempts).OrderBy(m => m.Id).Take(batchSize);
        var messages = await waiting.ToListAsync(cancellationToken);

        var delivered = 0;
        foreach (var message in messages)
        {
            var takers = deliveries.Where(d => d.Accepts(message.Kind)).ToList();
            if (takers.Count == 0)
            {
                continue;
            }

            try
            {
                foreach (var delivery in takers)
                {
                    await delivery.DeliverAsync(message, cancellationToken);
                }

                message.Delivered(time.GetUtcNow());
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Failed(ex.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return delivered;
    }
}
