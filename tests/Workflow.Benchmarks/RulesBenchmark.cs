using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using Workflow.Benchmarks.Engines;
using Workflow.Benchmarks.Measuring;
using Workflow.Benchmarks.Rules;
using Workflow.Benchmarks.Tickets;
using Workflow.Engine.Rules;
using Workflow.Engine.Scripting;

namespace Workflow.Benchmarks;

internal sealed record RulesOptions(int Tickets, int Rules, int Sample);

/// <summary>
/// Evaluates the same company rules over the same tickets with our rule engine, with the hand-written
/// if-chain they stand for and with Microsoft RulesEngine; checks that the three decide alike; and prints
/// throughput, allocations, where our engine spends its time, and what compiling a rule set costs.
/// </summary>
internal sealed class RulesBenchmark(RulesOptions options, TextWriter output)
{
    /// <summary>The most one engine's timed pass may take; past it the pass runs on fewer tickets.</summary>
    private static readonly TimeSpan PassBudget = TimeSpan.FromSeconds(30);

    /// <summary>The most each step of taking our engine apart may take.</summary>
    private static readonly TimeSpan StepBudget = TimeSpan.FromSeconds(6);

    /// <summary>The most compiling the large rule set may take; past it a smaller large set is compiled.</summary>
    private static readonly TimeSpan LargeCompileBudget = TimeSpan.FromSeconds(60);

    private const int ProfileTickets = 20_000;
    private const int CountedTickets = 1_000;
    private const int SmallSet = 200;
    private const int LargeSet = 2_000;

    public int Run()
    {
        var total = Stopwatch.StartNew();
        Header();

        var corpus = TicketCorpus.Load(options.Tickets, TicketCorpus.FindDataFolder(), output);
        output.WriteLine($"tickets: {corpus.Tickets.Count:N0}, texts from {corpus.Source}");
        var rules = RuleSetGenerator.Generate(options.Rules);
        DescribeRules(rules);

        var compiler = new CompanyRuleCompiler();
        var (set, compiled) = Time(() => compiler.Compile("benchmark", [.. rules.Select(r => r.ToCompanyRule())]));
        var (engine, built) = Time(() => RuleEngine.Build([], [set], "benchmark"));
        var (chain, chainCompiled) = Time(() => IfChain.Compile(rules));
        var (microsoft, microsoftCreated) = Time(() => new MicrosoftRules(rules));
        var first = corpus.Tickets[0];
        var (_, microsoftFirst) = Time(() => microsoft.Apply(first.ToFact()));
        var (_, oursFirst) = Time(() => engine.Evaluate(first.ToFact()));
        output.WriteLine();
        output.WriteLine("Start-up of the evaluated set (first in this process, so JIT included):");
        output.WriteLine($"  ours:        CompanyRuleCompiler.Compile {Ms(compiled)}, RuleEngine.Build {Ms(built)}, "
            + $"first Evaluate {Ms(oursFirst)}");
        output.WriteLine($"  if-chain:    Roslyn compile of {chain.Source.Length / 1024.0:0} KB of C# {Ms(chainCompiled)}");
        output.WriteLine($"  RulesEngine: constructor {Ms(microsoftCreated)}, first run (parses and compiles "
            + $"the expressions) {Ms(microsoftFirst)}");

        var sample = Sample(corpus.Tickets, options.Sample);
        var agreement = Agreement.Check(sample, rules, engine, chain, microsoft);
        PrintAgreement($"all {rules.Count} rules", agreement);
        ControlAgreement(compiler, rules, sample);

        var runner = new Runner(corpus.Tickets, output);
        output.WriteLine();
        output.WriteLine($"Timing {options.Tickets:N0} tickets per engine after a warm-up pass of "
            + $"{Math.Min(options.Tickets, Runner.WarmUp):N0}...");
        var passes = new List<Measurement>
        {
            runner.Run("building the fact alone", options.Tickets, PassBudget, t => t.ToFact()),
            runner.Run("(a) ours: RuleEngine.Evaluate", options.Tickets, PassBudget, t => engine.Evaluate(t.ToFact())),
            runner.Run("(b) if-chain", options.Tickets, PassBudget, t => chain.Apply(t.ToFact())),
            runner.Run("(c) Microsoft RulesEngine", options.Tickets, PassBudget, t => microsoft.Apply(t.ToFact())),
        };

        output.WriteLine($"Taking our engine apart on {Math.Min(options.Tickets, ProfileTickets):N0} tickets...");
        var profile = EngineProfile.Run(
            set,
            engine,
            runner,
            [.. sample.Take(CountedTickets)],
            Math.Min(options.Tickets, ProfileTickets),
            StepBudget);

        output.WriteLine("Compiling rule sets...");
        var compiles = CompileTimes(compiler, compiled + built);

        PrintResults(passes, profile, compiles, rules.Count);
        output.WriteLine();
        output.WriteLine($"Whole run: {total.Elapsed.TotalSeconds:0} s");
        return 0;
    }

