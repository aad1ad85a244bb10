using Workflow.Sdk.Tickets;

namespace Workflow.Host.Api;

/// <summary>An action at the ticket's current task, with the details the action needs.</summary>
internal sealed record ActionRequest(
    string? Outcome,
    Guid? BookmarkId,
    string? Comment,
    HoldReason? HoldReason,
    string? ResolutionCode,
    string? AssignmentGroup,
    string? AssignedTo,
    string? Category,
    string? Subcategory,
    string? Impact,
    string? Urgency);

/// <summary>New values for a ticket's descriptive fields; a field left out keeps its value.</summary>
internal sealed record TicketEditRequest(
    string? Subject,
    string? Description,
    string? AffectedService,
    string? ConfigurationItem,
    int? AffectedUsers);

/// <summary>Who sees a comment: agents only, or the reporter too.</summary>
internal enum CommentVisibility
{
    WorkNote,
    Reply,
}

/// <summary>A comment on a ticket.</summary>
internal sealed record CommentRequest(string? Text, CommentVisibility? Visibility);

/// <summary>A comment as the API returns it.</summary>
internal sealed record CommentView(
    int Sequence,
    DateTimeOffset At,
    string Author,
    CommentVisibility Visibility,
    string Text);

/// <summary>The ticket a link points at.</summary>
internal sealed record TicketLinkRequest(long? TicketId);

/// <summary>The problem a ticket is linked to, by its number (PRB0000001).</summary>
internal sealed record ProblemLinkRequest(string? Problem);

/// <summary>An event delivered to a ticket's wait-for-event node, with an optional note for the journal.</summary>
internal sealed record EventRequest(string? Comment);
