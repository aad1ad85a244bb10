using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Storage;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Problems;

/// <summary>
/// Major incidents: an incident that groups the open incidents it stands for as its children. Resolving it
/// resolves every child still open through the child's own workflow, so each child's journal says so.
/// Thread-safe.
/// </summary>
public sealed class MajorIncidentService(
    WorkflowDbContextFactory contexts,
    TicketService tickets,
    TimeProvider time)
{
    /// <summary>Logs a major incident and makes the selected tickets its children.</summary>
    /// <exception cref="ValidationException">A selected ticket does not exist, is not open or has a parent.</exception>
    public async Task<Ticket> CreateAsync(
        TicketDetails details,
        IReadOnlyList<long> childIds,
        string actor,
        CancellationToken cancellationToken = default)
    {
        if (childIds.Count == 0)
        {
            throw new ValidationException("ticketIds", "must name at least one ticket.");
        }

        await using (var db = contexts.Create())
        {
            var children = await db.Tickets.AsNoTracking()
                .Where(t => childIds.Contains(t.Id))
                .ToListAsync(cancellationToken);
            CheckChildren(children, childIds, "ticketIds");
        }

        var parent = await tickets.CreateAsync(details, actor, cancellationToken);
        await using var write = contexts.Create();
        var stored = await write.Tickets
            .Where(t => t.Id == parent.Id || childIds.Contains(t.Id))
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var major = stored.Single(t => t.Id == parent.Id);
        major.MarkMajorIncident();
        major.AppendJournal(actor, "majorIncident", $"major incident for {childIds.Count} ticket(s)", now);
        foreach (var child in stored.Where(t => t.Id != parent.Id))
        {
            child.LinkParent(parent.Id);
            child.AppendJournal(actor, "linked", $"child of major incident {major.Number}", now);
        }

        await write.SaveChangesAsync(cancellationToken);
        return major;
    }

    /// <summary>Makes a ticket a child of the major incident.</summary>
    /// <exception cref="KeyNotFoundException">No such major incident.</exception>
    /// <exception cref="ValidationException">The child does not exist, is not open or already has a parent.</exception>
    public async Task LinkAsync(long parentId, long childId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var major = await MajorAsync(db, parentId, cancellationToken);
        var child = await db.Tickets.SingleOrDefaultAsync(t => t.Id == childId, cancellationToken);
        CheckChildren(child is null ? [] : [child], [childId], "ticketId");
        if (childId == parentId)
        {
            throw new ValidationException("ticketId", "a major incident cannot be its own child.");
        }

        child!.LinkParent(parentId);
        child.AppendJournal(actor, "linked", $"child of major incident {major.Number}", time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Releases a child from the major incident.</summary>
    /// <exception cref="KeyNotFoundException">No such major incident, or the ticket is not its child.</exception>
    public async Task UnlinkAsync(long parentId, long childId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var major = await MajorAsync(db, parentId, cancellationToken);
        var child = await db.Tickets.SingleOrDefaultAsync(
                t => t.Id == childId && t.ParentTicketId == parentId,
                cancellationToken)
            ?? throw new KeyNotFoundException($"Ticket {childId} is not a child of major incident {major.Number}.");

        child.LinkParent(null);
        child.AppendJournal(actor, "unlinked", $"no longer a child of major incident {major.Number}", time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// When <paramref name="parent"/> is a resolved major incident, resolves each open child whose current task
    /// offers <c>resolve</c>, with the parent's resolution code. Each child is its own step, so a child another
    /// agent changes at the same moment keeps that agent's change and is reported as left open.
    /// </summary>
    /// <returns>How many children were resolved and how many were left as they were.</returns>
    public async Task<(int Resolved, int Left)> ResolveChildrenAsync(
        Ticket parent,
        string actor,
        CancellationToken cancellationToken = default)
    {
        if (!parent.IsMajorIncident || parent.State != TicketState.Resolved)
        {
            return (0, 0);
        }

        List<(long Id, string? Outcomes)> open;
        await using (var db = contexts.Create())
        {
            open = (await db.Instances.AsNoTracking()
                .Where(i => i.Ticket.ParentTicketId == parent.Id
                    && (i.Ticket.State == TicketState.New || i.Ticket.State == TicketState.InProgress
                        || i.Ticket.State == TicketState.OnHold))
                .Select(i => new { i.TicketId, i.BookmarkOutcomes })
                .ToListAsync(cancellationToken))
                .Select(i => (i.TicketId, i.BookmarkOutcomes)).ToList();
        }

        var resolved = 0;
        foreach (var (id, outcomes) in open)
        {
            if (outcomes?.Split(',').Contains("resolve") != true)
            {
                continue;
            }

            var action = new TaskAction("resolve", actor)
            {
                ResolutionCode = parent.ResolutionCode,
                Comment = $"resolved with major incident {parent.Number}",
            };
            try
            {
                await tickets.ActAsync(id, action, cancellationToken);
                resolved++;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ValidationException)
            {
                // Someone acted on the child at the same moment, or its workflow refused the resolution; the
                // parent's step has been committed either way, so the child stays open and is counted as left.
            }
        }

        return (resolved, open.Count - resolved);
    }

    private static async Task<Ticket> MajorAsync(WorkflowDbContext db, long id, CancellationToken cancellationToken) =>
        await db.Tickets.SingleOrDefaultAsync(t => t.Id == id && t.IsMajorIncident, cancellationToken)
        ?? throw new KeyNotFoundException($"There is no major incident {id}.");

    private static void CheckChildren(IReadOnlyList<Ticket> found, IReadOnlyList<long> ids, string field)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < ids.Count; i++)
        {
            var path = ids.Count == 1 && field == "ticketId" ? field : $"{field}[{i}]";
            var ticket = found.FirstOrDefault(t => t.Id == ids[i]);
            var error = ticket switch
            {
                null => $"there is no ticket {ids[i]}.",
                { IsMajorIncident: true } => $"{ticket.Number} is itself a major incident.",
                { ParentTicketId: { } other } => $"{ticket.Number} is already a child of ticket {other}.",
                _ when !TicketLifecycle.IsOpen(ticket.State) => $"{ticket.Number} is {ticket.State}, not open.",
                _ when ids.Take(i).Contains(ids[i]) => $"ticket {ids[i]} is named twice.",
                _ => null,
            };
            if (error is not null)
            {
                errors.Add(new(path, error));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
