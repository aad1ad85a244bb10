using Workflow.Sdk.Tickets;

namespace Workflow.Sdk.Notifications;

/// <summary>A ticket as plugins see it at one moment. Immutable; it does not follow later changes.</summary>
public sealed record TicketSnapshot
{
    /// <summary>The number people quote, for example <c>TKT0000042</c>.</summary>
    public required string Number { get; init; }

    /// <summary>Incident or service request.</summary>
    public TicketKind Kind { get; init; }

    /// <summary>How the report arrived.</summary>
    public IntakeChannel Channel { get; init; }

    /// <summary>Where the ticket stands in its lifecycle.</summary>
    public TicketState State { get; init; }

    /// <summary>The one-line summary.</summary>
    public string Subject { get; init; } = "";

    /// <summary>The reporter's display name, if known.</summary>
    public string? ReporterName { get; init; }

    /// <summary>The reporter's mail address, if known.</summary>
    public string? ReporterMail { get; init; }

    /// <summary>The category, if set.</summary>
    public string? Category { get; init; }

    /// <summary>The subcategory, if set.</summary>
    public string? Subcategory { get; init; }

    /// <summary>The priority level's name, if prioritised.</summary>
    public string? Priority { get; init; }

    /// <summary>The group working on it, if assigned.</summary>
    public string? AssignmentGroup { get; init; }

    /// <summary>The resolution code, once resolved.</summary>
    public string? ResolutionCode { get; init; }
}
