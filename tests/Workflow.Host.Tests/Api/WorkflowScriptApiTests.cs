using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// Workflows with C# in them: a condition that does not compile is a problem on its node's input with the line
/// and column, publishing it is refused, and a ticket waiting for an event is resumed through the API.
/// </summary>
public sealed class WorkflowScriptApiTests
{
    private const string Path = "/api/workflows/incident-default";

    /// <summary>The default workflow with a decision after logging that sends every ticket on as before.</summary>
    private static async Task<JsonNode> WithDecisionAsync(TestHost host, string condition)
    {
        var document = (await host.Client.CallAsync(HttpMethod.Get, $"{Path}/versions/1"))["document"]!.DeepClone();
        var log = document["connections"]!.AsArray().First(c => (string?)c!["from"] == "log")!;
        var next = (string)log["to"]!;
        log["to"] = "vip";
        document["nodes"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "vip",
            ["type"] = "decision",
            ["inputs"] = new JsonObject { ["condition"] = condition },
        });
        document["connections"]!.AsArray().Add(Link("vip", "true", next));
        document["connections"]!.AsArray().Add(Link("vip", "false", next));
        return document;
    }

    private static JsonNode Inputs(JsonArray activities, string type) =>
        activities.Single(a => (string?)a!["type"] == type)!["inputSchema"]!["properties"]!;

    private static JsonObject Link(string from, string outcome, string to) =>
        new() { ["from"] = from, ["outcome"] = outcome, ["to"] = to };

    [Fact]
    public async Task Validate_ConditionThatDoesNotCompile_NamesTheNodeInputLineAndColumn()
    {
        await using var host = await TestHost.StartAsync();
        var document = await WithDecisionAsync(host, "ticket.Reporter.Vip &&\n ticket.Subjekt != \"\"");
        await host.Client.CallAsync(HttpMethod.Put, $"{Path}/draft", document);

        var validation = await host.Client.CallAsync(HttpMethod.Post, $"{Path}/validate");
        using var publish = await host.Client.SendAsync(HttpMethod.Post, $"{Path}/publish");

        Assert.False(validation["valid"]!.GetValue<bool>());
        var index = document["nodes"]!.AsArray().Count - 1;
        var error = Assert.Single(validation["errors"]!.AsArray())!;
        Assert.Equal($"nodes[{index}].inputs.condition", error["field"]!.GetValue<string>());
        Assert.Equal((2, 9), (error["line"]!.GetValue<int>(), error["column"]!.GetValue<int>()));
        Assert.Contains("Subjekt", error["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Equal(1, (await host.Client.CallAsync(HttpMethod.Get, Path))["published"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Publish_ConditionFixed_PublishesAndNewTicketsPassTheDecision()
    {
        await using var host = await TestHost.StartAsync();
        var document = await WithDecisionAsync(host, "ticket.Reporter.Vip || ticket.AffectedUsers > 100");
        await host.Client.CallAsync(HttpMethod.Put, $"{Path}/draft", document);

        var published = await host.Client.CallAsync(HttpMethod.Post, $"{Path}/publish");
        var ticket = await host.CreateTicketAsync();

        Assert.Equal(2, published["version"]!.GetValue<int>());
        var journal = (await host.GetTicketJsonAsync(ticket.Id))["journal"]!.AsArray();
        Assert.Contains(journal, e => e!["reason"]!.GetValue<string>().StartsWith(
            "workflow incident-default v2, node 'prioritise'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Activities_DecisionAndScript_MarkTheirCodeInputsForTheCodeEditor()
    {
        await using var host = await TestHost.StartAsync();

        var activities = (await host.Client.CallAsync(HttpMethod.Get, "/api/activities")).AsArray();

        var types = activities.Select(a => a!["type"]!.GetValue<string>()).ToList();
        Assert.Superset(
            new HashSet<string> { "decision", "script", "setField", "notify", "escalate", "waitForEvent" },
            types.ToHashSet());
        var condition = Inputs(activities, "decision")["condition"]!;
        Assert.Equal(("csharp", "condition"), ((string?)condition["format"], (string?)condition["x-csharp"]));
        var code = Inputs(activities, "script")["code"]!;
        Assert.Equal(("csharp", "statements"), ((string?)code["format"], (string?)code["x-csharp"]));
    }

    [Fact]
    public async Task Event_TheAwaitedOne_ResumesTheWorkflowAndJournalsWhoSentIt()
    {
        await using var host = await TestHost.StartAsync();
        var document = new JsonObject
        {
            ["id"] = "incident-default",
            ["name"] = "Vendor first",
            ["start"] = "vendor",
            ["nodes"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "vendor",
                    ["type"] = "waitForEvent",
                    ["inputs"] = new JsonObject { ["event"] = "vendor-replied" },
                },
                new JsonObject { ["id"] = "end", ["type"] = "end", ["inputs"] = new JsonObject() }),
            ["connections"] = new JsonArray(Link("vendor", "received", "end")),
        };
        await host.Client.CallAsync(HttpMethod.Put, $"{Path}/draft", document);
        await host.Client.CallAsync(HttpMethod.Post, $"{Path}/publish");
        var ticket = await host.CreateTicketAsync();

        var resumed = await host.Client.CallAsync(
            HttpMethod.Post,
            $"/api/tickets/{ticket.Id}/events/vendor-replied",
            new JsonObject { ["comment"] = "case 4711 answered" });

        Assert.Equal("Completed", resumed["workflow"]!["status"]!.GetValue<string>());
        var last = resumed["journal"]!.AsArray()[^1]!;
        Assert.Equal("waitForEvent", last["action"]!.GetValue<string>());
        Assert.Contains("case 4711 answered", last["reason"]!.GetValue<string>());
        Assert.Contains("event 'vendor-replied' received", last["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Event_TicketNotWaitingForIt_Returns409AndChangesNothing()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();

        using var response = await host.PostJsonAsync(
            $"/api/tickets/{ticket.Id}/events/vendor-replied",
            new JsonObject { ["comment"] = "answered" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var after = await host.GetTicketAsync(ticket.Id);
        Assert.Equal(ticket.Version, after.Version);
    }

    [Fact]
    public async Task Event_NameWithASlashOrSpace_Returns400NamingName()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();

        using var response = await host.PostJsonAsync($"/api/tickets/{ticket.Id}/events/vendor%20replied", null);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("name", problem.Errors.Keys);
    }
}
