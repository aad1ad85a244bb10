namespace Workflow.Engine.Tickets;

/// <summary>A ticket as a caller submits it: plain text, checked by <see cref="TicketValidator"/>.</summary>
public sealed record NewTicket
{
    public string? Kind { get; init; }

    public string? Channel { get; init; }

    public Reporter? Reporter { get; init; }

    public string? Subject { get; init; }

    public string? Description { get; init; }

    /// <summary>ISO 8601 with a UTC offset, unless a default zone is configured.</summary>
    public string? OccurredAt { get; init; }

    /// <summary>ISO 8601 with a UTC offset; the time of logging when left out.</summary>
    public string? ReportedAt { get; init; }

    public string? AffectedService { get; init; }

    public string? ConfigurationItem { get; init; }

    public int? AffectedUsers { get; init; }

    public string? Category { get; init; }

    public string? Subcategory { get; init; }

    public string? Impact { get; init; }

    public string? Urgency { get; init; }

    public string? AssignmentGroup { get; init; }
}
