using NRules.Fluent.Dsl;
using NRules.RuleModel;
using Workflow.Engine.Rules;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Tests.Rules;

public sealed class RuleOrderTests
{
    [Fact]
    public void Evaluate_TwoRulesSettingCategory_LowerSalienceFiresLaterAndWins()
    {
        var engine = TestRules.Engine(
            new CompanyRule("hardware", 1, "true", RuleActionKind.SetCategory, "Hardware"),
            new CompanyRule("software", 10, "true", RuleActionKind.SetCategory, "Software"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal(["software", "hardware"], evaluation.Fired.Select(f => f.Name));
        Assert.Equal("Hardware", evaluation.Fact.Category);
    }

    [Fact]
    public void Evaluate_EqualSalience_FiresInOrdinalNameOrder()
    {
        // Ordinal order puts capitals first: a culture-aware sort would fire "alpha" first and "Beta" would win.
        var engine = TestRules.Engine(
            new CompanyRule("alpha", 5, "true", RuleActionKind.SetCategory, "Alpha"),
            new CompanyRule("Beta", 5, "true", RuleActionKind.SetCategory, "Beta"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal(["Beta", "alpha"], evaluation.Fired.Select(f => f.Name));
        Assert.Equal("Alpha", evaluation.Fact.Category);
    }

    [Fact]
    public void Evaluate_SameTicketTwice_FiresInTheSameOrderWithTheSameChanges()
    {
        var engine = TestRules.Engine(Mixed());

        var first = engine.Evaluate(TestRules.Ticket());
        var second = engine.Evaluate(TestRules.Ticket());

        Assert.Equal(["urgent", "a-impact", "b-impact", "categorise", "route"], first.Fired.Select(f => f.Name));
        Assert.Equal(first.Fired.Select(f => f.Name), second.Fired.Select(f => f.Name));
        Assert.Equal(first.Fact.Changes, second.Fact.Changes);
    }

    [Fact]
    public void Compile_RulesListedInReverse_FireInTheSameOrder()
    {
        var forward = TestRules.Engine(Mixed());
        var reverse = TestRules.Engine([.. Mixed().Reverse()]);

        var evaluation = reverse.Evaluate(TestRules.Ticket());

        Assert.Equal(
            forward.Evaluate(TestRules.Ticket()).Fired.Select(f => f.Name),
            evaluation.Fired.Select(f => f.Name));
    }

    /// <summary>
    /// Build ranks every rule by its NRules priority, so a compiled company rule must carry the salience its
    /// author gave (100), not its rank within its own set (1 here).
    /// </summary>
    [Fact]
    public void Build_CompanyRuleWithHigherSalienceThanAPackRule_FiresFirst()
    {
        var company = TestRules.Compile(
            new CompanyRule("company", 100, "true", RuleActionKind.SetCategory, "Company"));
        var engine = RuleEngine.Build(TestRules.Pack(typeof(PackCategory)), [company], TestRules.Version);

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal(["company", "pack category"], evaluation.Fired.Select(f => f.Name));
        Assert.Equal("Pack", evaluation.Fact.Category);
    }

    /// <summary>Saliences from two company sets compare as saliences, not as ranks within each set.</summary>
    [Fact]
    public void Build_TwoCompanySets_FireInSalienceOrderAcrossTheSets()
    {
        var first = TestRules.Compile(
            new CompanyRule("first high", 100, "true", RuleActionKind.SetCategory, "First high"),
            new CompanyRule("first low", 1, "true", RuleActionKind.SetCategory, "First low"));
        var second = TestRules.Compile(new CompanyRule("second mid", 50, "true", RuleActionKind.SetCategory, "Mid"));
        var engine = RuleEngine.Build([], [first, second], TestRules.Version);

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal(["first high", "second mid", "first low"], evaluation.Fired.Select(f => f.Name));
        Assert.Equal("First low", evaluation.Fact.Category);
    }

    private static CompanyRule[] Mixed() =>
    [
        new("categorise", 5, "ticket.Mentions(\"vpn\")", RuleActionKind.SetCategory, "Network"),
        new("route", 5, "ticket.Category == \"Network\"", RuleActionKind.SetAssignmentGroup, "Network team"),
        new("a-impact", 7, "true", RuleActionKind.SetImpact, "2"),
        new("b-impact", 7, "true", RuleActionKind.SetImpact, "3"),
        new("urgent", 9, "true", RuleActionKind.SetUrgency, "1"),
    ];

    [Name("pack category")]
    [Priority(5)]
    [Repeatability(RuleRepeatability.NonRepeatable)]
    public sealed class PackCategory : Rule
    {
        public override void Define()
        {
            TicketFact ticket = null!;
            When().Match(() => ticket, t => true);
            Then().Do(context => Categorise(context, ticket));
        }

        private static void Categorise(IContext context, TicketFact ticket)
        {
            ticket.Category = "Pack";
            context.Update(ticket);
        }
    }
}
