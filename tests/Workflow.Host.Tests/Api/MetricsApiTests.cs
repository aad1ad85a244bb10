namespace Workflow.Host.Tests.Api;

/// <summary>
/// GET /metrics serves the OpenTelemetry instruments as Prometheus text without a key. Instruments are found by
/// meter name across the whole process, so these tests run alone, while no other host creates tickets.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsApiTests
{
    [Fact]
    public async Task GetMetrics_AfterTwoCreates_CountsTicketsCreatedAndRuleEvaluations()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateTicketAsync();
        await host.CreateTicketAsync();

        var text = await (await host.Anonymous.GetAsync("/metrics")).Content.ReadAsStringAsync();

        var created = text.Split('\n')
            .Single(l => l.StartsWith("workflow_tickets_created_total{", StringComparison.Ordinal));
        Assert.Contains("priority=\"High\"", created);
        Assert.EndsWith(" 2", created.Split(" #")[0].TrimEnd());
        Assert.Contains("workflow_rules_evaluation_duration_milliseconds_count", text);
    }
}

/// <summary>Tests that read process-wide counters and so must not run beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Process-wide metrics";
}
