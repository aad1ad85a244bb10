namespace Workflow.Sdk.Rules;

/// <summary>Counts of recent tickets like this one, for rules that spot trends. Immutable.</summary>
public sealed record TrendFact
{
    /// <summary>Open incidents on the same configuration item logged within the last hour, this one included.</summary>
    public int SameItemLastHour { get; init; }

    /// <summary>Open incidents in the same category logged within the last hour, this one included.</summary>
    public int SameCategoryLastHour { get; init; }
}
