using Workflow.Engine.Tickets;
using Workflow.Sdk.Tickets;

namespace Workflow.Host.Api;

/// <summary>A ticket as a list shows it: enough to pick it, without its journal.</summary>
internal sealed record TicketSummary(
    long Id,
    string Number,
    TicketKind Kind,
    string Subject,
    string? ReporterName,
    string? ReporterUserName,
    string? Category,
    string? Subcategory,
    string? Priority,
    TicketState State,
    string? AssignmentGroup,
    string? AssignedTo,
    string? ConfigurationItem,
    bool IsMajorIncident,
    long? Parent,
    string? Problem,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static TicketSummary From(Ticket t) => new(
        t.Id, t.Number, t.Kind, t.Subject, t.Reporter.Name, t.Reporter.UserName, t.Category, t.Subcategory,
        t.Priority, t.State, t.AssignmentGroup, t.AssignedTo, t.ConfigurationItem, t.IsMajorIncident,
        t.ParentTicketId, t.ProblemReference, t.CreatedAt, t.UpdatedAt, t.Version);
}

/// <summary>One page of tickets and the cursor that reads the next one, null after the last page.</summary>
internal sealed record TicketListView(IReadOnlyList<TicketSummary> Items, string? NextCursor);
