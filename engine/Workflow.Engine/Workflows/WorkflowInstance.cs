using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows.Activities;

namespace Workflow.Engine.Workflows;

/// <summary>Whether an instance is waiting at a bookmark, finished, or stopped by an error.</summary>
public enum InstanceStatus
{
    Running,
    Suspended,
    Completed,
}

/// <summary>
/// One ticket's run of a workflow, pinned to the definition version it started on. While suspended it holds
/// exactly one bookmark: the node it waits at, what it waits for, and (for a timer) when it is due.
/// </summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; private set; }

    public long TicketId { get; private set; }

    public Ticket Ticket { get; private set; } = null!;

    public string DefinitionId { get; private set; } = "";

    public int DefinitionVersion { get; private set; }

    public InstanceStatus Status { get; private set; }

    public string? CurrentNodeId { get; private set; }

    public Guid? BookmarkId { get; private set; }

    public string? BookmarkKind { get; private set; }

    /// <summary>The outcomes the bookmark accepts, comma-separated.</summary>
    public string? BookmarkOutcomes { get; private set; }

    public DateTimeOffset? BookmarkDueAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Bumped on every save; two resumes from the same version cannot both commit.</summary>
    public int Version { get; private set; }

    private WorkflowInstance()
    {
    }

    public static WorkflowInstance Start(Ticket ticket, string definitionId, int version, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Ticket = ticket,
        DefinitionId = definitionId,
        DefinitionVersion = version,
        Status = InstanceStatus.Running,
        UpdatedAt = now,
    };

    internal void StoredFor(long ticketId) => TicketId = ticketId;

    private string[]? _pendingOutcomes;

    /// <summary>The outcomes the pending bookmark accepts; empty when nothing is pending.</summary>
    public IReadOnlyList<string> PendingOutcomes =>
        _pendingOutcomes ??= BookmarkOutcomes?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    internal void MoveTo(string nodeId, DateTimeOffset now)
    {
        CurrentNodeId = nodeId;
        Status = InstanceStatus.Running;
        ClearBookmark();
        UpdatedAt = now;
    }

    internal void Suspend(BookmarkRequest bookmark, DateTimeOffset now)
    {
        Status = InstanceStatus.Suspended;
        BookmarkId = Guid.CreateVersion7(now);
        BookmarkKind = bookmark.Kind;
        BookmarkOutcomes = string.Join(',', bookmark.Outcomes);
        _pendingOutcomes = null;
        BookmarkDueAt = bookmark.DueAt;
        UpdatedAt = now;
    }

    internal void Complete(DateTimeOffset now)
    {
        Status = InstanceStatus.Completed;
        ClearBookmark();
        UpdatedAt = now;
    }

    private void ClearBookmark()
    {
        BookmarkId = null;
        BookmarkKind = null;
        BookmarkOutcomes = null;
        BookmarkDueAt = null;
        _pendingOutcomes = null;
    }
}
