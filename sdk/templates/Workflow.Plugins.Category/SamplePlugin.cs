using NRules.Fluent;
using Workflow.Sdk.Plugins;

namespace Workflow.Plugins.Sample;

/// <summary>Adds the CategoryName category, its subcategories, and rules that file tickets under it.</summary>
public sealed class SamplePlugin : IPlugin
{
    public PluginInfo Info { get; } = new("Workflow.Plugins.Sample", "1.0.0", "Adds the CategoryName category.");

    public void Register(IPluginRegistry registry, PluginContext context)
    {
        registry.AddCategory("CategoryName", KeywordRules.Subcategories);

        var rules = new RuleRepository();
        rules.Load(spec => spec.From(typeof(SamplePlugin).Assembly));
        registry.AddRules(rules.GetRuleSets().SelectMany(set => set.Rules));
    }
}
