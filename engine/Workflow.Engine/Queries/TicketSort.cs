namespace Workflow.Engine.Queries;

/// <summary>The orders a ticket list can be read in; ties are broken by id so paging never skips a ticket.</summary>
public enum TicketSortField
{
    Id,
    CreatedAt,
    UpdatedAt,
    OccurredAt,
}

/// <summary>A field and a direction.</summary>
public sealed record TicketSort(TicketSortField Field, bool Descending);
