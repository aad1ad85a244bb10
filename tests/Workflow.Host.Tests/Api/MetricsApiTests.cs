using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Host.Jobs;

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

    [Fact]
    public async Task GetMetrics_AfterAResponseBreachAndAQueuedJob_ShowsTheBreachAndBothQueueLengths()
    {
        await using var host = await TestHost.StartAsync("--Engine:Jobs:Enabled=false");
        await host.CreateTicketAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(31));
        foreach (var batch in await host.Engine.Sweeper.PlanAsync(1, 100))
        {
            await host.Engine.Sweeper.RunAsync(batch);
        }

        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        jobs.Enqueue<WorkflowJobs>(j => j.DispatchOutboxAsync(CancellationToken.None));
        jobs.Enqueue<WorkflowJobs>(j => j.DispatchOutboxAsync(CancellationToken.None));

        var text = await (await host.Anonymous.GetAsync("/metrics")).Content.ReadAsStringAsync();

        var breaches = Sample(text, "workflow_sla_breaches_total{");
        Assert.Contains("clock=\"response\"", breaches);
        Assert.Contains("priority=\"High\"", breaches);
        Assert.EndsWith(" 1", Value(breaches));
        Assert.EndsWith(" 2", Value(Sample(text, "workflow_jobs_enqueued")));
        Assert.EndsWith(" 1", Value(Sample(text, "workflow_outbox_pending")));
    }

    private static string Sample(string text, string name) =>
        text.Split('\n').Single(l => l.StartsWith(name, StringComparison.Ordinal));

    /// <summary>The sample without its timestamp, if the exporter wrote one.</summary>
    private static string Value(string sample) => sample.Split(" #")[0].TrimEnd();
}

/// <summary>Tests that read process-wide counters and so must not run beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Process-wide metrics";
}
