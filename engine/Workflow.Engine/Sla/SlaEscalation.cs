namespace Workflow.Engine.Sla;

/// <summary>
/// What a warning or a breach sets off for one ticket: the share of a target at which the warning comes, the
/// actions at each stage and the support tiers a reassignment climbs. Immutable and thread-safe.
/// </summary>
public sealed record SlaEscalation(
    double WarningShare,
    IReadOnlyList<EscalationAction> OnWarning,
    IReadOnlyList<EscalationAction> OnBreach,
    IReadOnlyList<string> Tiers)
{
    /// <summary>The actions at <paramref name="stage"/>: the breach's for a breach, the warning's otherwise.</summary>
    public IReadOnlyList<EscalationAction> At(SlaStage stage) => stage == SlaStage.Breached ? OnBreach : OnWarning;

    /// <summary>The tier after <paramref name="group"/>: the first for a group outside the list, null at the top.
    /// </summary>
    public string? NextTier(string? group)
    {
        var index = -1;
        for (var i = 0; i < Tiers.Count && group is not null; i++)
        {
            if (Tiers[i].Equals(group, StringComparison.OrdinalIgnoreCase))
            {
                index = i;
            }
        }

        return index + 1 < Tiers.Count ? Tiers[index + 1] : null;
    }
}
