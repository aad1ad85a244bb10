using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>
/// A person's (or an integration's) choice at a blocking node, with the details later nodes need: a hold
/// reason, a resolution code, a new assignment, new impact and urgency.
/// </summary>
public sealed record TaskAction(string Outcome, string Actor)
{
    /// <summary>The bookmark the caller saw; when given, a different pending bookmark is a conflict.</summary>
    public Guid? BookmarkId { get; init; }

    public string? Comment { get; init; }

    /// <summary>The event that resumes a wait-for-event node; only events posted for the ticket carry one.</summary>
    public string? Event { get; init; }

    public HoldReason? HoldReason { get; init; }

    public string? ResolutionCode { get; init; }

    public string? AssignmentGroup { get; init; }

    public string? AssignedTo { get; init; }

    public string? Category { get; init; }

    public string? Subcategory { get; init; }

    public string? Impact { get; init; }

    public string? Urgency { get; init; }

    /// <summary>When the action happened; the step's clock when not given (imports replay recorded times).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>The ticket version the caller saw (its ETag); when given, a newer ticket refuses the action.</summary>
    public int? ExpectedTicketVersion { get; init; }
}
