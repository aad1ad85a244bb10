using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Workflow.Engine.Rules;
using Workflow.Engine.Scripting;
using Workflow.Sdk.Rules;

namespace Workflow.Benchmarks;

/// <summary>
/// Publishes and evaluates many rule-set versions in one process, as a long-running host does, and prints the
/// managed heap after the first 100 versions and after all of them, with how many rule contexts are still alive.
/// </summary>
internal sealed class RuleMemoryBenchmark(int versions, TextWriter output)
{
    private const int Checkpoint = 100;

    public int Run()
    {
        var registry = new RuleRegistry([], "no packs");
        var clock = Stopwatch.StartNew();
        long afterCheckpoint = 0;

        for (var version = 1; version <= versions; version++)
        {
            Publish(registry, version);
            if (version == Checkpoint)
            {
                afterCheckpoint = Settled();
                output.WriteLine($"after {Checkpoint} versions: heap {afterCheckpoint / 1024.0 / 1024.0:0.0} MB, "
                    + $"{Alive()} rule contexts alive, {clock.Elapsed.TotalSeconds:0.0} s");
            }
        }

        var afterAll = Settled();
        var growth = (afterAll - afterCheckpoint) / 1024.0 / 1024.0;
        output.WriteLine($"after {versions} versions: heap {afterAll / 1024.0 / 1024.0:0.0} MB, {Alive()} rule contexts "
            + $"alive, {clock.Elapsed.TotalSeconds:0.0} s; growth since version {Checkpoint}: {growth:+0.0;-0.0} MB "
            + $"(aim: within 50 MB)");
        return growth <= 50 ? 0 : 1;
    }

    /// <summary>Compiles a new version, switches to it (unloading the one before) and evaluates a ticket.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Publish(RuleRegistry registry, int version)
    {
        CompanyRule[] rules =
        [
            new("vpn", 10, $"ticket.Mentions(\"vpn\") && {version} > 0", RuleActionKind.SetCategory, "Network"),
            new("words", 5, "ticket.Tags.All(t => t.Length > 0)", RuleActionKind.Statement,
                "foreach (var word in ticket.Subject.Split(' ').Take(3)) { ticket.AddTag(word); }"),
        ];
        registry.ActivateAsync("memory", version, rules).GetAwaiter().GetResult();

        var evaluation = registry.Current.Evaluate(new TicketFact($"T{version}") { Subject = "VPN drops every hour" });
        if (evaluation.Fact.Category != "Network")
        {
            throw new InvalidOperationException($"Version {version} did not categorise the ticket.");
        }
    }

    private static int Alive() =>
        AssemblyLoadContext.All.Count(c => c.Name?.StartsWith("rules:memory", StringComparison.Ordinal) ?? false);

    private static long Settled()
    {
        for (var i = 0; i < 10; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
