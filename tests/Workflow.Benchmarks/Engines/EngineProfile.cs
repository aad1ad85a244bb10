using System.Diagnostics;
using NRules;
using NRules.Extensibility;
using NRules.RuleModel;
using Workflow.Benchmarks.Measuring;
using Workflow.Benchmarks.Tickets;
using Workflow.Engine.Rules;
using Workflow.Sdk.Rules;

namespace Workflow.Benchmarks.Engines;

/// <summary>Per-ticket counts of what the Rete network did, from a diagnostic sample.</summary>
internal sealed record NetworkCounts(double Conditions, double Activations, double Firings, double Updates);

/// <summary>Where an evaluation's time goes, step by step, and what the budget guard costs per condition.</summary>
internal sealed record ProfileReport(
    IReadOnlyList<Measurement> Steps,
    NetworkCounts Counts,
    double GuardNanos,
    double GuardBytes);

/// <summary>
/// Takes an evaluation apart. The steps run on a session factory compiled from the very rule definitions the
/// engine uses, so each can be timed alone: building the fact, creating a session, inserting the fact (every
/// condition evaluated once), firing without recording changes (so no rule updates the fact), and firing with
/// changes recorded as the engine does, where every change updates the fact and every condition runs again.
/// </summary>
internal static class EngineProfile
{
    public static ProfileReport Run(
        CompiledRuleSet set,
        RuleEngine engine,
        Runner runner,
        IReadOnlyList<TicketSpec> sample,
        int tickets,
        TimeSpan budget)
    {
        var factory = new RuleCompiler().Compile(set.Definitions);
        var naming = new NamingInterceptor();
        var steps = new List<Measurement>
        {
            runner.Run("build the fact", tickets, budget, t => t.ToFact()),
            runner.Run("+ create session", tickets, budget, t =>
            {
                t.ToFact();
                factory.CreateSession();
            }),
            runner.Run("+ insert (conditions once)", tickets, budget, t =>
            {
                var session = factory.CreateSession();
                session.Insert(t.ToFact());
            }),
            runner.Run("+ fire, no fact updates", tickets, budget, t =>
            {
                var session = factory.CreateSession();
                session.Insert(t.ToFact());
                session.Fire(RuleEngine.DefaultFiringBudget);
            }),
            runner.Run("+ fire, updates as in engine", tickets, budget, t =>
            {
                var session = factory.CreateSession();
                session.ActionInterceptor = naming;
                session.Insert(t.ToFact());
                session.Fire(RuleEngine.DefaultFiringBudget);
            }),
            runner.Run("RuleEngine.Evaluate", tickets, budget, t => engine.Evaluate(t.ToFact())),
        };

        var (nanos, bytes) = Guard(set.Definitions.Count);
        return new ProfileReport(steps, Count(factory, naming, sample), nanos, bytes);
    }

    private static NetworkCounts Count(ISessionFactory factory, IActionInterceptor naming, IReadOnlyList<TicketSpec> sample)
    {
        long conditions = 0, activations = 0, firings = 0, updates = 0;
        foreach (var ticket in sample)
        {
            var session = factory.CreateSession();
            session.ActionInterceptor = naming;
            session.Events.LhsExpressionEvaluatedEvent += (_, _) => conditions++;
            session.Events.ActivationCreatedEvent += (_, _) => activations++;
            session.Events.FactUpdatedEvent += (_, _) => updates++;
            session.Insert(ticket.ToFact());
            firings += session.Fire(RuleEngine.DefaultFiringBudget);
        }

        double n = Math.Max(1, sample.Count);
        return new NetworkCounts(conditions / n, activations / n, firings / n, updates / n);
    }

    /// <summary>Time and bytes of one <see cref="RuleGuard.Enter"/>, which every compiled condition calls first.</summary>
    private static (double Nanos, double Bytes) Guard(int rules)
    {
        const int Calls = 2_000_000;
        var guard = new RuleGuard(Math.Max(1, rules));
        var entered = 0;
        for (var i = 0; i < Calls / 10; i++)
        {
            entered += guard.Enter(i % guard.Names.Length) ? 1 : 0;
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++)
        {
            entered += guard.Enter(i % guard.Names.Length) ? 1 : 0;
        }

        clock.Stop();
        var after = GC.GetTotalAllocatedBytes(precise: true);
        GC.KeepAlive(entered);
        return (clock.Elapsed.TotalNanoseconds / Calls, (double)(after - before) / Calls);
    }

    /// <summary>Names the firing rule on the fact, as the engine does, so that actions record their changes.</summary>
    private sealed class NamingInterceptor : IActionInterceptor
    {
        public void Intercept(IContext context, IReadOnlyCollection<IActionInvocation> actions)
        {
            var fact = context.Match.Facts.Select(f => f.Value).OfType<TicketFact>().FirstOrDefault();
            if (fact is not null)
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
                if (fact is not null)
                {
                    fact.ActiveRule = null;
                }
            }
        }
    }
}
