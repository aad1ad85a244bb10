using Workflow.Benchmarks.Rules;
using Workflow.Benchmarks.Tickets;
using Workflow.Engine.Rules;

namespace Workflow.Benchmarks.Engines;

/// <summary>What one engine decided for one ticket, and which rules fired to get there, in firing order.</summary>
internal sealed record Outcome(string? Category, string? Impact, string? Group, IReadOnlyList<string> Fired)
{
    public bool SameDecision(Outcome other) =>
        Category == other.Category && Impact == other.Impact && Group == other.Group;
}

/// <summary>How two engines compare over the sample, and why they part where they do.</summary>
internal sealed record PairReport(string Left, string Right, int Agreed, int Explained, int OrderOnly, string? Example)
{
    public int Differed(int sample) => sample - Agreed;
}

internal sealed record AgreementReport(
    int Sample,
    int AllAgreed,
    IReadOnlyList<PairReport> Pairs,
    int Faults,
    IReadOnlyList<double> FiredPerTicket,
    int RulesEverFired);

/// <summary>
/// Runs the same tickets through the three engines and compares the final category, impact and assignment
/// group. Where two engines part, it checks whether only rules whose condition reads a field that actions
/// set (here <c>ticket.Category</c>) fired differently: such rules see the ticket at a different moment in
/// each engine, so they may rightly differ. Any other difference would be a fault of an engine.
/// </summary>
internal static class Agreement
{
    public static AgreementReport Check(
        IReadOnlyList<TicketSpec> sample,
        IReadOnlyList<BenchmarkRule> rules,
        RuleEngine ours,
        IfChain chain,
        MicrosoftRules microsoft)
    {
        var byName = rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var outcomes = new List<(TicketSpec Ticket, Outcome Ours, Outcome Chain, Outcome Microsoft)>(sample.Count);
        var faults = 0;
        foreach (var ticket in sample)
        {
            var evaluation = ours.Evaluate(ticket.ToFact());
            faults += evaluation.Faults.Count + (evaluation.BudgetExhausted is null ? 0 : 1);
            var a = Of(evaluation.Fact, [.. evaluation.Fired.Select(f => f.Name)]);

            var fact = ticket.ToFact();
            var b = Of(fact, chain.Trace(fact));

            fact = ticket.ToFact();
            var c = Of(fact, microsoft.Trace(fact));
            outcomes.Add((ticket, a, b, c));
        }

        var all = outcomes.Count(o => o.Ours.SameDecision(o.Chain) && o.Ours.SameDecision(o.Microsoft));
        PairReport[] pairs =
        [
            Pair("ours", "if-chain", outcomes.Select(o => (o.Ticket, o.Ours, o.Chain)), byName),
            Pair("ours", "RulesEngine", outcomes.Select(o => (o.Ticket, o.Ours, o.Microsoft)), byName),
            Pair("if-chain", "RulesEngine", outcomes.Select(o => (o.Ticket, o.Chain, o.Microsoft)), byName),
        ];
        double n = Math.Max(1, outcomes.Count);
        double[] fired =
        [
            outcomes.Sum(o => o.Ours.Fired.Count) / n,
            outcomes.Sum(o => o.Chain.Fired.Count) / n,
            outcomes.Sum(o => o.Microsoft.Fired.Count) / n,
        ];
        var ever = outcomes.SelectMany(o => o.Ours.Fired.Concat(o.Chain.Fired).Concat(o.Microsoft.Fired))
            .Distinct(StringComparer.Ordinal).Count();
        return new AgreementReport(sample.Count, all, pairs, faults, fired, ever);
    }

    private static Outcome Of(Workflow.Sdk.Rules.TicketFact fact, IReadOnlyList<string> fired) =>
        new(fact.Category, fact.Impact, fact.AssignmentGroup, fired);

    private static PairReport Pair(
        string left,
        string right,
        IEnumerable<(TicketSpec Ticket, Outcome Left, Outcome Right)> outcomes,
        Dictionary<string, BenchmarkRule> byName)
    {
        int agreed = 0, explained = 0, orderOnly = 0;
        string? example = null;
        foreach (var (ticket, l, r) in outcomes)
        {
            if (l.SameDecision(r))
            {
                agreed++;
                continue;
            }

            // Rules over reporter-given fields only hold or fail the same way all evaluation long.
            var fixedLeft = l.Fired.Where(n => !byName[n].ReadsDecisions);
            var fixedRight = r.Fired.Where(n => !byName[n].ReadsDecisions);
            if (fixedLeft.SequenceEqual(fixedRight, StringComparer.Ordinal))
            {
                explained++;
            }

            if (l.Fired.Order(StringComparer.Ordinal).SequenceEqual(r.Fired.Order(StringComparer.Ordinal)))
            {
                orderOnly++;
            }

            example ??= Example(ticket, left, l, right, r, byName);
        }

        return new PairReport(left, right, agreed, explained, orderOnly, example);
    }

    /// <summary>For each decision the two engines disagree on, the rules that set it, as each engine fired them.</summary>
    private static string Example(
        TicketSpec ticket,
        string left,
        Outcome l,
        string right,
        Outcome r,
        Dictionary<string, BenchmarkRule> byName)
    {
        var lines = new List<string>
        {
            $"ticket {ticket.Key} ({ticket.Channel}, {ticket.AffectedUsers?.ToString() ?? "no"} users, "
                + $"arrived with category {ticket.Category ?? "none"}):",
        };
        foreach (var (field, kind, lv, rv) in new[]
        {
            ("Category", RuleActionKind.SetCategory, l.Category, r.Category),
            ("Impact", RuleActionKind.SetImpact, l.Impact, r.Impact),
            ("AssignmentGroup", RuleActionKind.SetAssignmentGroup, l.Group, r.Group),
        })
        {
            if (lv == rv)
            {
                continue;
            }

            lines.Add($"  {field}: {left} -> {lv ?? "null"}, {right} -> {rv ?? "null"}");
            lines.Add($"    {left,-11} fired {Setters(l.Fired, r.Fired, kind, byName)}");
            lines.Add($"    {right,-11} fired {Setters(r.Fired, l.Fired, kind, byName)}");
        }

        var rulesReadingDecisions = l.Fired.Concat(r.Fired).Distinct().Where(n => byName[n].ReadsDecisions)
            .Where(n => l.Fired.Count(x => x == n) != r.Fired.Count(x => x == n)).Take(4)
            .Select(n => $"    {n} (salience {byName[n].Salience}): {byName[n].Condition}");
        lines.Add("  rules reading Category that fired in only one of them:");
        lines.AddRange(rulesReadingDecisions);
        return string.Join(Environment.NewLine, lines);
    }

    private static string Setters(
        IReadOnlyList<string> fired,
        IReadOnlyList<string> other,
        RuleActionKind kind,
        Dictionary<string, BenchmarkRule> byName)
    {
        var setters = fired.Where(n => byName[n].Action == kind)
            .Select(n => $"{n}[{byName[n].Salience}]={byName[n].Value}{(other.Contains(n) ? "" : " (only here)")}")
            .ToList();
        return setters.Count == 0 ? "none" : string.Join(", ", setters);
    }
}
