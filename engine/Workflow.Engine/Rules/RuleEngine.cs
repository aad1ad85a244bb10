using NRules;
using NRules.Diagnostics;
using NRules.Extensibility;
using NRules.RuleModel;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Rules;

/// <summary>
/// All rules in force, compiled into one NRules session factory: rule packs (compiled NRules rules from the
/// product and plugins) and the published company rule set. Each evaluation gets its own session. Rules fire
/// in the order of salience, then name; a failing rule is reported and skipped; rules that keep re-activating
/// each other stop at the firing budget. Thread-safe.
/// </summary>
public sealed class RuleEngine
{
    /// <summary>How many firings one evaluation may take before the rules are taken to be looping.</summary>
    public const int DefaultFiringBudget = 200;

    private readonly ISessionFactory _factory;
    private readonly int _budget;
    private readonly IReadOnlyList<CompiledRuleSet> _companySets;

    private RuleEngine(
        ISessionFactory factory,
        string version,
        int budget,
        IReadOnlyList<CompiledRuleSet> sets,
        IReadOnlyList<IFactEnricher> enrichers)
    {
        Enrichers = enrichers;
        _factory = factory;
        _budget = budget;
        _companySets = sets;
        Version = version;
        _factory.ActionInterceptor = new ActiveRuleInterceptor();
    }

    /// <summary>The rule-set version evaluations are recorded under.</summary>
    public string Version { get; }

    /// <summary>What completes the facts before each evaluation (plugins' enrichers), in order.</summary>
    public IReadOnlyList<IFactEnricher> Enrichers { get; }

    /// <summary>Ranks every rule across all sources and compiles them into one session factory.</summary>
    /// <param name="packs">Compiled NRules rules; their NRules priority is their salience.</param>
    /// <param name="company">Compiled company rule sets with the saliences their authors gave.</param>
    /// <param name="version">The name evaluations are recorded under, for example <c>company v3</c>.</param>
    /// <param name="budget">Firings allowed per evaluation.</param>
    /// <param name="enrichers">What completes the facts before evaluation.</param>
    public static RuleEngine Build(
        IEnumerable<IRuleDefinition> packs,
        IReadOnlyList<CompiledRuleSet> company,
        string version,
        int budget = DefaultFiringBudget,
        IReadOnlyList<IFactEnricher>? enrichers = null)
    {
        var all = packs.Concat(company.SelectMany(c => c.Definitions)).ToList();
        var ranks = RuleRanking.Priorities([.. all.Select(r => (r.Name, r.Priority))]);
        var ranked = all.Select((rule, i) => (IRuleDefinition)new RankedRule(rule, ranks[i]));
        var factory = new RuleCompiler().Compile(ranked);
        return new RuleEngine(factory, version, budget, company, enrichers ?? []);
    }

    public RuleEvaluation Evaluate(TicketFact fact)
    {
        var evaluation = new RuleEvaluation { Fact = fact, RuleSetVersion = Version };
        var session = _factory.CreateSession();
        var quarantinedBefore = Quarantined().ToHashSet(StringComparer.Ordinal);
        var firings = new Dictionary<string, int>(StringComparer.Ordinal);

        session.Events.RuleFiredEvent += (_, e) => Record(evaluation, fact, e, firings);
        session.Events.LhsExpressionFailedEvent += (_, e) =>
            Fail(evaluation, e, e.Exception, e.Rules.Select(r => r.Name), fact);
        session.Events.RhsExpressionFailedEvent += (_, e) => Fail(evaluation, e, e.Exception, [e.Match.Rule.Name], fact);
        session.Insert(fact);
        var fired = session.Fire(_budget);

        if (fired >= _budget && !session.Agenda.IsEmpty)
        {
            var looping = firings.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal)
                .Take(2).Select(f => $"'{f.Key}' ({f.Value} times)");
            evaluation.BudgetExhausted = $"the rules stopped after {_budget} firings; {string.Join(" and ", looping)} "
                + "keep re-activating each other.";
        }

        evaluation.Quarantined.AddRange(Quarantined().Where(name => !quarantinedBefore.Contains(name)));
        return evaluation;
    }

    private IEnumerable<string> Quarantined() => _companySets.SelectMany(s => s.Guard.Quarantined);

    private static void Record(
        RuleEvaluation evaluation,
        TicketFact fact,
        AgendaEventArgs e,
        Dictionary<string, int> firings)
    {
        var name = e.Rule.Name;
        firings[name] = firings.GetValueOrDefault(name) + 1;
        var already = evaluation.Fired.Sum(f => f.Changes.Count);
        var made = fact.Changes.Skip(already).Where(c => c.Rule == name).ToList();
        evaluation.Fired.Add(new FiredRule(name, evaluation.Fired.Count + 1, made));
    }

    private static void Fail(
        RuleEvaluation evaluation,
        IRecoverableError error,
        Exception? exception,
        IEnumerable<string> rules,
        TicketFact fact)
    {
        error.IsHandled = true;
        var cause = exception?.InnerException ?? exception;
        foreach (var rule in rules)
        {
            evaluation.Faults.Add(new RuleFault(rule, fact.Key, cause?.Message ?? "the rule failed."));
        }
    }

    /// <summary>Tells each fact which rule is changing it, so every change names its rule.</summary>
    private sealed class ActiveRuleInterceptor : IActionInterceptor
    {
        public void Intercept(IContext context, IReadOnlyCollection<IActionInvocation> actions)
        {
            var facts = context.Match.Facts.Select(f => f.Value).OfType<TicketFact>().ToList();
            foreach (var fact in facts)
            {
                fact.ActiveRule = context.Rule.Name;
            }

            try
            {
                foreach (var action in actions)
                {
                    action.Invoke();
                }
            }
            finally
            {
                foreach (var fact in facts)
                {
                    fact.ActiveRule = null;
                }
            }
        }
    }
}
