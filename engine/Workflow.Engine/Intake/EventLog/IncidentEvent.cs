using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Intake.EventLog;

/// <summary>One row of the event log: the incident as it stood after one update.</summary>
internal sealed record IncidentEvent
{
    public required int Line { get; init; }

    public required string Number { get; init; }

    /// <summary>The state as the export names it (New, Active, Awaiting User Info, ...).</summary>
    public required string SourceState { get; init; }

    public required TicketState State { get; init; }

    public HoldReason? HoldReason { get; init; }

    public required int ModCount { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? Caller { get; init; }

    public string? OpenedBy { get; init; }

    public string? UpdatedBy { get; init; }

    public IntakeChannel Channel { get; init; }

    public string? Location { get; init; }

    public string? Category { get; init; }

    public string? Subcategory { get; init; }

    public string? Symptom { get; init; }

    public string? ConfigurationItem { get; init; }

    public required string Impact { get; init; }

    public required string Urgency { get; init; }

    public required string RecordedPriority { get; init; }

    public string? AssignmentGroup { get; init; }

    public string? AssignedTo { get; init; }

    public string? ClosedCode { get; init; }

    public string? ProblemId { get; init; }
}
