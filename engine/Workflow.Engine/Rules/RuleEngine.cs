using System.Collections.Concurrent;
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

    private readonly IReadOnlySet<string>? _watched;

    /// <summary>
    /// Sessions of finished evaluations, emptied and kept: creating one allocates memory for every node of the
    /// network, which for a few hundred rules costs more than the evaluation itself.
    /// </summary>
    private readonly ConcurrentBag<PooledSession> _sessions = [];

    private RuleEngine(
        ISessionFactory factory,
        string version,
        int budget,
        IReadOnlyList<CompiledRuleSet> sets,
        IReadOnlySet<string>? watched,
        IReadOnlyList<IFactEnricher> enrichers)
    {
        Enrichers = enrichers;
        _factory = factory;
        _watched = watched;
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
        return new RuleEngine(factory, version, budget, company, FactReads.Of(all), enrichers ?? []);
    }

    public RuleEvaluation Evaluate(TicketFact fact)
    {
        var evaluation = new RuleEvaluation { Fact = fact, RuleSetVersion = Version };
        var quarantinedBefore = _companySets.Select(set => set.Guard.QuarantineCount).ToArray();
        var pooled = _sessions.TryTake(out var idle) ? idle : new PooledSession(_factory.CreateSession());
        var clean = false;

        pooled.Begin(evaluation, fact);
        try
        {
            int fired;
            using (FactWatch.Watch(_watched))
            {
                pooled.Session.Insert(fact);
                fired = pooled.Session.Fire(_budget);
            }

            evaluation.Fact = pooled.Session.Query<TicketFact>().FirstOrDefault(f => f.Key == fact.Key) ?? fact;
            if (fired >= _budget && !pooled.Session.Agenda.IsEmpty)
            {
                evaluation.BudgetExhausted = Looping(pooled.Firings);
            }

            clean = pooled.Reset(evaluation.Fact);
        }
        finally
        {
            pooled.End();
            if (clean)
            {
                _sessions.Add(pooled);
            }
        }

        for (var i = 0; i < _companySets.Count; i++)
        {
            if (_companySets[i].Guard.QuarantineCount != quarantinedBefore[i])
            {
                evaluation.Quarantined.AddRange(_companySets[i].Guard.QuarantinedAfter(quarantinedBefore[i]));
            }
        }

        return evaluation;
    }

    private string Looping(Dictionary<string, int> firings)
    {
        var looping = firings.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Take(2).Select(f => $"'{f.Key}' ({f.Value} times)");
        return $"the rules stopped after {_budget} firings; {string.Join(" and ", looping)} "
            + "keep re-activating each other.";
    }

    /// <summary>The changes the firing that just ended made.</summary>
    internal static List<FactChange> TakeChanges() => ActiveRuleInterceptor.TakeChanges();

    /// <summary>
    /// Tells each fact which rule is changing it, so every change names its rule, and keeps the changes one
    /// firing made until the fired event takes them. Evaluations run on one thread each, so per thread is enough.
    /// </summary>
    private sealed class ActiveRuleInterceptor : IActionInterceptor
    {
        [ThreadStatic]
        private static List<FactChange>? _made;

        public static List<FactChange> TakeChanges()
        {
            var made = _made ?? [];
            _made = null;
            return made;
        }

        public void Intercept(IContext context, IReadOnlyCollection<IActionInvocation> actions)
        {
            var facts = context.Match.Facts.Select(f => f.Value).OfType<TicketFact>().ToList();
            var before = facts.Select(f => f.Changes.Count).ToList();
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
                _made = [.. facts.SelectMany((fact, i) => fact.Changes.Skip(before[i]))];
                foreach (var fact in facts)
                {
                    fact.ActiveRule = null;
                }
            }
        }
    }
}
