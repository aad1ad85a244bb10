using NRules.Fluent;
using NRules.RuleModel;

namespace Workflow.Engine.Rules.DefaultPack;

/// <summary>The rules a fresh installation categorises and prioritises with, before any company rule exists.</summary>
public static class DefaultRulePack
{
    public static IReadOnlyList<IRuleDefinition> Load()
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(typeof(DefaultRulePack).Assembly)
            .Where(rule => rule.RuleType.Namespace == typeof(DefaultRulePack).Namespace));
        return [.. repository.GetRuleSets().SelectMany(set => set.Rules)];
    }
}
