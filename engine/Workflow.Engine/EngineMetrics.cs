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

    /// <summary>Records one rule evaluation that started at <paramref name="started"/> (a Stopwatch timestamp).</summary>
    public static void RulesEvaluated(long started, string ruleSetVersion) =>
        RuleEvaluation.Record(
            Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new KeyValuePair<string, object?>("rule_set", ruleSetVersion));
}
