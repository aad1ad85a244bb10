using System.Net;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// The engine's meters are process-wide, so tickets created by tests running beside this one would count too:
/// it runs in a collection of its own that xunit runs alone.
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

        var created = text.Split('\n').Single(l => l.StartsWith("workflow_tickets_created_total{", StringComparison.Ordinal));
        Assert.Contains("priority=\"High\"", created);
        Assert.EndsWith(" 2", created.Split(" #")[0].TrimEnd());
        Assert.Contains("workflow_rules_evaluation_duration_milliseconds_count", text);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
