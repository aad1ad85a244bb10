using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules.RuleModel;
using Workflow.Engine.Rules;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Tests.Rules;

public sealed class FactIdentityTests
{
    [Fact]
    public void Evaluate_CompanyRuleChangingCategory_LaterRulesSeeTheChange()
    {
        var engine = TestRules.Engine(
            new CompanyRule("route", 20, "ticket.Category == \"Network\"", RuleActionKind.SetAssignmentGroup, "Net"),
            new CompanyRule("categorise", 10, "ticket.Mentions(\"vpn\")", RuleActionKind.SetCategory, "Network"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal(["categorise", "route"], evaluation.Fired.Select(f => f.Name));
        Assert.Equal(("Network", "Net"), (evaluation.Fact.Category, evaluation.Fact.AssignmentGroup));
    }

    [Fact]
    public void Evaluate_PackRuleUpdatingTheFactItChanged_LaterRulesSeeTheChange()
    {
        var company = TestRules.Compile(
            new CompanyRule("tag network", 1, "ticket.Category == \"Network\"", RuleActionKind.AddTag, "network"));
        var engine = RuleEngine.Build(TestRules.Pack(typeof(CategoriseVpn)), [company], TestRules.Version);

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal(["categorise vpn", "tag network"], evaluation.Fired.Select(f => f.Name));
        Assert.Equal([new FactChange("Category", null, "Network", "categorise vpn")], evaluation.Fired[0].Changes);
        Assert.Equal(["network"], evaluation.Fact.Tags);
    }

    [Fact]
    public void Update_FreshCopyWithTheSameKey_ReplacesTheFactInTheSession()
    {
        var session = Session(typeof(TagNetwork));
        var original = TestRules.Ticket();
        session.Insert(original);
        var before = session.Fire();
        var copy = new TicketFact(TestRules.Key) { Subject = original.Subject, Category = "Network" };

        session.Update(copy);
        var after = session.Fire();

        Assert.Equal((0, 1), (before, after));
        Assert.Same(copy, Assert.Single(session.Query<TicketFact>()));
        Assert.Equal(["network"], copy.Tags);
        Assert.Empty(original.Tags);
    }

    [Fact]
    public void Update_FreshCopyWithAnotherKey_IsNotTheSameFact()
    {
        var session = Session(typeof(TagNetwork));
        session.Insert(TestRules.Ticket());

        var error = Record.Exception(() => session.Update(new TicketFact("INC-0043") { Category = "Network" }));

        Assert.IsType<ArgumentException>(error);
        Assert.Equal(TestRules.Key, Assert.Single(session.Query<TicketFact>()).Key);
    }

    /// <summary>
    /// TicketFact promises that a rule may update a freshly built copy of its ticket. The session then holds the
    /// copy, so the rules after it change the copy, while the evaluation still reports the fact first inserted.
    /// </summary>
    [Fact]
    public void Evaluate_PackRuleUpdatingWithAFreshCopy_ReportsTheFactTheSessionHolds()
    {
        var company = TestRules.Compile(
            new CompanyRule("tag network", 1, "ticket.Category == \"Network\"", RuleActionKind.AddTag, "network"));
        var engine = RuleEngine.Build(TestRules.Pack(typeof(ReplaceWithCopy)), [company], TestRules.Version);

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal(["replace with copy", "tag network"], evaluation.Fired.Select(f => f.Name));
        Assert.Equal("Network", evaluation.Fact.Category);
        Assert.Equal(["network"], evaluation.Fact.Tags);
        Assert.Equal([new FactChange("Tags", null, "network", "tag network")], evaluation.Fired[1].Changes);
    }

    private static ISession Session(params Type[] ruleTypes)
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.NestedTypes().From(ruleTypes));
        return repository.Compile().CreateSession();
    }

    [Name("categorise vpn")]
    [Priority(10)]
    [Repeatability(RuleRepeatability.NonRepeatable)]
    public sealed class CategoriseVpn : Rule
    {
        public override void Define()
        {
            TicketFact ticket = null!;
            When().Match(() => ticket, t => t.Category == null && t.Mentions("vpn"));
            Then().Do(context => Categorise(context, ticket));
        }

        private static void Categorise(IContext context, TicketFact ticket)
        {
            ticket.Category = "Network";
            context.Update(ticket);
        }
    }

    [Name("replace with copy")]
    [Priority(10)]
    [Repeatability(RuleRepeatability.NonRepeatable)]
    public sealed class ReplaceWithCopy : Rule
    {
        public override void Define()
        {
            TicketFact ticket = null!;
            When().Match(() => ticket, t => t.Category == null);
            Then().Do(context => context.Update(Copy(ticket)));
        }

        private static TicketFact Copy(TicketFact ticket) =>
            new(ticket.Key) { Subject = ticket.Subject, Category = "Network" };
    }

    [Name("tag network")]
    public sealed class TagNetwork : Rule
    {
        public override void Define()
        {
            TicketFact ticket = null!;
            When().Match(() => ticket, t => t.Category == "Network");
            Then().Do(_ => ticket.AddTag("network"));
        }
    }
}
