using Workflow.Engine.Rules;

namespace Workflow.Engine.Tests.Rules;

/// <summary>Which company rules the sweep runs, and which stay out of the workflows' evaluations.</summary>
public sealed class TimeRulesTests
{
    [Fact]
    public async Task Activate_NoRuleReadsTimeOrEscalates_LeavesTheSweepNothingToRun()
    {
        var registry = RuleRegistry.Fixed([], "test");

        await registry.ActivateAsync("company", 1, [Rule("VPN", "ticket.Mentions(\"vpn\")", RuleActionKind.AddTag, "vpn")]);

        Assert.Null(registry.Timed);
        Assert.Equal("company v1", registry.Current.Version);
    }

    [Fact]
    public async Task Activate_RuleReadsUnassignedFor_RunsInTheSweep()
    {
        var registry = RuleRegistry.Fixed([], "test");

        await registry.ActivateAsync("company", 2, [Rule("Waiting", "ticket.UnassignedFor > TimeSpan.FromMinutes(30)")]);

        Assert.Equal("company v2", registry.Timed?.Version);
    }

    [Fact]
    public async Task Evaluate_EscalatingRuleInWorkflows_IsLeftOut()
    {
        var registry = RuleRegistry.Fixed([], "test");
        await registry.ActivateAsync("company", 1, [Rule("Always notify", "true", RuleActionKind.Notify, "hi")]);
        var fact = new Workflow.Sdk.Rules.TicketFact("TKT1");

        var inWorkflow = registry.Current.Evaluate(fact);
        var inSweep = registry.Timed!.Evaluate(new Workflow.Sdk.Rules.TicketFact("TKT1"));

        Assert.Empty(inWorkflow.Fired);
        var asked = Assert.Single(inSweep.Fact.Escalations);
        Assert.Equal(
            new Workflow.Sdk.Rules.EscalationRequest(Workflow.Sdk.Rules.EscalationKind.Notify, "hi", "Always notify"),
            asked);
    }

    [Theory]
    [InlineData("ticket.AddTag(\"late\");", false)]
    [InlineData("if (ticket.Priority == \"1\") { ticket.Notify(\"P1 waits\"); }", true)]
    [InlineData("ticket.RaiseUrgency(); ticket.AddTag(\"raised\");", true)]
    public void Escalates_Statements_TrueWhenTheyAskForAnEscalation(string statements, bool escalates)
    {
        var rule = Rule("r", "true", RuleActionKind.Statement, statements);

        var result = TimeRules.Escalates(rule);

        Assert.Equal(escalates, result);
    }

    private static CompanyRule Rule(
        string name,
        string condition,
        RuleActionKind action = RuleActionKind.RaiseUrgency,
        string? value = null) =>
        new(name, 0, condition, action, value);
}
