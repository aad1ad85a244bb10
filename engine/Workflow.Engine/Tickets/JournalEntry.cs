namespace Workflow.Engine.Tickets;

/// <summary>
/// One appended line of a ticket's audit trail: who changed what, when, and why.
/// </summary>
public sealed class JournalEntry
{
    public long Id { get; private set; }

    public long TicketId { get; private set; }

    /// <summary>Position in the ticket's journal, from 1, so the order never depends on clock resolution.</summary>
    public int Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; } = "";

    /// <summary>What happened, for example <c>created</c>, <c>hold</c> or <c>prioritised</c>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>Why: the workflow node, rule or request that caused the change.</summary>
    public string Reason { get; private set; } = "";

    public IReadOnlyList<FieldChange> Changes { get; private set; } = [];

    private JournalEntry()
    {
    }

    internal void StoredFor(long ticketId) => TicketId = ticketId;

    internal JournalEntry(
        int sequence,
        DateTimeOffset at,
        string actor,
        string action,
        string reason,
        IReadOnlyList<FieldChange> changes)
    {
        Sequence = sequence;
        At = at.ToUniversalTime();
        Actor = actor;
        Action = action;
        Reason = reason;
        Changes = changes;
    }
}
