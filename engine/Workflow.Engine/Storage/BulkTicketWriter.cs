using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Access;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;

namespace Workflow.Engine.Storage;

/// <summary>
/// Writes new tickets with their journals and workflow instances in one transaction, through prepared
/// statements. Imports use it because EF's change tracking costs several times the writes themselves on
/// tens of thousands of rows. Not thread-safe.
/// </summary>
public sealed class BulkTicketWriter : IAsyncDisposable
{
    /// <summary>
    /// Rows per statement. PostgreSQL gains from fewer round trips; SQLite finds each named parameter by a
    /// linear search, so long statements cost it more than they save and it writes one row at a time.
    /// </summary>
    private static int RowsPerStatement(WorkflowDbContext db) => db is PostgresWorkflowDbContext ? 100 : 1;

    private readonly DbTransaction _transaction;
    private readonly TableInsert _tickets;
    private readonly TableInsert _journal;
    private readonly TableInsert _instances;
    private readonly TableInsert _keys;
    private bool _broken;

    private BulkTicketWriter(WorkflowDbContext db, DbTransaction transaction)
    {
        _transaction = transaction;
        _tickets = TableInsert.Returning(db, transaction, typeof(Ticket));
        _journal = TableInsert.Buffered(db, transaction, typeof(JournalEntry), RowsPerStatement(db));
        _instances = TableInsert.Buffered(db, transaction, typeof(WorkflowInstance), RowsPerStatement(db));
        _keys = TableInsert.Buffered(db, transaction, typeof(IdempotencyRecord), 1);
    }

    public static async Task<BulkTicketWriter> BeginAsync(WorkflowDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = await db.Database.GetDbConnection().BeginTransactionAsync(cancellationToken);
        return new BulkTicketWriter(db, transaction);
    }

    /// <summary>Inserts the instance's ticket, its journal entries and the instance, and sets the new ids.</summary>
    public async Task WriteAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var ticket = instance.Ticket;
        var id = Convert.ToInt64(await _tickets.InsertReturningAsync(ticket, cancellationToken));
        ticket.StoredAs(id);

        foreach (var entry in ticket.Journal)
        {
            entry.StoredFor(id);
            await _journal.AddAsync(entry, cancellationToken);
        }

        instance.StoredFor(id);
        await _instances.AddAsync(instance, cancellationToken);
    }

    /// <summary>
    /// Writes one ticket as <see cref="WriteAsync"/> does, with the caller's idempotency key, behind a savepoint:
    /// when a row is refused, or anything else fails, everything of this ticket is rolled back and what the
    /// transaction held before stands.
    /// </summary>
    /// <exception cref="DbUpdateException">
    /// A row was refused (a key already taken); nothing of the ticket remains.
    /// </exception>
    public async Task WriteAloneAsync(
        WorkflowInstance instance,
        IdempotencyRecord? idempotency,
        CancellationToken cancellationToken)
    {
        const string Savepoint = "ticket";
        await _transaction.SaveAsync(Savepoint, cancellationToken);
        try
        {
            await WriteAsync(instance, cancellationToken);
            await _journal.FlushAsync(cancellationToken);
            await _instances.FlushAsync(cancellationToken);
            if (idempotency is not null)
            {
                idempotency.TicketId = instance.TicketId;
                await _keys.AddAsync(idempotency, cancellationToken);
                await _keys.FlushAsync(cancellationToken);
            }

            await _transaction.ReleaseAsync(Savepoint, cancellationToken);
        }
        catch (Exception ex)
        {
            _journal.Discard();
            _instances.Discard();
            _keys.Discard();
            try
            {
                await _transaction.RollbackAsync(Savepoint, cancellationToken);
                await _transaction.ReleaseAsync(Savepoint, cancellationToken);
            }
            catch
            {
                // Part of the ticket may still be in the transaction; committing it would store half a ticket.
                _broken = true;
                throw;
            }

            if (ex is DbException)
            {
                throw new DbUpdateException($"The database refused the new ticket: {ex.Message}", ex);
            }

            throw;
        }
    }

    /// <summary>Writes what is still buffered and commits everything written since <see cref="BeginAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">A ticket's rows could not be rolled back; nothing commits.</exception>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_broken)
        {
            throw new InvalidOperationException(
                "A refused ticket could not be rolled back to its savepoint, so the transaction is not committed.");
        }

        await _journal.FlushAsync(cancellationToken);
        await _instances.FlushAsync(cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Rolls back whatever was not committed.</summary>
    public ValueTask DisposeAsync() => _transaction.DisposeAsync();
}
