using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Storage;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Problems;

/// <summary>
/// Problems and the incidents they caused. A problem and its first links are written in one transaction, and
/// every link or unlink is journaled on the incident. Thread-safe; each call uses its own context.
/// </summary>
public sealed class ProblemService(WorkflowDbContextFactory contexts, TimeProvider time)
{
    public const int MaxTitle = 500;

    /// <summary>Records a problem and links the selected tickets to it.</summary>
    /// <exception cref="ValidationException">The title is missing or a ticket does not exist.</exception>
    public async Task<ProblemRecord> CreateAsync(
        string? title,
        string? description,
        IReadOnlyList<long> ticketIds,
        string actor,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new("title", "is required."));
        }

        TextInput.Check(errors, "title", title, MaxTitle);
        TextInput.Check(errors, "description", description, TextInput.LongText);

        await using var db = contexts.Create();
        var tickets = await db.Tickets.Where(t => ticketIds.Contains(t.Id)).ToListAsync(cancellationToken);
        for (var i = 0; i < ticketIds.Count; i++)
        {
            if (tickets.All(t => t.Id != ticketIds[i]))
            {
                errors.Add(new($"ticketIds[{i}]", $"there is no ticket {ticketIds[i]}."));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var now = time.GetUtcNow();
        var problem = new ProblemRecord
        {
            Title = title!.Trim(),
            Description = description,
            State = ProblemState.Open,
            CreatedAt = now,
            CreatedBy = actor,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Problems.Add(problem);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var ticket in tickets)
        {
            ticket.LinkProblem(problem.Number);
            ticket.AppendJournal(actor, "linked", $"caused by problem {problem.Number}", now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return problem;
    }

    /// <summary>True when a problem has this number (<c>PRB0000001</c>).</summary>
    public async Task<bool> ExistsAsync(string number, CancellationToken cancellationToken = default)
    {
        if (!number.StartsWith("PRB", StringComparison.Ordinal)
            || !long.TryParse(number.AsSpan(3), System.Globalization.NumberStyles.None, null, out var id)
            || ProblemRecord.NumberOf(id) != number)
        {
            return false;
        }

        await using var db = contexts.Create();
        return await db.Problems.AnyAsync(p => p.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<ProblemRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        return await db.Problems.AsNoTracking().OrderByDescending(p => p.Id).ToListAsync(cancellationToken);
    }

    /// <summary>A problem and the tickets linked to it.</summary>
    /// <exception cref="KeyNotFoundException">No such problem.</exception>
    public async Task<(ProblemRecord Problem, IReadOnlyList<Ticket> Tickets)> GetAsync(
        long id,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var problem = await FindAsync(db, id, cancellationToken);
        var number = problem.Number;
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.ProblemReference == number)
            .OrderBy(t => t.Id)
            .ToListAsync(cancellationToken);
        return (problem, tickets);
    }

    /// <summary>Links a ticket to the problem, or (<paramref name="link"/> false) removes the link.</summary>
    /// <exception cref="KeyNotFoundException">
    /// No such problem, or (when unlinking) the ticket is not linked to it.
    /// </exception>
    /// <exception cref="ValidationException">The ticket to link does not exist.</exception>
    public async Task LinkAsync(
        long id,
        long ticketId,
        bool link,
        string actor,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var problem = await FindAsync(db, id, cancellationToken);
        var number = problem.Number;
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null && link)
        {
            throw new ValidationException("ticketId", $"there is no ticket {ticketId}.");
        }

        if (!link && ticket?.ProblemReference != number)
        {
            throw new KeyNotFoundException($"Ticket {ticketId} is not linked to problem {number}.");
        }

        ticket!.LinkProblem(link ? number : null);
        var reason = link ? $"caused by problem {number}" : $"no longer linked to problem {number}";
        ticket.AppendJournal(actor, link ? "linked" : "unlinked", reason, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Marks the problem resolved; its incidents keep their own states.</summary>
    /// <exception cref="KeyNotFoundException">No such problem.</exception>
    public async Task<ProblemRecord> ResolveAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var problem = await FindAsync(db, id, cancellationToken);
        if (problem.State == ProblemState.Resolved)
        {
            throw new InvalidOperationException($"Problem {problem.Number} is already resolved.");
        }

        problem.State = ProblemState.Resolved;
        problem.ResolvedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return problem;
    }

    private static async Task<ProblemRecord> FindAsync(WorkflowDbContext db, long id, CancellationToken cancellationToken) =>
        await db.Problems.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new KeyNotFoundException($"There is no problem {id}.");
}
