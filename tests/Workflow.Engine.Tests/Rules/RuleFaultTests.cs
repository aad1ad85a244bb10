using Workflow.Engine.Rules;

namespace Workflow.Engine.Tests.Rules;

public sealed class RuleFaultTests
{
    [Fact]
    public void Evaluate_ActionThrowing_ReportsRuleTicketAndMessage()
    {
        var engine = TestRules.Engine(
            TestRules.Statement("boom", 10, "true", "throw new InvalidOperationException(\"boom\");"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal([new RuleFault("boom", TestRules.Key, "boom")], evaluation.Faults);
    }

    [Fact]
    public void Evaluate_ActionThrowing_OtherRulesStillFire()
    {
        var engine = TestRules.Engine(
            TestRules.Statement("boom", 10, "true", "throw new InvalidOperationException(\"boom\");"),
            new CompanyRule("tag", 1, "true", RuleActionKind.AddTag, "checked"),
            new CompanyRule("categorise", 20, "true", RuleActionKind.SetCategory, "Network"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal(["checked"], evaluation.Fact.Tags);
        Assert.Equal("Network", evaluation.Fact.Category);
        Assert.Equal("boom", Assert.Single(evaluation.Faults).Rule);
    }

    [Fact]
    public void Evaluate_DivisionByZeroInAction_ReportedAsFault()
    {
        var engine = TestRules.Engine(TestRules.Statement(
            "divide",
            10,
            "true",
            "var users = ticket.AffectedUsers ?? 0;\nticket.Impact = (100 / users).ToString();"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal([new RuleFault("divide", TestRules.Key, "Attempted to divide by zero.")], evaluation.Faults);
        Assert.Null(evaluation.Fact.Impact);
    }

    [Fact]
    public void Evaluate_DivisionByZeroInCondition_ReportedAndTheRuleDoesNotFire()
    {
        var engine = TestRules.Engine(
            new CompanyRule("ratio", 10, "100 / (ticket.AffectedUsers ?? 0) > 1", RuleActionKind.AddTag, "ratio"),
            new CompanyRule("tag", 1, "true", RuleActionKind.AddTag, "checked"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        // The condition fails again each time a later rule updates the ticket, so the fault may repeat.
        Assert.Equal(
            [new RuleFault("ratio", TestRules.Key, "Attempted to divide by zero.")],
            evaluation.Faults.Distinct());
        Assert.Equal(["tag"], evaluation.Fired.Select(f => f.Name));
    }

    /// <summary>
    /// NRules hands over the exception the rule threw, not a wrapper, so the fault carries that exception's own
    /// message and not the message of its cause.
    /// </summary>
    [Fact]
    public void Evaluate_ExceptionWithAnInnerException_ReportsTheMessageTheRuleThrew()
    {
        var engine = TestRules.Engine(TestRules.Statement(
            "wrapped",
            10,
            "true",
            "throw new InvalidOperationException(\"no team for the category\", new FormatException(\"bad code\"));"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal("no team for the category", Assert.Single(evaluation.Faults).Message);
    }
}
