using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.Designer.Tests;

public sealed class LiveViewEndpointTests
{
    [Fact]
    public async Task Live_OpenTicketsOnVersion_CountedAtTheirNode()
    {
        await using var host = await DesignerHost.StartAsync();
        var first = await host.CreateTicketAsync("Mail server down");
        var second = await host.CreateTicketAsync("Laptop will not boot");
        var node = (await host.GetJsonAsync($"/api/tickets/{first}"))["workflow"]!["node"]!.GetValue<string>();

        var live = await host.GetJsonAsync("/api/workflows/incident-default/versions/1/live");

        var at = Assert.Single(live["nodes"]!.AsArray());
        Assert.Equal(node, at!["nodeId"]!.GetValue<string>());
        Assert.Equal(2, at["open"]!.GetValue<int>());
        Assert.Equal(0, at["breached"]!.GetValue<int>());
        Assert.Equal([first, second], at["tickets"]!.AsArray().Select(t => t!["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Live_UnknownVersion_AnswersNotFoundNamingIt()
    {
        await using var host = await DesignerHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/workflows/incident-default/versions/7/live");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Workflow 'incident-default' has no version 7.", problem["detail"]!.GetValue<string>());
    }
}
