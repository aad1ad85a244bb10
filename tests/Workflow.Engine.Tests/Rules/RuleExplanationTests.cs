using Workflow.Engine.Rules;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Tests.Rules;

public sealed class RuleExplanationTests
{
    [Fact]
    public void Evaluate_RuleChangingSeveralFields_ListsEachChangeWithOldAndNewValue()
    {
        var engine = TestRules.Engine(TestRules.Statement(
            "vpn",
            10,
            "ticket.Mentions(\"vpn\")",
            "ticket.Category = \"Network\";\nticket.Impact = \"2\";\nticket.AddTag(\"vpn\");"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        var fired = Assert.Single(evaluation.Fired);
        Assert.Equal(("vpn", 1), (fired.Name, fired.Order));
        Assert.Equal(
            [
                new FactChange("Category", null, "Network", "vpn"),
                new FactChange("Impact", null, "2", "vpn"),
                new FactChange("Tags", null, "vpn", "vpn"),
            ],
            fired.Changes);
    }

    [Fact]
    public void Evaluate_SecondRuleChangingTheSameField_RecordsTheFirstRulesValueAsOld()
    {
        var engine = TestRules.Engine(
            new CompanyRule("network", 10, "true", RuleActionKind.SetCategory, "Network"),
            new CompanyRule("vpn", 5, "ticket.Category == \"Network\"", RuleActionKind.SetSubcategory, "VPN"),
            new CompanyRule("security", 1, "ticket.Subcategory == \"VPN\"", RuleActionKind.SetCategory, "Security"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal(
            [
                new FiredRule("network", 1, [new FactChange("Category", null, "Network", "network")]),
                new FiredRule("vpn", 2, [new FactChange("Subcategory", null, "VPN", "vpn")]),
                new FiredRule("security", 3, [new FactChange("Category", "Network", "Security", "security")]),
            ],
            evaluation.Fired,
            FiredRuleComparer.Instance);
    }

    [Fact]
    public void Evaluate_KindAndProposals_RecordedByName()
    {
        var engine = TestRules.Engine(
            new CompanyRule("request", 10, "true", RuleActionKind.SetKind, "ServiceRequest"),
            new CompanyRule("major", 5, "true", RuleActionKind.ProposeMajorIncident, null));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal(
            [
                new FactChange("Kind", "Incident", "ServiceRequest", "request"),
                new FactChange("ProposeMajorIncident", "False", "True", "major"),
            ],
            evaluation.Fired.SelectMany(f => f.Changes));
    }

    [Fact]
    public void Evaluate_RuleSettingTheCurrentValue_FiresWithoutChanges()
    {
        var engine = TestRules.Engine(new CompanyRule("same", 1, "true", RuleActionKind.SetCategory, "Network"));
        var ticket = TestRules.Ticket();
        ticket.Category = "Network";

        var evaluation = engine.Evaluate(ticket);

        Assert.Empty(Assert.Single(evaluation.Fired).Changes);
        Assert.Empty(evaluation.Fact.Changes);
    }

    [Fact]
    public void Evaluate_ValuesSetBeforeTheRules_NotListedAsChanges()
    {
        var engine = TestRules.Engine(new CompanyRule("impact", 1, "true", RuleActionKind.SetImpact, "1"));
        var ticket = TestRules.Ticket();
        ticket.Category = "Network";

        var evaluation = engine.Evaluate(ticket);

        Assert.Equal([new FactChange("Impact", null, "1", "impact")], evaluation.Fact.Changes);
    }

    /// <summary>
    /// TicketFact.Changes must be a view: were it the list itself behind IReadOnlyList, a rule could cast it back
    /// and clear it, and the first rule's change would vanish from the explanation.
    /// </summary>
    [Fact]
    public void Evaluate_RuleCastingChangesToAList_CannotEraseEarlierChanges()
    {
        var engine = TestRules.Engine(
            new CompanyRule("first", 10, "true", RuleActionKind.SetCategory, "Network"),
            TestRules.Statement(
                "eraser",
                5,
                "true",
                "((System.Collections.Generic.List<FactChange>)ticket.Changes).Clear();\nticket.Impact = \"1\";"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Contains(new FactChange("Category", null, "Network", "first"), evaluation.Fact.Changes);
    }

    /// <summary>TicketFact.Tags must be a view: casting it back to a set to add a tag no change records fails.</summary>
    [Fact]
    public void Evaluate_RuleCastingTagsToASet_EveryTagStillHasItsChange()
    {
        var engine = TestRules.Engine(TestRules.Statement(
            "sneak",
            1,
            "true",
            "((System.Collections.Generic.SortedSet<string>)ticket.Tags).Add(\"unrecorded\");"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        var recorded = evaluation.Fact.Changes.Where(c => c.Field == "Tags").Select(c => c.New);
        Assert.Equal(evaluation.Fact.Tags, recorded);
    }

    /// <summary>
    /// TicketFact.ActiveRule has a public setter for the engine: a rule that set it to null would change the
    /// ticket with no change recorded, and one that set another name would make changes in that name.
    /// </summary>
    [Fact]
    public void Compile_ActionSettingActiveRule_Refused()
    {
        var rule = TestRules.Statement("hide", 1, "true", "ticket.ActiveRule = null;\nticket.Impact = \"1\";");

        var errors = Record.Exception(() => TestRules.Compile(rule));

        var first = Assert.IsType<RuleCompileException>(errors).Errors[0];
        Assert.Equal(("hide", "action", 1), (first.Rule, first.Part, first.Line));
    }

    /// <summary>Compares fired rules by value, changes included (a record compares its list by reference).</summary>
    private sealed class FiredRuleComparer : IEqualityComparer<FiredRule>
    {
        public static readonly FiredRuleComparer Instance = new();

        public bool Equals(FiredRule? x, FiredRule? y) =>
            x is not null && y is not null
            && (x.Name, x.Order) == (y.Name, y.Order)
            && x.Changes.SequenceEqual(y.Changes);

        public int GetHashCode(FiredRule obj) => HashCode.Combine(obj.Name, obj.Order);
    }
}
