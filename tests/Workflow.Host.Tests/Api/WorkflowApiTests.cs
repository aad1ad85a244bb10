using System.Net;
using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// Workflows for the designer: list and read, save a draft (with its revision in If-Match), validate, publish,
/// the version history, and the activity catalog with each activity's input schema.
/// </summary>
public sealed class WorkflowApiTests
{
    private const string Path = "/api/workflows/incident-default";

    [SkippableTheory, StorageProviders]
    public async Task PublishDraft_EditedTitle_BecomesVersionTwoAndHistoryListsBoth(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var document = (await host.Client.CallAsync(HttpMethod.Get, Path))["published"]!["document"]!.DeepClone();
        Node(document, "triage")["inputs"]!["title"] = "Look at it";

        var draft = await host.Client.CallAsync(HttpMethod.Put, $"{Path}/draft", document);
        var published = await host.Client.CallAsync(HttpMethod.Post, $"{Path}/publish");
        var history = await host.Client.CallAsync(HttpMethod.Get, $"{Path}/versions");
        var list = await host.Client.CallAsync(HttpMethod.Get, "/api/workflows");

        Assert.Equal((2, "Draft"), (draft["version"]!.GetValue<int>(), draft["status"]!.GetValue<string>()));
        Assert.Equal((2, "Published"), (published["version"]!.GetValue<int>(), published["status"]!.GetValue<string>()));
        Assert.Equal([1, 2], history.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        Assert.All(history.AsArray(), v => Assert.Null(v!["document"]));
        Assert.Equal(2, list[0]!["published"]!["version"]!.GetValue<int>());
        Assert.Null(list[0]!["draft"]);
        var v2 = await host.Client.CallAsync(HttpMethod.Get, $"{Path}/versions/2");
        Assert.Equal("Look at it", Node(v2["document"]!, "triage")["inputs"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task ValidateAndPublish_DraftWithAnUnknownActivity_ListsTheProblemAndPublishIs400()
    {
        await using var host = await TestHost.StartAsync();
        var document = (await host.Client.CallAsync(HttpMethod.Get, $"{Path}/versions/1"))["document"]!.DeepClone();
        document["nodes"]![0]!["type"] = "teleport";
        await host.Client.CallAsync(HttpMethod.Put, $"{Path}/draft", document);

        var validation = await host.Client.CallAsync(HttpMethod.Post, $"{Path}/validate");
        using var publish = await host.Client.SendAsync(HttpMethod.Post, $"{Path}/publish");

        Assert.False(validation["valid"]!.GetValue<bool>());
        Assert.Contains(validation["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == "nodes[0].type"
            && e["message"]!.GetValue<string>() == "'teleport' is not a known activity.");
        var problem = await TestHost.ReadProblemAsync(publish);
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Equal(["'teleport' is not a known activity."], problem.Errors["nodes[0].type"]);
        Assert.Equal(1, (await host.Client.CallAsync(HttpMethod.Get, Path))["published"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task ValidateBody_ValidDocument_IsValid()
    {
        await using var host = await TestHost.StartAsync();
        var document = (await host.Client.CallAsync(HttpMethod.Get, $"{Path}/versions/1"))["document"]!.DeepClone();

        var validation = await host.Client.CallAsync(HttpMethod.Post, $"{Path}/validate", document);

        Assert.True(validation["valid"]!.GetValue<bool>());
        Assert.Empty(validation["errors"]!.AsArray());
    }

    [Fact]
    public async Task SaveDraft_StaleRevision_Returns409AndKeepsTheOtherSave()
    {
        await using var host = await TestHost.StartAsync();
        var document = (await host.Client.CallAsync(HttpMethod.Get, $"{Path}/versions/1"))["document"]!.DeepClone();
        using var first = await host.Client.SendAsync(HttpMethod.Put, $"{Path}/draft", document);
        var revision = first.Headers.ETag!.Tag;
        document["name"] = "Second editor";
        await host.Client.CallAsync(HttpMethod.Put, $"{Path}/draft", document, headers: ("If-Match", revision));
        document["name"] = "Third editor, based on the first save";

        using var stale = await host.Client.SendAsync(HttpMethod.Put, $"{Path}/draft", document, ("If-Match", revision));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var kept = await host.Client.CallAsync(HttpMethod.Get, $"{Path}/draft");
        Assert.Equal("Second editor", kept["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task SaveDraft_IfNoneMatchStarAfterSomeoneStartedTheDraft_Returns409AndKeepsTheirs()
    {
        await using var host = await TestHost.StartAsync();
        var document = (await host.Client.CallAsync(HttpMethod.Get, $"{Path}/versions/1"))["document"]!.DeepClone();
        document["name"] = "First editor";
        await host.Client.CallAsync(HttpMethod.Put, $"{Path}/draft", document, headers: ("If-None-Match", "*"));
        document["name"] = "Second editor, who saw no draft";

        using var late = await host.Client.SendAsync(HttpMethod.Put, $"{Path}/draft", document, ("If-None-Match", "*"));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var kept = await host.Client.CallAsync(HttpMethod.Get, $"{Path}/draft");
        Assert.Equal("First editor", kept["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task SaveDraft_NewWorkflowIdAndDocumentForAnother_Returns400NamingId()
    {
        await using var host = await TestHost.StartAsync();
        var document = (await host.Client.CallAsync(HttpMethod.Get, $"{Path}/versions/1"))["document"]!.DeepClone();

        using var response = await host.Client.SendAsync(HttpMethod.Put, "/api/workflows/major/draft", document);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(["the document is 'incident-default', not 'major'."], problem.Errors["id"]);
        using var read = await host.Client.GetAsync("/api/workflows/major");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Publish_NoDraft_Returns404()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{Path}/publish");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Workflow 'incident-default' has no draft.", problem.Detail);
    }

    [SkippableTheory, StorageProviders]
    public async Task TicketsPerNode_ThreeTicketsOneAcknowledged_CountsEachNode(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var first = await host.CreateTicketAsync();
        await host.CreateTicketAsync();
        var third = await host.CreateTicketAsync();
        await host.ActAsync(first.Id, TicketRequests.Action("acknowledge", first));
        await host.ActAsync(third.Id, TicketRequests.Action("cancel", third));

        var counts = await host.Client.CallAsync(HttpMethod.Get, $"{Path}/tickets-per-node");

        Assert.Equal(
            ["1 triage 1", "1 working 1"],
            counts.AsArray().Select(c => $"{c!["version"]} {c["node"]} {c["tickets"]}"));
    }

    [Fact]
    public async Task GetActivities_Catalog_DescribesInputsAsJsonSchema()
    {
        await using var host = await TestHost.StartAsync();

        var activities = (await host.Client.CallAsync(HttpMethod.Get, "/api/activities")).AsArray();

        var types = activities.Select(a => a!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(types.Order(StringComparer.Ordinal), types);
        Assert.Contains("humanTask", types);
        var task = activities.Single(a => a!["type"]!.GetValue<string>() == "humanTask")!;
        Assert.True(task["blocks"]!.GetValue<bool>());
        var schema = task["inputSchema"]!;
        Assert.Equal("array", schema["properties"]!["outcomes"]!["type"]!.GetValue<string>());
        Assert.Equal(["outcomes"], schema["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        var transition = activities.Single(a => a!["type"]!.GetValue<string>() == "transition")!;
        var actions = transition["inputSchema"]!["properties"]!["action"]!["enum"]!.AsArray();
        Assert.Contains("resolve", actions.Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task GetCategoriesAndScheme_ShippedDefaults_AreServed()
    {
        await using var host = await TestHost.StartAsync();

        var categories = await host.Client.CallAsync(HttpMethod.Get, "/api/categories");
        var scheme = await host.Client.CallAsync(HttpMethod.Get, "/api/priority-scheme");

        var network = categories["categories"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "Network")!;
        Assert.Contains("VPN", network["subcategories"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("service-desk", scheme["id"]!.GetValue<string>());
        // Rows follow the impacts, cells the urgencies: impact 2, urgency 1 is row 1, cell 0.
        var cell = scheme["matrix"]![1]![0]!.GetValue<string>();
        var level = scheme["levels"]!.AsArray().Single(l => l!["code"]!.GetValue<string>() == cell)!;
        Assert.Equal("High", level["name"]!.GetValue<string>());
        Assert.Equal([3, 3, 3], scheme["matrix"]!.AsArray().Select(r => r!.AsArray().Count));
    }

    private static JsonNode Node(JsonNode document, string id) =>
        document["nodes"]!.AsArray().Single(n => n!["id"]!.GetValue<string>() == id)!;
}
