using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.Host.Tests.Api;

/// <summary>The workflow's own <c>sla</c> section through the API: stored as sent, checked at publish.</summary>
public sealed class WorkflowSlaApiTests
{
    private const string Path = "/api/workflows/incident-default";

    [Fact]
    public async Task GetVersion_DefaultWorkflow_StatesItsSlaEscalation()
    {
        await using var host = await TestHost.StartAsync();

        var document = (await host.Client.CallAsync(HttpMethod.Get, $"{Path}/versions/1"))["document"]!;

        Assert.Equal(0.75, document["sla"]!["warningShare"]!.GetValue<double>());
        Assert.Equal(
            ["notify", "raisePriority", "reassign"],
            document["sla"]!["onBreach"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task SaveDraft_EditedSla_ComesBackAsSaved()
    {
        await using var host = await TestHost.StartAsync();
        var document = (await host.Client.CallAsync(HttpMethod.Get, $"{Path}/versions/1"))["document"]!.DeepClone();
        document["sla"] = new JsonObject { ["warningShare"] = 0.6, ["onWarning"] = new JsonArray() };

        await host.Client.CallAsync(HttpMethod.Put, $"{Path}/draft", document);
        var draft = await host.Client.CallAsync(HttpMethod.Get, $"{Path}/draft");

        Assert.True(JsonNode.DeepEquals(document["sla"], draft["document"]!["sla"]));
    }

    [Fact]
    public async Task Publish_SlaShareAboveOne_Returns400NamingTheFieldAndKeepsVersionOne()
    {
        await using var host = await TestHost.StartAsync();
        var document = (await host.Client.CallAsync(HttpMethod.Get, $"{Path}/versions/1"))["document"]!.DeepClone();
        document["sla"]!["warningShare"] = 1.5;
        await host.Client.CallAsync(HttpMethod.Put, $"{Path}/draft", document);

        using var publish = await host.Client.SendAsync(HttpMethod.Post, $"{Path}/publish");

        var problem = await TestHost.ReadProblemAsync(publish);
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Equal(["1.5 must lie between 0 and 1, for example 0.75."], problem.Errors["sla.warningShare"]);
        Assert.Equal(1, (await host.Client.CallAsync(HttpMethod.Get, Path))["published"]!["version"]!.GetValue<int>());
    }
}
