using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Sla;

/// <summary>
/// The installation's service levels: targets per priority, when the clocks pause, and what a warning or a
/// breach sets off. Immutable and thread-safe.
/// </summary>
public sealed class SlaPolicy
{
    private readonly Dictionary<string, SlaTarget> _targets;

    public SlaPolicy(
        IEnumerable<SlaTarget> targets,
        double warningShare,
        IReadOnlyCollection<HoldReason> pauseOn,
        IReadOnlyList<EscalationAction> onWarning,
        IReadOnlyList<EscalationAction> onBreach,
        IReadOnlyList<string> tiers,
        TimeSpan? raiseUrgencyWhenUnassignedFor = null)
    {
        _targets = targets.ToDictionary(t => t.Priority, StringComparer.OrdinalIgnoreCase);
        WarningShare = warningShare;
        PauseOn = pauseOn;
        OnWarning = onWarning;
        OnBreach = onBreach;
        Tiers = tiers;
        RaiseUrgencyWhenUnassignedFor = raiseUrgencyWhenUnassignedFor;
        Escalation = new SlaEscalation(warningShare, onWarning, onBreach, tiers);
    }

    /// <summary>The escalation of every ticket whose workflow does not state its own.</summary>
    public SlaEscalation Escalation { get; }

    /// <summary>
    /// A time-based rule the sweep applies: a new ticket nobody has taken for this long gets one step more urgency
    /// (and the priority the matrix gives for it). Null turns the rule off.
    /// </summary>
    public TimeSpan? RaiseUrgencyWhenUnassignedFor { get; }

    /// <summary>The share of a target (between 0 and 1) at which a warning is raised.</summary>
    public double WarningShare { get; }

    /// <summary>The hold reasons that stop the clocks; other holds (say, awaiting a problem fix) do not.</summary>
    public IReadOnlyCollection<HoldReason> PauseOn { get; }

    public IReadOnlyList<EscalationAction> OnWarning { get; }

    public IReadOnlyList<EscalationAction> OnBreach { get; }

    /// <summary>Support groups from first line up; a reassigning escalation moves a ticket one step along.</summary>
    public IReadOnlyList<string> Tiers { get; }

    public IReadOnlyCollection<SlaTarget> Targets => _targets.Values;

    /// <summary>The targets for a priority code, or null when the priority has no SLA.</summary>
    public SlaTarget? For(string? priority) =>
        priority is not null && _targets.TryGetValue(priority, out var target) ? target : null;

    /// <summary>The tier after <paramref name="group"/>: the first for a group outside the list, null at the top.
    /// </summary>
    public string? NextTier(string? group) => Escalation.NextTier(group);

    /// <summary>The policy's escalation with what a workflow states of its own put in its place.</summary>
    public SlaEscalation EscalationFor(SlaOverride? own) => own is null
        ? Escalation
        : new SlaEscalation(
            own.WarningShare ?? WarningShare,
            own.OnWarning ?? OnWarning,
            own.OnBreach ?? OnBreach,
            own.Tiers ?? Tiers);
}
