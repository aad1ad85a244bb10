using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Queries;

/// <summary>Which tickets a list shows; every given criterion must hold, a null one is not applied.</summary>
public sealed record TicketFilter
{
    /// <summary>Any of these states; empty means every state.</summary>
    public IReadOnlyList<TicketState> States { get; init; } = [];

    public string? Priority { get; init; }

    public string? Category { get; init; }

    public string? AssignmentGroup { get; init; }

    public string? AssignedTo { get; init; }

    /// <summary>Only tickets whose reporter has this user name (a reporter's own list).</summary>
    public string? ReporterUserName { get; init; }

    /// <summary>Words that must all occur in the subject or the description, in any case.</summary>
    public string? Text { get; init; }

    /// <summary>Any of these SLA statuses; empty means every ticket, with an SLA or without.</summary>
    public IReadOnlyList<TicketSlaStatus> SlaStatuses { get; init; } = [];

    /// <summary>Only children of this major incident.</summary>
    public long? ParentId { get; init; }
}
