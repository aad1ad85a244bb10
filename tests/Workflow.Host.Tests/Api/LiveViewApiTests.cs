using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Engine.Workflows.Activities;

namespace Workflow.Host.Tests.Api;

/// <summary>The live view counts, per node, the open tickets that have breached their SLA there.</summary>
public sealed class LiveViewApiTests
{
    [Fact]
    public async Task Live_TicketPastItsResolutionTarget_CountedAsBreachedAtItsNode()
    {
        await using var host = await TestHost.StartAsync();
        var late = await host.CreateTicketAsync();
        await host.Engine.Tickets.ActAsync(late.Id, new TaskAction("acknowledge", "agent"));
        host.Clock.Advance(TimeSpan.FromDays(30));
        var fresh = await host.CreateTicketAsync();
        await host.Engine.Tickets.ActAsync(fresh.Id, new TaskAction("acknowledge", "agent"));
        foreach (var batch in await host.Engine.Sweeper.PlanAsync(1, 100))
        {
            await host.Engine.Sweeper.RunAsync(batch);
        }

        var live = await host.Client.GetFromJsonAsync<JsonObject>("/api/workflows/incident-default/versions/1/live");

        var node = Assert.Single(live!["nodes"]!.AsArray())!;
        Assert.Equal((2, 1), ((int)node["open"]!, (int)node["breached"]!));
    }
}
