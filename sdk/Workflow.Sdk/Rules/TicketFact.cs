using NRules.RuleModel;
using Workflow.Sdk.Tickets;

namespace Workflow.Sdk.Rules;

/// <summary>
/// A ticket as rules see it. The details a reporter gave are read-only; what rules decide (kind, category,
/// impact, urgency, priority override, assignment group, tags, proposals) can be set, and every change is
/// recorded with the rule that made it. Identity is the ticket's key, never a field a rule can change, so a
/// rule may update the fact it changed, or a freshly built copy of the same ticket, and both are the same fact.
/// Not thread-safe: one evaluation owns a fact.
/// </summary>
public sealed class TicketFact : IIdentityProvider
{
    /// <summary>The field every escalation a rule asks for is recorded under in <see cref="Changes"/>.</summary>
    public const string EscalationField = "Escalation";

    private readonly List<FactChange> _changes = [];
    private readonly List<EscalationRequest> _escalations = [];
    private readonly SortedSet<string> _tags = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<FactChange> _changesView;
    private readonly IReadOnlyList<EscalationRequest> _escalationsView;
    private readonly IReadOnlyCollection<string> _tagsView;
    private TicketKind _kind;
    private string? _category;
    private string? _subcategory;
    private string? _impact;
    private string? _urgency;
    private string? _priorityOverride;
    private string? _assignmentGroup;
    private bool _majorIncident;
    private bool _problem;

    /// <summary>Creates the fact of one ticket.</summary>
    /// <param name="key">The ticket's stable key (its number); the fact's identity.</param>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    public TicketFact(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;

