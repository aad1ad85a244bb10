using System.Globalization;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tickets;

/// <summary>
/// A logged disruption and everything the service desk knows about it. Every change goes through a method
/// that records the old and new value; <see cref="AppendJournal"/> turns the recorded changes into one
/// journal entry, so no change reaches storage without its why.
/// </summary>
public sealed partial class Ticket
{
    private readonly List<FieldChange> _pending = [];
    private readonly List<JournalEntry> _journal = [];

    public long Id { get; private set; }

    /// <summary>The record's key in the system it was imported from (<c>source:number</c>), if any.</summary>
    public string? ExternalKey { get; private set; }

    public TicketKind Kind { get; private set; }

    public IntakeChannel Channel { get; private set; }

    public Reporter Reporter { get; private set; } = new();

    public string Subject { get; private set; } = "";

    public string? Description { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public string? AffectedService { get; private set; }

    public string? ConfigurationItem { get; private set; }

    public int? AffectedUsers { get; private set; }

    public string? Category { get; private set; }

    public string? Subcategory { get; private set; }

    public string? Impact { get; private set; }

    public string? Urgency { get; private set; }

    public string? Priority { get; private set; }

    /// <summary>The scheme that <see cref="Impact"/>, <see cref="Urgency"/> and <see cref="Priority"/> belong to.</summary>
    public string? PriorityScheme { get; private set; }

    public TicketState State { get; private set; }

    public HoldReason? HoldReason { get; private set; }

    public string? ResolutionCode { get; private set; }

    public int ReopenCount { get; private set; }

    public int ReassignmentCount { get; private set; }

    public string? AssignmentGroup { get; private set; }

    public string? AssignedTo { get; private set; }

    public long? ParentTicketId { get; private set; }

    public long? DuplicateOfTicketId { get; private set; }

    public string? ProblemReference { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Bumped on every save; a write based on an older copy is refused.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The entries loaded with this copy plus those appended since. A copy loaded without its journal holds
    /// only the new ones; <see cref="JournalLength"/> always counts them all.
    /// </summary>
    public IReadOnlyList<JournalEntry> Journal => _journal;

    /// <summary>How many entries the journal holds, so a new entry is numbered without loading the others.</summary>
    public int JournalLength { get; private set; }

    /// <summary>The changes recorded since the last journal entry.</summary>
    public IReadOnlyList<FieldChange> PendingChanges => _pending;

    /// <summary>The number people quote on the phone.</summary>
    public string Number => ExternalKey is { } key ? key[(key.IndexOf(':') + 1)..] : $"TKT{Id:D7}";

    private Ticket()
    {
    }

    /// <summary>Logs a new ticket; the caller has validated the details.</summary>
    public static Ticket Log(TicketDetails details, DateTimeOffset now)
    {
        var ticket = new Ticket
        {
            ExternalKey = details.ExternalKey,
            Kind = details.Kind,
            Channel = details.Channel,
            Reporter = details.Reporter,
            Subject = details.Subject,
            Description = details.Description,
            OccurredAt = details.OccurredAt.ToUniversalTime(),
            ReportedAt = details.ReportedAt.ToUniversalTime(),
            AffectedService = details.AffectedService,
            ConfigurationItem = details.ConfigurationItem,
            AffectedUsers = details.AffectedUsers,
            Category = details.Category,
            Subcategory = details.Subcategory,
            Impact = details.Impact,
            Urgency = details.Urgency,
            AssignmentGroup = details.AssignmentGroup,
            AssignedTo = details.AssignedTo,
            State = TicketState.New,
            CreatedAt = now.ToUniversalTime(),
            UpdatedAt = now.ToUniversalTime(),
        };

        ticket.RecordLogged();
        return ticket;
    }

    /// <summary>
    /// Appends an entry that records something decided about the ticket (a rule evaluation) without touching
    /// the changes still pending for the current node.
    /// </summary>
    public JournalEntry AppendRecord(
        string actor,
        string action,
        string reason,
        IReadOnlyList<FieldChange> changes,
        DateTimeOffset at)
    {
        JournalLength++;
        var entry = new JournalEntry(JournalLength, at, actor, action, reason, changes);
        _journal.Add(entry);
        return entry;
    }

    /// <summary>Takes the key the database gave the ticket when it was written outside EF.</summary>
    internal void StoredAs(long id) => Id = id;

    private void RecordLogged()
    {
        Logged(nameof(ExternalKey), ExternalKey);
        Logged(nameof(Kind), Kind);
        Logged(nameof(Channel), Channel);
        Logged(nameof(State), State);
        Logged("Reporter.Name", Reporter.Name);
        Logged("Reporter.UserName", Reporter.UserName);
        Logged("Reporter.Mail", Reporter.Mail);
        Logged("Reporter.Phone", Reporter.Phone);
        Logged("Reporter.Department", Reporter.Department);
        Logged("Reporter.Location", Reporter.Location);
        Logged(nameof(Subject), Subject);
        Logged(nameof(Description), Description);
        Logged(nameof(OccurredAt), OccurredAt);
        Logged(nameof(ReportedAt), ReportedAt);
        Logged(nameof(AffectedService), AffectedService);
        Logged(nameof(ConfigurationItem), ConfigurationItem);
        Logged(nameof(AffectedUsers), AffectedUsers);
        Logged(nameof(Category), Category);
        Logged(nameof(Subcategory), Subcategory);
        Logged(nameof(Impact), Impact);
        Logged(nameof(Urgency), Urgency);
        Logged(nameof(AssignmentGroup), AssignmentGroup);
        Logged(nameof(AssignedTo), AssignedTo);
    }

    private void Logged<T>(string field, T value)
    {
        if (value is not null)
        {
            Record(field, null, Format(value));
        }
    }

    /// <summary>
    /// Turns the changes recorded since the last entry into one journal entry. Returns null when nothing
    /// changed and <paramref name="always"/> is false, so an action that changes nothing leaves no noise.
    /// </summary>
    public JournalEntry? AppendJournal(
        string actor,
        string action,
        string reason,
        DateTimeOffset at,
        bool always = false)
    {
        if (_pending.Count == 0 && !always)
        {
            return null;
        }

        JournalLength++;
        var entry = new JournalEntry(JournalLength, at, actor, action, reason, [.. _pending]);
        _journal.Add(entry);
        _pending.Clear();
        UpdatedAt = at.ToUniversalTime();
        return entry;
    }

    private void Record(string field, string? old, string? value) => _pending.Add(new FieldChange(field, old, value));

    private void Set<T>(string field, T old, T value, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(old, value))
        {
            return;
        }

        assign(value);
        Record(field, Format(old), Format(value));
    }

    private static string? Format<T>(T value) => value switch
    {
        null => null,
        DateTimeOffset time => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
