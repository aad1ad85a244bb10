using NRules.RuleModel;
using Workflow.Engine.Scripting;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Rules;

/// <summary>
/// The rules in force. A new rule-set version is compiled off the caller's path; evaluations keep using the
/// version in force until the new one is ready, then every evaluation switches at once. The replaced
/// version's assembly is unloaded. Thread-safe.
/// </summary>
public sealed class RuleRegistry
{
    private readonly IReadOnlyList<IRuleDefinition> _packs;
    private readonly IReadOnlyList<IFactEnricher> _enrichers;
    private readonly CompanyRuleCompiler _compiler = new();
    private readonly SemaphoreSlim _switching = new(1, 1);
    private InForce _inForce;
    private CompiledRuleSet? _company;

    public RuleRegistry(
        IReadOnlyList<IRuleDefinition> packs,
        string packName,
        IReadOnlyList<IFactEnricher>? enrichers = null,
        FactDirectory? directory = null)
    {
        _packs = packs;
        _enrichers = enrichers ?? [];
        Directory = directory ?? FactDirectory.Empty;
        _inForce = new InForce(RuleEngine.Build(packs, [], packName, enrichers: _enrichers), null);
    }

    /// <summary>What the facts of every evaluation are completed from: service criticality and VIPs.</summary>
    public FactDirectory Directory { get; }

    /// <summary>The rules every evaluation uses right now.</summary>
    public RuleEngine Current => Volatile.Read(ref _inForce).Current;

    /// <summary>
    /// The company rules in force that the sweep runs (see <see cref="TimeRules"/>), under the same version as
    /// <see cref="Current"/>; null when there are none, and the sweep evaluates no rules.
    /// </summary>
    public RuleEngine? Timed => Volatile.Read(ref _inForce).Timed;


    /// <summary>Rule packs only; what a version's company rules are evaluated beside.</summary>
    public IReadOnlyList<IRuleDefinition> Packs => _packs;

    /// <summary>A registry that always holds one engine, for tests and tools.</summary>
    public static RuleRegistry Fixed(IReadOnlyList<IRuleDefinition> packs, string name) => new(packs, name);

    /// <summary>Compiles a company rule set on the thread pool and switches to it once it is ready.</summary>
    /// <exception cref="RuleCompileException">The rules do not compile; the rules in force stay.</exception>
    public async Task ActivateAsync(string id, int version, IReadOnlyList<CompanyRule> rules)
    {
        var label = $"{id} v{version}";
        var (compiled, inForce) = await Task.Run(() =>
        {
            var set = _compiler.Compile(label, rules);
            var inWorkflows = set.Where(TimeRules.RunsInWorkflows);
            var workflows = RuleEngine.Build(_packs, [inWorkflows], label, enrichers: _enrichers);
            var timed = set.Where(TimeRules.IsTimed);
            var sweep = timed.Definitions.Count == 0
                ? null
                : RuleEngine.Build([], [timed], label, enrichers: _enrichers);
            return (set, new InForce(workflows, sweep));
        });

        await _switching.WaitAsync();
        try
        {
            var old = _company;
            _company = compiled;
            Volatile.Write(ref _inForce, inForce);
            old?.Unload();
        }
        finally
        {
            _switching.Release();
        }
    }

    /// <summary>Compiles rules beside the packs without putting them in force, for try-it and simulation.</summary>
    public (RuleEngine Engine, CompiledRuleSet Set) Trial(string label, IReadOnlyList<CompanyRule> rules)
    {
        var set = _compiler.Compile(label, rules);
        return (RuleEngine.Build(_packs, [set], label, enrichers: _enrichers), set);
    }

    private sealed record InForce(RuleEngine Current, RuleEngine? Timed);
}
