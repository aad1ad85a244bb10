using Workflow.Engine.Rules;

namespace Workflow.Engine.Tests.Rules;

/// <summary>
/// The fields conditions read decide when a change needs a fact update; reading them wrong would leave a rule
/// unmatched that should fire, so the cases where the reads cannot be followed must fall back to everything.
/// </summary>
public sealed class FactReadsTests
{
    [Fact]
    public void Of_ConditionsOnMentionsAndCategory_ReadsThoseFieldsOnly()
    {
        var set = TestRules.Compile(
            new CompanyRule("vpn", 2, "ticket.Mentions(\"vpn\")", RuleActionKind.SetCategory, "Network"),
            new CompanyRule("route", 1, "ticket.Category == \"Network\"", RuleActionKind.SetImpact, "2"));

        var reads = FactReads.Of(set.Definitions);

        Assert.Equal(["Category", "Description", "Subject"], reads!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Of_TicketHandedToSomethingElse_ReadsEverything()
    {
        var set = TestRules.Compile(
            new CompanyRule("array", 1, "new[] { ticket }.Length == 1", RuleActionKind.AddTag, "x"));

        var reads = FactReads.Of(set.Definitions);

        Assert.Null(reads);
    }

    [Fact]
    public void Of_ConditionReadingChanges_ReadsEverything()
    {
        var set = TestRules.Compile(new CompanyRule("changes", 1, "ticket.Changes.Count < 3", RuleActionKind.AddTag, "x"));

        var reads = FactReads.Of(set.Definitions);

        Assert.Null(reads);
    }

    [Fact]
    public void Evaluate_ChangeToAFieldNoConditionReads_StillLetsLaterRulesSeeTheFieldsTheyRead()
    {
        var engine = TestRules.Engine(
            new CompanyRule("impact", 9, "true", RuleActionKind.SetImpact, "1"),
            new CompanyRule("vpn", 5, "ticket.Mentions(\"vpn\")", RuleActionKind.SetCategory, "Network"),
            new CompanyRule("route", 1, "ticket.Category == \"Network\"", RuleActionKind.SetAssignmentGroup, "Net"));

        var first = engine.Evaluate(TestRules.Ticket());
        var second = engine.Evaluate(TestRules.Ticket("Printer jams"));

        Assert.Equal(["impact", "vpn", "route"], first.Fired.Select(f => f.Name));
        Assert.Equal(("1", "Network", "Net"), (first.Fact.Impact, first.Fact.Category, first.Fact.AssignmentGroup));
        Assert.Equal(["impact"], second.Fired.Select(f => f.Name));
        Assert.Equal(("1", null, null), (second.Fact.Impact, second.Fact.Category, second.Fact.AssignmentGroup));
    }

    [Theory]
    [InlineData("ticket.Category == \"Network\" && ticket.Mentions(\"vpn\")", "reads:Category,Description,Subject")]
    [InlineData("ticket.HasTag(\"vip\") || ticket.AffectedUsers > 5", "reads:AffectedUsers,Tags")]
    [InlineData("ticket.Tags.Any(t => t.StartsWith(\"net\"))", "reads:Tags")]
    [InlineData("true", "reads:")]
    [InlineData("ticket is { Category: \"Network\" }", "reads:*")]
    [InlineData("ticket.Changes.Count > 2", "reads:*")]
    [InlineData("ticket.ToString().Length > 2", "reads:*")]
    public void Tag_Condition_NamesTheFieldsItReadsOrEverything(string condition, string tag)
    {
        var result = Scripting.RuleReads.Tag(condition);

        Assert.Equal(tag, result);
    }

    [Fact]
    public void Evaluate_ConditionUsingAPropertyPattern_MatchesAsCSharpSays()
    {
        var engine = TestRules.Engine(
            new CompanyRule("vpn", 5, "ticket.Mentions(\"vpn\")", RuleActionKind.SetCategory, "Network"),
            new CompanyRule(
                "pattern",
                1,
                "ticket is { Category: \"Network\", Impact: null }",
                RuleActionKind.SetImpact,
                "2"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal(["vpn", "pattern"], evaluation.Fired.Select(f => f.Name));
        Assert.Equal("2", evaluation.Fact.Impact);
    }
}
