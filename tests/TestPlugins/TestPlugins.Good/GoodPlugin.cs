using NRules.Fluent;
using NRules.Fluent.Dsl;
using Workflow.Sdk.Plugins;
using Workflow.Sdk.Rules;

namespace TestPlugins.Good;

public sealed class GoodPlugin : IPlugin
{
    public PluginInfo Info { get; } = new("Good", "1.2.3", "A telephony category with one rule.");

    public void Register(IPluginRegistry registry, PluginContext context)
    {
        registry.AddCategory("Telephony", "Desk phone", "Headset");

        var repository = new RuleRepository();
        repository.Load(spec => spec.From(typeof(GoodPlugin).Assembly));
        registry.AddRules(repository.GetRuleSets().SelectMany(set => set.Rules));
    }
}

[Name("Good: desk phone"), Priority(20)]
public sealed class DeskPhoneRule : Rule
{
    public override void Define()
    {
        TicketFact ticket = null!;

        When().Match(() => ticket, t => t.Category == null && t.Mentions("extension"));
        Then().Do(ctx => Categorise(ctx, ticket));
    }

    private static void Categorise(NRules.RuleModel.IContext ctx, TicketFact ticket)
    {
        ticket.Category = "Telephony";
        ticket.Subcategory = "Desk phone";
        ctx.Update(ticket);
    }
}