        // Views, not the collections: a rule that casts them back could otherwise change tags or erase changes
        // without a record.
        _changesView = _changes.AsReadOnly();
        _escalationsView = _escalations.AsReadOnly();
        _tagsView = new System.Collections.ObjectModel.ReadOnlySet<string>(_tags);
    }

    /// <summary>The ticket's stable key; two facts with the same key are the same fact.</summary>
    public string Key { get; }

    /// <summary>How the report arrived.</summary>
    public IntakeChannel Channel { get; init; }

    /// <summary>The reporter's one-line summary.</summary>
    public string Subject { get; init; } = "";

    /// <summary>The reporter's full description, if any.</summary>
    public string Description { get; init; } = "";

    /// <summary>The affected service as the reporter named it, if any.</summary>
    public string? AffectedService { get; init; }

    /// <summary>The affected configuration item, if any.</summary>
    public string? ConfigurationItem { get; init; }

    /// <summary>How many users are affected, if known.</summary>
    public int? AffectedUsers { get; init; }

    /// <summary>Who reported it.</summary>
    public ReporterFact Reporter { get; init; } = new();

    /// <summary>The affected service's criticality, if the service is known.</summary>
    public ServiceFact Service { get; init; } = new();

    /// <summary>Recent tickets like this one.</summary>
    public TrendFact Trend { get; init; } = new();

    /// <summary>The priority in force, if the ticket has one.</summary>
    public string? Priority { get; init; }

    /// <summary>Where the ticket stands in its lifecycle.</summary>
    public TicketState State { get; init; }

    /// <summary>
    /// How long since the ticket was reported. Filled in by the recurring sweep, which is where time-based rules
    /// run; when a ticket is logged or moves through its workflow it is zero.
    /// </summary>
    public TimeSpan Age { get; init; }

    /// <summary>
    /// How long the ticket has waited with nobody assigned to it, counted from when it was logged; zero once
    /// someone has it. Filled in by the recurring sweep, zero elsewhere (as <see cref="Age"/>).
    /// </summary>
    public TimeSpan UnassignedFor { get; init; }

    /// <summary>The worse of the response and resolution clocks. Filled in by the recurring sweep.</summary>
    public SlaStatus SlaStatus { get; init; }

    /// <summary>
    /// The largest share of a running SLA target used so far, in working time (0.8 is 80%; above 1 is past the
    /// target); zero without a service level. Filled in by the recurring sweep.
    /// </summary>
    public double SlaShareUsed { get; init; }

    /// <summary>
    /// The rule whose action is running; the engine sets it so that changes name their rule. Rules never set it.
    /// </summary>
    public string? ActiveRule { get; set; }

    /// <summary>Incident or service request.</summary>
    public TicketKind Kind
    {
        get => _kind;
        set => Change(nameof(Kind), ref _kind, value);
    }

    /// <summary>The category, from the company's category tree.</summary>
    public string? Category
    {
        get => _category;
        set => Change(nameof(Category), ref _category, value);
    }

    /// <summary>The subcategory within <see cref="Category"/>.</summary>
    public string? Subcategory
    {
        get => _subcategory;
        set => Change(nameof(Subcategory), ref _subcategory, value);
    }

    /// <summary>The impact, as a code or name of the installation's priority scheme.</summary>
    public string? Impact
    {
        get => _impact;
        set => Change(nameof(Impact), ref _impact, value);
    }

    /// <summary>The urgency, as a code or name of the installation's priority scheme.</summary>
    public string? Urgency
    {
        get => _urgency;
        set => Change(nameof(Urgency), ref _urgency, value);
    }

    /// <summary>A priority level that replaces the one the matrix gives.</summary>
    public string? PriorityOverride
    {
        get => _priorityOverride;
        set => Change(nameof(PriorityOverride), ref _priorityOverride, value);
    }

    /// <summary>The group that should work on the ticket.</summary>
    public string? AssignmentGroup
    {
        get => _assignmentGroup;
        set => Change(nameof(AssignmentGroup), ref _assignmentGroup, value);
    }

    /// <summary>True when a rule proposes a major incident for this ticket and its like.</summary>
    public bool ProposeMajorIncident
    {
        get => _majorIncident;
        set => Change(nameof(ProposeMajorIncident), ref _majorIncident, value);
    }

    /// <summary>True when a rule proposes opening a problem record.</summary>
    public bool ProposeProblem
    {
        get => _problem;
        set => Change(nameof(ProposeProblem), ref _problem, value);
    }

    /// <summary>Tags set by rules, in order.</summary>
    public IReadOnlyCollection<string> Tags => _tagsView;

    /// <summary>Every change made by rules so far, in the order they were made.</summary>
    public IReadOnlyList<FactChange> Changes => _changesView;

    /// <summary>The escalations rules asked for, in order. Only the recurring sweep carries them out.</summary>
    public IReadOnlyList<EscalationRequest> Escalations => _escalationsView;

    /// <summary>Asks for a notice about the ticket to go out through the outbox.</summary>
    /// <param name="note">What the notice says besides the ticket's details; may be null.</param>
    public void Notify(string? note = null) => Escalate(EscalationKind.Notify, note);

    /// <summary>Asks for the ticket to move one level up its priority scheme.</summary>
    public void RaisePriority() => Escalate(EscalationKind.RaisePriority, null);

    /// <summary>Asks for the ticket to go to the support tier after its current assignment group.</summary>
    public void ReassignToNextTier() => Escalate(EscalationKind.Reassign, null);

    /// <summary>Asks for one step more urgency, and the priority the matrix gives for it.</summary>
    public void RaiseUrgency() => Escalate(EscalationKind.RaiseUrgency, null);

    /// <summary>Adds a tag; adding one that is there already changes nothing.</summary>
    /// <param name="tag">The tag; blank tags are ignored.</param>
    public void AddTag(string tag)
    {
        if (!string.IsNullOrWhiteSpace(tag) && _tags.Add(tag.Trim()) && ActiveRule is not null)
        {
            _changes.Add(new FactChange("Tags", null, tag.Trim(), ActiveRule));
        }
    }

    /// <summary>True when the ticket carries the tag.</summary>
    /// <param name="tag">The tag to look for.</param>
    public bool HasTag(string tag) => _tags.Contains(tag);

    /// <summary>True when the subject or the description contains the word, ignoring case.</summary>
    /// <param name="word">The word or phrase to look for.</param>
    public bool Mentions(string word) =>
        Subject.Contains(word, StringComparison.OrdinalIgnoreCase)
        || Description.Contains(word, StringComparison.OrdinalIgnoreCase);

    object IIdentityProvider.GetIdentity() => Key;

    private void Escalate(EscalationKind kind, string? note)
    {
        var rule = ActiveRule ?? "";
        _escalations.Add(new EscalationRequest(kind, note, rule));
        if (ActiveRule is not null)
        {
            _changes.Add(new FactChange(EscalationField, null, kind.ToString(), rule));
        }
    }

    private void Change<T>(string field, ref T slot, T value)
    {
        if (EqualityComparer<T>.Default.Equals(slot, value))
        {
            return;
        }

        var old = slot;
        slot = value;
        if (ActiveRule is not null)
        {
            _changes.Add(new FactChange(field, old?.ToString(), value?.ToString(), ActiveRule));
        }
    }
}
