using System.Diagnostics;
using Workflow.Engine.Rules;

namespace Workflow.Engine.Tests.Rules;

/// <summary>Lowers the shared time budget to 200 ms, so these tests run alone and put it back afterwards.</summary>
[Collection(IsolatedRulesCollection.Name)]
public sealed class RuleGuardTests : IDisposable
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Stopped = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _budget = RuleGuard.Budget;

    public RuleGuardTests() => RuleGuard.Budget = Short;

    public void Dispose() => RuleGuard.Budget = _budget;

    [Fact]
    public void Tick_PastTheBudget_QuarantinesTheRunningRuleAndThrows()
    {
        var guard = Guard("slow", "other");

        var error = OnNewThread(() => guard.Enter(0) ? Spin(guard) : null);

        Assert.Equal("slow", error?.Rule);
        Assert.Equal(["slow"], guard.Quarantined);
        Assert.False(guard.Enter(0));
    }

    [Fact]
    public void Tick_WithinTheBudget_LetsTheRuleGoOn()
    {
        var guard = Guard("quick");

        var entered = guard.Enter(0);
        guard.Tick();

        Assert.True(entered);
        Assert.Empty(guard.Quarantined);
    }

    /// <summary>
    /// EnterAction ignores what Enter returns: a rule quarantined (by another evaluation) after its condition
    /// matched runs its action with no budget of its own. On a thread where nothing ran before it is never stopped;
    /// on one where another rule ran, that rule's deadline applies and that rule is the one quarantined.
    /// </summary>
    [Fact]
    public void EnterAction_RuleQuarantinedMeanwhile_IsStillStopped()
    {
        var guard = Guard("slow");
        OnNewThread(() => guard.Enter(0) ? Spin(guard) : null);

        var error = OnNewThread(() => Action(guard, 0));

        Assert.Equal("slow", error?.Rule);
    }

    /// <summary>
    /// A rule that catches its timeout must not run on unguarded: once stopped, every later check throws again,
    /// so the evaluation ends within the budget instead of taking the full two seconds.
    /// </summary>
    [Fact]
    public void Evaluate_RuleCatchingItsTimeout_StillStopped()
    {
        const string Code = """
            var until = DateTime.UtcNow.AddSeconds(2);
            try { while (true) { } } catch { }
            while (DateTime.UtcNow < until) { }
            """;
        var engine = TestRules.Engine(
            TestRules.Statement("swallow", 10, "true", Code),
            new CompanyRule("tag", 1, "true", RuleActionKind.AddTag, "checked"));
        var clock = Stopwatch.StartNew();

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Stopped);
        Assert.Equal("swallow", Assert.Single(evaluation.Faults).Rule);
    }

    /// <summary>
    /// The guard only runs where the rewriter put a check, in company loops and lambdas; inside a library call
    /// nothing checks it. Static Regex calls are therefore routed through GuardedRegex, which gives the search what
    /// is left of the budget: this pattern backtracks for about 0.8 s unguarded, four budgets.
    /// </summary>
    [Fact]
    public void Evaluate_CatastrophicRegexInCondition_StoppedAndQuarantined()
    {
        var engine = TestRules.Engine(new CompanyRule(
            "regex",
            10,
            "System.Text.RegularExpressions.Regex.IsMatch(new string('a', 23) + \"!\", \"^(a+)+$\")",
            RuleActionKind.AddTag,
            "matched"));
        var clock = Stopwatch.StartNew();

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal(["regex"], evaluation.Quarantined);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Stopped);
    }

    private static RuleGuard Guard(params string[] names)
    {
        var guard = new RuleGuard(names.Length);
        names.CopyTo(guard.Names, 0);
        return guard;
    }

    /// <summary>The guard tracks the running rule per thread, so each step that must start clean gets one.</summary>
    private static RuleTimeoutException? OnNewThread(Func<RuleTimeoutException?> work)
    {
        RuleTimeoutException? result = null;
        var thread = new Thread(() => result = work());
        thread.Start();
        thread.Join();
        return result;
    }

    private static RuleTimeoutException? Action(RuleGuard guard, int rule)
    {
        try
        {
            guard.EnterAction(rule);
        }
        catch (RuleTimeoutException e)
        {
            return e;
        }

        return Spin(guard);
    }

    /// <summary>Ticks as a guarded loop does, for at most <see cref="Stopped"/>.</summary>
    private static RuleTimeoutException? Spin(RuleGuard guard)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            while (clock.Elapsed < Stopped)
            {
                guard.Tick();
            }
        }
        catch (RuleTimeoutException e)
        {
            return e;
        }

        return null;
    }
}
