using Workflow.Engine.Tickets;

namespace Workflow.Engine.Queries;

/// <summary>One page of a ticket list and the cursor of the next page, null after the last.</summary>
public sealed record TicketPage(IReadOnlyList<Ticket> Tickets, string? NextCursor);
