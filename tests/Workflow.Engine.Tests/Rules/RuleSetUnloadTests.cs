using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Workflow.Engine.Rules;
using Xunit.Abstractions;

namespace Workflow.Engine.Tests.Rules;

/// <summary>
/// Measures the whole process's memory, so it runs alone. CompiledRuleSet does not expose its load context (nor
/// whether it has gone), so the tests find it through AssemblyLoadContext.All by the name the compiler gives it,
/// <c>rules:{set name}</c>.
/// </summary>
[Collection(IsolatedRulesCollection.Name)]
public sealed class RuleSetUnloadTests(ITestOutputHelper output)
{
    private const long Allowed = 50L * 1024 * 1024;
    private const int Target = 1000;
    private static readonly TimeSpan Spend = TimeSpan.FromSeconds(4);

    [Fact]
    public void Unload_ManyVersions_MemoryGrowsLessThan50Megabytes()
    {
        var prefix = $"memory-{Guid.NewGuid():N}-";
        for (var i = 0; i < 10; i++)
        {
            Cycle(prefix + "warm-" + i);
        }

        var baseline = Settled();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            Cycle(prefix + i);
        }

        var after100 = Settled();
        var perCycle = clock.Elapsed / 100;
        var cycles = Math.Min(Target, 100 + (int)(Spend / perCycle));
        for (var i = 100; i < cycles; i++)
        {
            Cycle(prefix + i);
        }

        var afterAll = Settled();
        var alive = AssemblyLoadContext.All
            .Count(c => c.Name?.StartsWith("rules:" + prefix, StringComparison.Ordinal) ?? false);
        output.WriteLine(
            $"one cycle {perCycle.TotalMilliseconds:0.0} ms; baseline {baseline / 1024} KB; "
            + $"after 100 cycles {(after100 - baseline) / 1024:+0;-0} KB; "
            + $"after {cycles} cycles {(afterAll - baseline) / 1024:+0;-0} KB in {clock.Elapsed.TotalSeconds:0.0} s; "
            + $"rule contexts still alive {alive}");

        Assert.InRange(after100 - baseline, long.MinValue, Allowed);
        Assert.InRange(afterAll - baseline, long.MinValue, Allowed);
        Assert.Equal(0, alive);
    }

    [Fact]
    public void Unload_VersionNoLongerUsed_ItsContextIsCollected()
    {
        var context = UnloadedVersion($"weak-{Guid.NewGuid():N}");

        Settled();

        Assert.False(context.IsAlive);
    }

    [Fact]
    public void Unload_EngineStillHeld_KeepsTheContextUntilTheEngineGoes()
    {
        var engines = new List<RuleEngine>();
        var context = HeldVersion($"held-{Guid.NewGuid():N}", engines);

        Settled();
        var aliveWhileHeld = context.IsAlive;
        var category = EvaluateFirst(engines);
        engines.Clear();
        Settled();

        Assert.True(aliveWhileHeld);
        Assert.Equal("Network", category);
        Assert.False(context.IsAlive);
    }

    /// <summary>Collects until unloaded contexts are gone (unloading takes a few collections) and measures.</summary>
    private static long Settled()
    {
        for (var i = 0; i < 10; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Cycle(string name)
    {
        var set = Compile(name);
        var evaluation = RuleEngine.Build([], [set], name).Evaluate(TestRules.Ticket());
        set.Unload();

        Assert.Equal(("Network", 3), (evaluation.Fact.Category, evaluation.Fact.Tags.Count));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference UnloadedVersion(string name)
    {
        var set = Compile(name);
        var context = AssemblyLoadContext.All.Single(c => c.Name == "rules:" + name);
        RuleEngine.Build([], [set], name).Evaluate(TestRules.Ticket());
        set.Unload();
        return new WeakReference(context);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference HeldVersion(string name, List<RuleEngine> engines)
    {
        var set = Compile(name);
        var context = AssemblyLoadContext.All.Single(c => c.Name == "rules:" + name);
        engines.Add(RuleEngine.Build([], [set], name));
        set.Unload();
        return new WeakReference(context);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string? EvaluateFirst(List<RuleEngine> engines) =>
        engines[0].Evaluate(TestRules.Ticket()).Fact.Category;

    private static CompiledRuleSet Compile(string name) => new Scripting.CompanyRuleCompiler().Compile(name, [
        new CompanyRule("vpn", 10, "ticket.Mentions(\"vpn\")", RuleActionKind.SetCategory, "Network"),
        TestRules.Statement(
            "words",
            5,
            "ticket.Tags.All(t => t.Length > 0)",
            "foreach (var word in ticket.Subject.Split(' ').Take(3)) { ticket.AddTag(word); }"),
    ]);
}
