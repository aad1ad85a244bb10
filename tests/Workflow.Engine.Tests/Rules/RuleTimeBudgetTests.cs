using System.Diagnostics;
using Workflow.Engine.Rules;

namespace Workflow.Engine.Tests.Rules;

/// <summary>
/// Runs under the default budget of one second. RuleGuard reads Environment.TickCount64 and offers no
/// TimeProvider, so these tests measure real time with a Stopwatch.
/// </summary>
public sealed class RuleTimeBudgetTests
{
    private static readonly TimeSpan AtLeast = TimeSpan.FromMilliseconds(900);
    private static readonly TimeSpan AtMost = TimeSpan.FromSeconds(3);

    [Fact]
    public void Evaluate_EndlessLoopInAction_StoppedQuarantinedAndOthersApplied()
    {
        var engine = TestRules.Engine(Spin(), Tag());
        var clock = Stopwatch.StartNew();

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.InRange(clock.Elapsed, AtLeast, AtMost);
        Assert.Equal(["spin"], evaluation.Quarantined);
        Assert.Equal([Timeout("spin")], evaluation.Faults);
        Assert.Equal(["checked"], evaluation.Fact.Tags);
    }

    [Fact]
    public void Evaluate_HugeComputationInCondition_StoppedQuarantinedAndOthersApplied()
    {
        var engine = TestRules.Engine(
            new CompanyRule(
                "count",
                10,
                "Enumerable.Range(0, int.MaxValue).Where(i => i >= 0).Count() > 0",
                RuleActionKind.AddTag,
                "counted"),
            Tag());
        var clock = Stopwatch.StartNew();

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.InRange(clock.Elapsed, AtLeast, AtMost);
        Assert.Equal(["count"], evaluation.Quarantined);
        Assert.Equal([Timeout("count")], evaluation.Faults);
        Assert.Equal(["tag"], evaluation.Fired.Select(f => f.Name));
        Assert.Equal(["checked"], evaluation.Fact.Tags);
    }

    [Fact]
    public void Evaluate_AfterAQuarantine_SkipsTheRuleWellWithinTheBudget()
    {
        var engine = TestRules.Engine(Spin(), Tag());
        engine.Evaluate(TestRules.Ticket());
        var clock = Stopwatch.StartNew();

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, RuleGuard.Budget / 4);
        Assert.Equal(["tag"], evaluation.Fired.Select(f => f.Name));
        Assert.Empty(evaluation.Faults);
        Assert.Empty(evaluation.Quarantined);
        Assert.Equal(["checked"], evaluation.Fact.Tags);
    }

    private static CompanyRule Spin() => TestRules.Statement("spin", 10, "true", "while (true) { }");

    private static CompanyRule Tag() => new("tag", 1, "true", RuleActionKind.AddTag, "checked");

    private static RuleFault Timeout(string rule) =>
        new(rule, TestRules.Key, $"Rule '{rule}' ran longer than 1 s and was quarantined.");
}
