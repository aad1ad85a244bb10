using Workflow.Engine.Rules;

namespace Workflow.Engine.Tests.Rules;

public sealed class RuleRankingTests
{
    [Fact]
    public void Priorities_MixedSaliences_HigherSalienceRanksHigher()
    {
        (string, int)[] rules = [("low", 1), ("high", 10), ("mid", 5)];

        var priorities = RuleRanking.Priorities(rules);

        Assert.Equal([1, 3, 2], priorities);
    }

    [Fact]
    public void Priorities_EqualSaliences_DistinctInOrdinalNameOrder()
    {
        (string, int)[] rules = [("b", 5), ("a", 5), ("C", 5), ("z", 9)];

        var priorities = RuleRanking.Priorities(rules);

        Assert.Equal([1, 2, 3, 4], priorities);
    }

    [Fact]
    public void Priorities_SameNameAndSalienceTwice_StillDistinct()
    {
        (string, int)[] rules = [("same", 1), ("same", 1)];

        var priorities = RuleRanking.Priorities(rules);

        Assert.Equal([2, 1], priorities);
    }

    [Fact]
    public void Priorities_NoRules_Empty()
    {
        var priorities = RuleRanking.Priorities([]);

        Assert.Empty(priorities);
    }
}
