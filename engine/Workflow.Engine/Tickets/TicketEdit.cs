namespace Workflow.Engine.Tickets;

/// <summary>
/// New values for a ticket's descriptive fields; a null field stays as it is. Category, priority, state and
/// assignment change through workflow actions instead, so the rules and the lifecycle see every such change.
/// </summary>
public sealed record TicketEdit
{
    public string? Subject { get; init; }

    public string? Description { get; init; }

    public string? AffectedService { get; init; }

    public string? ConfigurationItem { get; init; }

    public int? AffectedUsers { get; init; }

    /// <summary>True when no field is given, which would change nothing.</summary>
    public bool IsEmpty => Subject is null && Description is null && AffectedService is null
        && ConfigurationItem is null && AffectedUsers is null;
}
