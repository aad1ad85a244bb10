namespace Workflow.Engine.Sla;

/// <summary>
/// A workflow's own SLA escalation (its <c>sla</c> section): each part it states replaces the policy's for the
/// tickets pinned to that workflow version; a part left out (null) stays as the policy says.
/// </summary>
public sealed record SlaOverride(
    double? WarningShare,
    IReadOnlyList<EscalationAction>? OnWarning,
    IReadOnlyList<EscalationAction>? OnBreach,
    IReadOnlyList<string>? Tiers);
