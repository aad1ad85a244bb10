namespace Workflow.Engine.Rules;

/// <summary>
/// Turns saliences into NRules priorities that are all different: higher salience first, then rule name in
/// ordinal order, so two evaluations of the same facts always fire rules in the same order.
/// </summary>
public static class RuleRanking
{
    public static IReadOnlyList<int> Priorities(IReadOnlyList<(string Name, int Salience)> rules)
    {
        var order = rules.Select((rule, index) => (rule, index))
            .OrderByDescending(r => r.rule.Salience)
            .ThenBy(r => r.rule.Name, StringComparer.Ordinal)
            .Select(r => r.index)
            .ToList();

        var priorities = new int[rules.Count];
        for (var rank = 0; rank < order.Count; rank++)
        {
            priorities[order[rank]] = order.Count - rank;
        }

        return priorities;
    }
}
