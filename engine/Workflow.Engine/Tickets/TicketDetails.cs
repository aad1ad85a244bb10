using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tickets;

/// <summary>Everything known about a disruption when it is logged; validated by <see cref="TicketValidator"/>.</summary>
public sealed record TicketDetails
{
    public TicketKind Kind { get; init; } = TicketKind.Incident;

    public IntakeChannel Channel { get; init; } = IntakeChannel.Api;

    public Reporter Reporter { get; init; } = new();

    public string Subject { get; init; } = "";

    public string? Description { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset ReportedAt { get; init; }

    public string? AffectedService { get; init; }

    public string? ConfigurationItem { get; init; }

    public int? AffectedUsers { get; init; }

    public string? Category { get; init; }

    public string? Subcategory { get; init; }

    public string? Impact { get; init; }

    public string? Urgency { get; init; }

    public string? AssignmentGroup { get; init; }

    public string? AssignedTo { get; init; }

    public string? ExternalKey { get; init; }
}
