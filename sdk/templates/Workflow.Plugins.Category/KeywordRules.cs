using NRules.Fluent.Dsl;
using Workflow.Sdk.Rules;

namespace Workflow.Plugins.Sample;

/// <summary>The subcategories of CategoryName and the words that point to each.</summary>
public static class KeywordRules
{
    public static readonly string[] Subcategories = ["Heating", "Lighting"];
}

/// <summary>Files an uncategorised ticket under one subcategory when its text mentions one of the words.</summary>
public abstract class KeywordRule(string subcategory, params string[] keywords) : Rule
{
    public override void Define()
    {
        TicketFact ticket = null!;

        When().Match(() => ticket, t => t.Category == null && keywords.Any(k => t.Mentions(k)));
        Then().Do(ctx => File(ctx, ticket));
    }

    private void File(NRules.RuleModel.IContext ctx, TicketFact ticket)
    {
        ticket.Category = "CategoryName";
        ticket.Subcategory = subcategory;
        ctx.Update(ticket);
    }
}

[Name("CategoryName: heating"), Priority(30)]
public sealed class HeatingRule() : KeywordRule("Heating", "heating", "radiator", "too cold");

[Name("CategoryName: lighting"), Priority(30)]
public sealed class LightingRule() : KeywordRule("Lighting", "light bulb", "lighting", "flickering light");
