using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Access;
using Workflow.Engine.Workflows;

namespace Workflow.Engine.Storage;

/// <summary>
/// Commits new tickets from many callers in shared transactions, so that SQLite, which lets one writer in at a
/// time and syncs the disk on every commit, pays one lock and one sync for a whole batch instead of one per
/// ticket. One writer drains the queue: while it commits a batch, the tickets that arrive meanwhile gather into
/// the next. The rows go through <see cref="BulkTicketWriter"/>'s prepared statements, since the single writer
/// is where the time of every create adds up. A ticket's task completes only after its batch committed, so a
/// caller that sees success knows its ticket is on disk.
/// </summary>
/// <remarks>
/// Each ticket is written behind a savepoint: one that is refused (an idempotency key already taken) is rolled
/// back alone, and its caller gets the exception once the batch has committed, so it can read the ticket that
/// beat it; the rest of the batch commits as if it had not been there. If the commit itself fails, nothing of
/// the batch was written, and each of its tickets is tried again alone, so only the ones that fail alone report
/// an error. Thread-safe.
/// </remarks>
public sealed class GroupCommit(WorkflowDbContextFactory contexts)
{
    /// <summary>The most tickets one transaction takes; a longer queue is committed in several.</summary>
    public const int MaxBatch = 256;

    private readonly Lock _gate = new();
    private readonly Queue<Unit> _queue = new();
    private bool _draining;

    /// <summary>Queues the instance's new ticket (with its journal) and completes once it is committed.</summary>
    /// <param name="instance">The instance of a new ticket, run to its first bookmark.</param>
    /// <param name="idempotency">The caller's key, saved with the ticket.</param>
    /// <param name="cancellationToken">Drops the ticket if it is cancelled before its batch begins.</param>
    /// <exception cref="DbUpdateException">The ticket was refused; nothing of it was written.</exception>
    public Task SaveAsync(
        WorkflowInstance instance,
        IdempotencyRecord? idempotency,
        CancellationToken cancellationToken = default)
    {
        var unit = new Unit(instance, idempotency, cancellationToken);
        var start = false;
        lock (_gate)
        {
            _queue.Enqueue(unit);
            if (!_draining)
            {
                _draining = true;
                start = true;
            }
        }

        if (start)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return unit.Done.Task;
    }

    /// <summary>Commits batches until the queue is empty, then stops; the next ticket starts a new drain.</summary>
    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<Unit>();
            lock (_gate)
            {
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var unit))
                {
                    batch.Add(unit);
                }

                if (batch.Count == 0)
                {
                    _draining = false;
                    return;
                }
            }

            await CommitAsync(batch);
        }
    }

    /// <summary>
    /// Commits the batch; when the commit itself fails, tries each of its tickets again in a transaction of its
    /// own, so one ticket that makes the commit fail does not take the others with it.
    /// </summary>
    private async Task CommitAsync(List<Unit> batch)
    {
        var failures = new Exception?[batch.Count];
        try
        {
            await using var db = contexts.Create();
            await using var writer = await BulkTicketWriter.BeginAsync(db, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                failures[i] = await WriteOneAsync(writer, batch[i]);
            }

            await writer.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            if (batch.Count == 1)
            {
                batch[0].Done.TrySetException(ex);
                return;
            }

            // Nothing of the batch was written; a ticket written again gets a new id from the database.
            foreach (var unit in batch)
            {
                await CommitAsync([unit]);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Done.TrySetException(failure);
            }
            else
            {
                batch[i].Done.TrySetResult();
            }
        }
    }

    /// <summary>Writes one ticket; returns why it was refused, or null when it was written.</summary>
    private static async Task<Exception?> WriteOneAsync(BulkTicketWriter writer, Unit unit)
    {
        if (unit.CancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException(unit.CancellationToken);
        }

        try
        {
            await writer.WriteAloneAsync(unit.Instance, unit.Idempotency, CancellationToken.None);
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private sealed record Unit(
        WorkflowInstance Instance,
        IdempotencyRecord? Idempotency,
        CancellationToken CancellationToken)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
