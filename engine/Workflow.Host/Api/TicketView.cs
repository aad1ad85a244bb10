using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Sdk.Tickets;

namespace Workflow.Host.Api;

/// <summary>A ticket as the API returns it: its fields, its current task and its journal.</summary>
internal sealed record TicketView(
    long Id,
    string Number,
    TicketKind Kind,
    IntakeChannel Channel,
    Reporter Reporter,
    string Subject,
    string? Description,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReportedAt,
    string? AffectedService,
    string? ConfigurationItem,
    int? AffectedUsers,
    string? Category,
    string? Subcategory,
    string? Impact,
    string? Urgency,
    string? Priority,
    string? PriorityScheme,
    TicketState State,
    HoldReason? HoldReason,
    string? ResolutionCode,
    int ReopenCount,
    string? AssignmentGroup,
    string? AssignedTo,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    int Version,
    LinksView Links,
    ProposalsView Proposals,
    WorkflowView Workflow,
    SlaView? Sla,
    IReadOnlyList<JournalView> Journal)
{
    /// <summary>The ticket with its whole journal, or without work notes for a reporter.</summary>
    public static TicketView From(Ticket t, WorkflowInstance i, bool withWorkNotes = true) => new(
        t.Id, t.Number, t.Kind, t.Channel, t.Reporter, t.Subject, t.Description, t.OccurredAt, t.ReportedAt,
        t.AffectedService, t.ConfigurationItem, t.AffectedUsers, t.Category, t.Subcategory, t.Impact, t.Urgency,
        t.Priority, t.PriorityScheme, t.State, t.HoldReason, t.ResolutionCode, t.ReopenCount, t.AssignmentGroup,
        t.AssignedTo, t.CreatedAt, t.UpdatedAt, t.ResolvedAt, t.ClosedAt, t.Version,
        new LinksView(t.IsMajorIncident, t.ParentTicketId, t.DuplicateOfTicketId, t.ProblemReference),
        new ProposalsView(t.Tags, t.MajorIncidentProposed, t.ProblemProposed),
        new WorkflowView(i.DefinitionId, i.DefinitionVersion, i.Status, i.CurrentNodeId, i.BookmarkId,
            i.PendingOutcomes, i.BookmarkDueAt),
        SlaView.From(t),
        [.. t.Journal.Where(j => withWorkNotes || j.Action != TicketChangeService.WorkNote)
            .OrderBy(j => j.Sequence).Select(JournalView.From)]);
}

/// <summary>What rules said of the ticket: their tags, and whether they propose a major incident or a problem.</summary>
internal sealed record ProposalsView(IReadOnlyList<string> Tags, bool MajorIncident, bool Problem);

/// <summary>What the ticket is linked to: the major incident it belongs to, its original, its problem.</summary>
internal sealed record LinksView(bool IsMajorIncident, long? Parent, long? DuplicateOf, string? Problem);

/// <summary>Where the ticket's workflow stands and which actions it accepts now.</summary>
internal sealed record WorkflowView(
    string Definition,
    int Version,
    InstanceStatus Status,
    string? Node,
    Guid? BookmarkId,
    IReadOnlyList<string> Actions,
    DateTimeOffset? DueAt);

/// <summary>One journal entry: who, when, what changed and why.</summary>
internal sealed record JournalView(
    int Sequence,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Reason,
    IReadOnlyList<FieldChange> Changes)
{
    public static JournalView From(JournalEntry e) => new(e.Sequence, e.At, e.Actor, e.Action, e.Reason, e.Changes);
}
