using System.Runtime.Loader;
using NRules.RuleModel;

namespace Workflow.Engine.Rules;

/// <summary>
/// One compiled version of a company rule set: its NRules definitions, its time guard and the collectible
/// context its assembly lives in. Unloading it lets the assembly go once nothing uses the rules any more.
/// </summary>
public sealed class CompiledRuleSet(
    string name,
    IReadOnlyList<IRuleDefinition> definitions,
    RuleGuard guard,
    AssemblyLoadContext? context)
{
    public string Name { get; } = name;

    public IReadOnlyList<IRuleDefinition> Definitions { get; } = definitions;

    public RuleGuard Guard { get; } = guard;

    /// <summary>The same assembly and guard with only the definitions <paramref name="keep"/> picks.</summary>
    public CompiledRuleSet Where(Func<IRuleDefinition, bool> keep) =>
        new(Name, [.. Definitions.Where(keep)], Guard, context);

    /// <summary>Starts releasing the assembly; evaluations already running finish first.</summary>
    public void Unload() => context?.Unload();
}
