using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Workflow.Engine;

/// <summary>
/// The engine's instruments under the meter <see cref="MeterName"/>; a host publishes them by listening to that
/// meter (OpenTelemetry's <c>AddMeter</c>). Recording costs next to nothing while nobody listens.
/// </summary>
public static class EngineMetrics
{
    public const string MeterName = "Workflow.Engine";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> RuleEvaluation = Meter.CreateHistogram<double>(
        "workflow.rules.evaluation.duration",
        "ms",
        "How long one evaluation of the rules in force took.");

    private static readonly Counter<long> SlaBreaches = Meter.CreateCounter<long>(
        "workflow.sla.breaches",
        "{breach}",
        "SLA breaches the sweep raised, by clock (response or resolution) and priority.");

    /// <summary>Counts a crossing the sweep raised when it is a breach; warnings are not counted.</summary>
    /// <remarks>
    /// Recorded as the sweep raises it, before its batch commits: a batch that fails and runs again counts its
    /// breaches twice. Batches fail rarely (a ticket changed under them), so the count is kept simple.
    /// </remarks>
    public static void SlaCrossed(Sla.SlaCrossing crossing, string? priority)
    {
        if (crossing.Stage == Sla.SlaStage.Breached)
        {
            SlaBreaches.Add(
                1,
                new KeyValuePair<string, object?>("clock", crossing.Clock),
                new KeyValuePair<string, object?>("priority", priority ?? "none"));
        }
    }

    /// <summary>Records one rule evaluation that started at <paramref name="started"/> (a Stopwatch timestamp).</summary>
    public static void RulesEvaluated(long started, string ruleSetVersion) =>
        RuleEvaluation.Record(
            Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new KeyValuePair<string, object?>("rule_set", ruleSetVersion));
}