    private void Header()
    {
        var debug = typeof(RulesBenchmark).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled
            ?? false;
        output.WriteLine($"Rules benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, "
            + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, {(debug ? "DEBUG build" : "release build")}");
        if (debug)
        {
            output.WriteLine("NOTICE: this is a debug build; run with -c Release for figures worth comparing.");
        }

        output.WriteLine($"options: --tickets {options.Tickets} --rules {options.Rules} --sample {options.Sample}");
    }

    private void DescribeRules(IReadOnlyList<BenchmarkRule> rules)
    {
        var kinds = rules.GroupBy(r => r.Action).Select(g => $"{g.Count()} {g.Key}");
        var reading = rules.Count(r => r.ReadsDecisions);
        output.WriteLine($"rules: {rules.Count} ({string.Join(", ", kinds)}); {reading} of them test ticket.Category, "
            + $"which rule actions set; saliences {rules.Min(r => r.Salience)} to {rules.Max(r => r.Salience)}");
    }

    /// <summary>
    /// The rules whose conditions read only what the reporter gave cannot change truth while rules run, so on
    /// them the three engines must agree exactly; a difference here would be a fault, not a choice of semantics.
    /// </summary>
    private void ControlAgreement(CompanyRuleCompiler compiler, IReadOnlyList<BenchmarkRule> rules, IReadOnlyList<TicketSpec> sample)
    {
        var fixedRules = rules.Where(r => !r.ReadsDecisions).ToList();
        var set = compiler.Compile("benchmark-control", [.. fixedRules.Select(r => r.ToCompanyRule())]);
        var engine = RuleEngine.Build([], [set], "benchmark-control");
        var report = Agreement.Check(sample, fixedRules, engine, IfChain.Compile(fixedRules), new MicrosoftRules(fixedRules));
        PrintAgreement($"control: the {fixedRules.Count} rules that do not test ticket.Category", report);
        set.Unload();
    }

    private void PrintAgreement(string title, AgreementReport report)
    {
        output.WriteLine();
        output.WriteLine($"Agreement on final Category, Impact and AssignmentGroup, {title}, {report.Sample:N0} sample tickets:");
        output.WriteLine($"  all three agree on {report.AllAgreed:N0} of {report.Sample:N0} "
            + $"({100.0 * report.AllAgreed / report.Sample:0.0}%); rules fired per ticket: ours "
            + $"{report.FiredPerTicket[0]:0.00}, if-chain {report.FiredPerTicket[1]:0.00}, RulesEngine "
            + $"{report.FiredPerTicket[2]:0.00}; {report.RulesEverFired} distinct rules fired; faults in ours: {report.Faults}");
        foreach (var pair in report.Pairs)
        {
            var differed = pair.Differed(report.Sample);
            output.Write($"  {pair.Left} vs {pair.Right}: agree {pair.Agreed:N0}, differ {differed:N0}");
            output.WriteLine(differed == 0
                ? ""
                : $"; in {pair.Explained:N0} of those only rules testing ticket.Category fired differently"
                    + $" ({pair.OrderOnly:N0} fired the same rules in another order)");
        }

        foreach (var pair in report.Pairs.Where(p => p.Example is not null))
        {
            output.WriteLine($"  first difference, {pair.Left} vs {pair.Right}, {pair.Example}");
        }
    }

    private List<(string Name, int Rules, TimeSpan Compile, TimeSpan Build)> CompileTimes(
        CompanyRuleCompiler compiler,
        TimeSpan coldStart)
    {
        var rows = new List<(string, int, TimeSpan, TimeSpan)>();
        var small = CompileAndBuild(compiler, SmallSet);
        rows.Add(("company set, warm", SmallSet, small.Compile, small.Build));

        // Compiling grows about linearly with the rules; a tenth of the large set shows whether it fits.
        var estimate = (small.Compile + small.Build) * (LargeSet / (double)SmallSet) * 1.3;
        var large = LargeSet;
        if (estimate > LargeCompileBudget)
        {
            large = Math.Max(SmallSet, (int)(LargeSet * (LargeCompileBudget / estimate)) / 100 * 100);
            output.WriteLine($"NOTE: a {LargeSet:N0}-rule set would take about {estimate.TotalSeconds:0} s to compile, "
                + $"over its budget of {LargeCompileBudget.TotalSeconds:0} s; compiling {large:N0} rules instead.");
        }

        var big = CompileAndBuild(compiler, large);
        rows.Add(("company set, warm", large, big.Compile, big.Build));
        output.WriteLine($"  (the evaluated set took {Ms(coldStart)} to compile and build as the first in the process)");
        return rows;
    }

    private static (TimeSpan Compile, TimeSpan Build) CompileAndBuild(CompanyRuleCompiler compiler, int count)
    {
        var rules = RuleSetGenerator.Generate(count, seed: 5_000 + (ulong)count);
        var companyRules = rules.Select(r => r.ToCompanyRule()).ToList();
        GC.Collect();
        var (set, compile) = Time(() => compiler.Compile($"compile-{count}", companyRules));
        var (_, build) = Time(() => RuleEngine.Build([], [set], $"compile-{count}"));
        set.Unload();
        return (compile, build);
    }

    private void PrintResults(
        IReadOnlyList<Measurement> passes,
        ProfileReport profile,
        IReadOnlyList<(string Name, int Rules, TimeSpan Compile, TimeSpan Build)> compiles,
        int rules)
    {
        output.WriteLine();
        output.WriteLine($"RESULTS: {rules} company rules, one fresh fact per ticket (its cost is in every row; "
            + "the first row is that cost alone)");
        var chain = passes.Single(p => p.Name.StartsWith("(b)", StringComparison.Ordinal));
        var table = new Table("engine", "tickets", "seconds", "tickets/s", "us/ticket", "bytes/ticket", "vs if-chain");
        foreach (var pass in passes)
        {
            table.Add(
                pass.Name,
                pass.Tickets.ToString("N0"),
                pass.Elapsed.TotalSeconds.ToString("0.00"),
                pass.PerSecond.ToString("N0"),
                pass.MicrosPerTicket.ToString("0.0"),
                pass.BytesPerTicket.ToString("N0"),
                (pass.MicrosPerTicket / chain.MicrosPerTicket).ToString("0.0") + "x");
        }

        table.Write(output);

        output.WriteLine();
        output.WriteLine("Where our engine's time goes (each step includes the ones above it):");
        var steps = new Table("step", "tickets", "us/ticket", "step adds us", "bytes/ticket", "step adds bytes");
        Measurement? previous = null;
        foreach (var step in profile.Steps)
        {
            steps.Add(
                step.Name,
                step.Tickets.ToString("N0"),
                step.MicrosPerTicket.ToString("0.0"),
                (step.MicrosPerTicket - (previous?.MicrosPerTicket ?? 0)).ToString("0.0"),
                step.BytesPerTicket.ToString("N0"),
                (step.BytesPerTicket - (previous?.BytesPerTicket ?? 0)).ToString("N0"));
            previous = step;
        }

        steps.Write(output);
        var counts = profile.Counts;
        output.WriteLine($"Per ticket in ours (mean of {CountedTickets:N0}): {counts.Conditions:0} condition evaluations "
            + $"(the if-chain makes {rules}), {counts.Activations:0.0} activations, {counts.Firings:0.0} firings, "
            + $"{counts.Updates:0.0} fact updates");
        output.WriteLine($"RuleGuard.Enter, called first by every compiled condition: {profile.GuardNanos:0.0} ns and "
            + $"{profile.GuardBytes:0} bytes per call");

        output.WriteLine();
        output.WriteLine("Compiling company rule sets:");
        var compileTable = new Table("set", "rules", "Compile ms", "Build ms", "total ms", "ms/rule");
        foreach (var (name, count, compile, build) in compiles)
        {
            var sum = compile + build;
            compileTable.Add(
                name,
                count.ToString("N0"),
                compile.TotalMilliseconds.ToString("N0"),
                build.TotalMilliseconds.ToString("N0"),
                sum.TotalMilliseconds.ToString("N0"),
                (sum.TotalMilliseconds / count).ToString("0.00"));
        }

        compileTable.Write(output);
    }

    /// <summary>Tickets spread evenly over the whole list, so the sample covers every part of the corpus.</summary>
    private static List<TicketSpec> Sample(IReadOnlyList<TicketSpec> tickets, int size)
    {
        size = Math.Min(size, tickets.Count);
        return [.. Enumerable.Range(0, size).Select(i => tickets[(int)((long)i * tickets.Count / size)])];
    }

    private static (T Value, TimeSpan Elapsed) Time<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var value = work();
        return (value, clock.Elapsed);
    }

    private static (bool Done, TimeSpan Elapsed) Time(Action work) => Time(() =>
    {
        work();
        return true;
    });

    private static string Ms(TimeSpan elapsed) => $"{elapsed.TotalMilliseconds:N0} ms";
}
