using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Storage;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Problems;

/// <summary>
/// Accepts a rule's proposal of a major incident: the proposing ticket and the other open incidents on its
/// configuration item from the hour before it (the trend the rule counted) become the children of a new major
/// incident. Thread-safe.
/// </summary>
public sealed class MajorIncidentProposals(WorkflowDbContextFactory contexts, MajorIncidentService majors)
{
    /// <exception cref="KeyNotFoundException">No such ticket.</exception>
    /// <exception cref="ValidationException">No rule proposed a major incident for it, or it is linked already.</exception>
    public async Task<Ticket> AcceptAsync(long ticketId, string actor, CancellationToken cancellationToken = default)
    {
        Ticket proposing;
        List<long> children;
        await using (var db = contexts.Create())
        {
            proposing = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken)
                ?? throw new KeyNotFoundException($"There is no ticket {ticketId}.");
            Check(proposing);

            var since = proposing.CreatedAt - TicketService.TrendWindow;
            var item = proposing.ConfigurationItem;
            children = await db.Tickets.AsNoTracking()
                .Open()
                .Where(t => t.ConfigurationItem == item && t.CreatedAt >= since && t.Kind == TicketKind.Incident
                    && t.ParentTicketId == null && !t.IsMajorIncident)
                .OrderBy(t => t.Id)
                .Select(t => t.Id)
                .ToListAsync(cancellationToken);
        }

        var details = new TicketDetails
        {
            Subject = $"Major incident on {proposing.ConfigurationItem}",
            Description = $"{children.Count} open incidents on {proposing.ConfigurationItem} within an hour, "
                + $"proposed by the rules on {proposing.Number}.",
            Reporter = new Reporter { Name = actor },
            OccurredAt = proposing.OccurredAt,
            ReportedAt = proposing.ReportedAt,
            AffectedService = proposing.AffectedService,
            ConfigurationItem = proposing.ConfigurationItem,
            Category = proposing.Category,
            Subcategory = proposing.Subcategory,
            Impact = proposing.Impact,
            Urgency = proposing.Urgency,
            AssignmentGroup = proposing.AssignmentGroup,
        };
        return await majors.CreateAsync(details, children, actor, cancellationToken);
    }

    private static void Check(Ticket ticket)
    {
        var error = ticket switch
        {
            { MajorIncidentProposed: false } => $"no rule proposed a major incident for {ticket.Number}.",
            { ConfigurationItem: null } => $"{ticket.Number} names no configuration item to group incidents by.",
            { ParentTicketId: { } parent } => $"{ticket.Number} is already a child of ticket {parent}.",
            _ => null,
        };
        if (error is not null)
        {
            throw new ValidationException("ticketId", error);
        }
    }
}
