using Workflow.Engine.Rules;

namespace Workflow.Engine.Tests.Rules;

public sealed class FiringBudgetTests
{
    [Fact]
    public void Evaluate_RulesUndoingEachOther_StopAtTheBudgetNamingBoth()
    {
        var engine = RuleEngine.Build([], [TestRules.Compile(PingPong())], TestRules.Version, budget: 50);
        var ticket = TestRules.Ticket();
        ticket.Category = "A";

        var evaluation = engine.Evaluate(ticket);

        Assert.Equal(
            "the rules stopped after 50 firings; 'to a' (25 times) and 'to b' (25 times) "
            + "keep re-activating each other.",
            evaluation.BudgetExhausted);
        Assert.Equal(50, evaluation.Fired.Count);
        Assert.Equal("A", evaluation.Fact.Category);
    }

    [Fact]
    public void Evaluate_RulesUndoingEachOther_DefaultBudgetIs200Firings()
    {
        var engine = RuleEngine.Build([], [TestRules.Compile(PingPong())], TestRules.Version);
        var ticket = TestRules.Ticket();
        ticket.Category = "A";

        var evaluation = engine.Evaluate(ticket);

        Assert.Equal(RuleEngine.DefaultFiringBudget, evaluation.Fired.Count);
        Assert.StartsWith("the rules stopped after 200 firings;", evaluation.BudgetExhausted);
    }

    [Fact]
    public void Evaluate_RulesEndingExactlyAtTheBudget_NotReportedAsLooping()
    {
        var set = TestRules.Compile(
            new CompanyRule("categorise", 2, "true", RuleActionKind.SetCategory, "Network"),
            new CompanyRule("route", 1, "ticket.Category == \"Network\"", RuleActionKind.SetAssignmentGroup, "Net"));
        var engine = RuleEngine.Build([], [set], TestRules.Version, budget: 2);

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Null(evaluation.BudgetExhausted);
        Assert.Equal(["categorise", "route"], evaluation.Fired.Select(f => f.Name));
    }

    private static CompanyRule[] PingPong() =>
    [
        new("to a", 1, "ticket.Category == \"B\"", RuleActionKind.SetCategory, "A"),
        new("to b", 1, "ticket.Category == \"A\"", RuleActionKind.SetCategory, "B"),
    ];
}
