using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Storage;
using Workflow.Engine.Workflows;

namespace Workflow.Engine.Tickets;

/// <summary>
/// Changes to a ticket that do not go through its workflow: descriptive fields, comments and links. Each call
/// writes the change and its journal entry in one save, and only to the version of the ticket the caller saw
/// when it names one. Thread-safe; each call uses its own context.
/// </summary>
public sealed class TicketChangeService(WorkflowDbContextFactory contexts, TimeProvider time)
{
    /// <summary>Journal action of a comment only agents see.</summary>
    public const string WorkNote = "workNote";

    /// <summary>Journal action of a comment the reporter sees too.</summary>
    public const string Reply = "reply";

    /// <summary>Applies <paramref name="change"/> and journals what it changed under <paramref name="action"/>.</summary>
    /// <param name="id">The ticket.</param>
    /// <param name="expectedVersion">The version the caller saw, or null to apply to whatever is stored.</param>
    /// <param name="actor">Who changes it.</param>
    /// <param name="action">The journal's name for the change, such as <c>edited</c> or <c>linked</c>.</param>
    /// <param name="reason">Why, as the journal shows it.</param>
    /// <param name="change">The change; it throws to refuse it.</param>
    /// <param name="cancellationToken">Stops the call before it saves.</param>
    /// <exception cref="KeyNotFoundException">No such ticket.</exception>
    /// <exception cref="StaleTicketException">The ticket is no longer at <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="WorkflowConflictException">Another write to the ticket committed first.</exception>
    public async Task<Ticket> ChangeAsync(
        long id,
        int? expectedVersion,
        string actor,
        string action,
        string reason,
        Action<Ticket> change,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var ticket = await LoadAsync(db, id, expectedVersion, cancellationToken);

        change(ticket);
        ticket.AppendJournal(actor, action, reason, time.GetUtcNow());

        await SaveAsync(db, ticket, cancellationToken);
        return ticket;
    }

    /// <summary>Adds a comment to the journal: a work note for agents, or a reply the reporter reads too.</summary>
    /// <exception cref="KeyNotFoundException">No such ticket.</exception>
    /// <exception cref="StaleTicketException">The ticket is no longer at <paramref name="expectedVersion"/>.</exception>
    public async Task<JournalEntry> CommentAsync(
        long id,
        int? expectedVersion,
        string actor,
        bool workNote,
        string text,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var ticket = await LoadAsync(db, id, expectedVersion, cancellationToken);

        var entry = ticket.AppendRecord(actor, workNote ? WorkNote : Reply, text, [], time.GetUtcNow());

        await SaveAsync(db, ticket, cancellationToken);
        return entry;
    }

    private static async Task<Ticket> LoadAsync(
        WorkflowDbContext db,
        long id,
        int? expectedVersion,
        CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no ticket {id}.");
        if (expectedVersion is { } expected && expected != ticket.Version)
        {
            throw new StaleTicketException(ticket.Number, expected, ticket.Version);
        }

        return ticket;
    }

    private static async Task SaveAsync(WorkflowDbContext db, Ticket ticket, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The version check or the journal's unique sequence caught a write that committed in between.
            throw new WorkflowConflictException(
                $"Ticket {ticket.Number} was changed by someone else at the same time; nothing was applied. "
                + "Reload it and try again.");
        }
    }
}
