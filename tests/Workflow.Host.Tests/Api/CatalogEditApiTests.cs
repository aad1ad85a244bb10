using System.Net;
using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// Editing the category tree and the priority scheme through the HTTP API: whole documents saved with
/// <c>If-Match</c>, in force at once for new tickets, refused whole with every bad field named.
/// </summary>
public sealed class CatalogEditApiTests
{
    private static readonly (string, string) FirstVersion = ("If-Match", "\"1\"");

    [SkippableTheory, StorageProviders]
    public async Task PutCategories_CurrentETag_NewTicketUsesTheNewCategory(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var tree = await host.Client.CallAsync(HttpMethod.Get, "/api/categories");
        tree["categories"]!.AsArray().Add(Category("Facilities", "Lighting"));

        using var saved = await host.Client.SendAsync(HttpMethod.Put, "/api/categories", tree, FirstVersion);
        var ticket = await host.CreateTicketAsync(Ticket("Facilities", "Lighting"));

        await saved.JsonAsync();
        Assert.Equal("\"2\"", saved.Headers.ETag?.Tag);
        Assert.Equal(("Facilities", "Lighting"), (ticket.Category, ticket.Subcategory));
        Assert.Equal([(1, "system"), (2, "administrator")], await VersionsAsync(host, "/api/categories/versions"));
    }

    [Fact]
    public async Task PutCategories_StaleIfMatch_Returns412WithTheCurrentETagAndKeepsTheFirstSave()
    {
        await using var host = await TestHost.StartAsync();
        var first = Tree(Category("Network", "VPN"), Category("Facilities"));
        var second = Tree(Category("Network", "VPN"), Category("Printing"));
        using var won = await host.Client.SendAsync(HttpMethod.Put, "/api/categories", first, FirstVersion);

        using var lost = await host.Client.SendAsync(HttpMethod.Put, "/api/categories", second, FirstVersion);

        var problem = await lost.JsonAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("\"2\"", (string?)problem["currentETag"]);
        Assert.Equal(["Facilities", "Network"], await CategoryNamesAsync(host));
    }

    [Fact]
    public async Task PutCategories_NoIfMatch_Returns428AndSavesNothing()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(HttpMethod.Put, "/api/categories", Tree(Category("Only")));

        var problem = await response.JsonAsync(HttpStatusCode.PreconditionRequired);
        Assert.Contains("If-Match", (string?)problem["detail"]);
        Assert.Equal([(1, "system")], await VersionsAsync(host, "/api/categories/versions"));
    }

    [Fact]
    public async Task PutCategories_IfMatchNotAnETag_Returns400NamingTheHeader()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(
            HttpMethod.Put, "/api/categories", Tree(Category("Only")), ("If-Match", "version one"));

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("If-Match", problem.Errors.Keys);
        Assert.Equal([(1, "system")], await VersionsAsync(host, "/api/categories/versions"));
    }

    [Fact]
    public async Task PutCategories_IfMatchStar_SavesOverTheNewestVersion()
    {
        await using var host = await TestHost.StartAsync();
        using var first = await host.Client.SendAsync(
            HttpMethod.Put, "/api/categories", Tree(Category("First")), FirstVersion);

        using var second = await host.Client.SendAsync(
            HttpMethod.Put, "/api/categories", Tree(Category("Second")), ("If-Match", "*"));

        await second.JsonAsync();
        Assert.Equal("\"3\"", second.Headers.ETag?.Tag);
        Assert.Equal(["Second"], await CategoryNamesAsync(host));
    }

    [Fact]
    public async Task PutCategories_BadDocument_Returns400NamingEveryFieldAndChangesNothing()
    {
        await using var host = await TestHost.StartAsync();
        var before = await host.Client.CallAsync(HttpMethod.Get, "/api/categories");
        var bad = Tree(Category("Network", "VPN"), Category("  "), Category("Hardware", "Laptop", "Laptop"));

        using var response = await host.Client.SendAsync(HttpMethod.Put, "/api/categories", bad, FirstVersion);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["categories[1].name", "categories[2].subcategories[1]"], problem.Errors.Keys.Order());
        var after = await host.Client.CallAsync(HttpMethod.Get, "/api/categories");
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.Equal([(1, "system")], await VersionsAsync(host, "/api/categories/versions"));
    }

    [Fact]
    public async Task PutCategories_AgentKey_Returns403ButTheAgentCanRead()
    {
        await using var host = await TestHost.StartAsync();
        var agent = await host.ClientForAsync("desk", "Agent");

        using var read = await agent.SendAsync(HttpMethod.Get, "/api/categories");
        using var write = await agent.SendAsync(HttpMethod.Put, "/api/categories", Tree(Category("Only")), FirstVersion);
        using var scheme = await agent.SendAsync(HttpMethod.Put, "/api/priority-scheme", new JsonObject(), FirstVersion);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, scheme.StatusCode);
        Assert.Equal([(1, "system")], await VersionsAsync(host, "/api/categories/versions"));
    }

    [Fact]
    public async Task PutCategories_CategoryOfAnOpenTicketRemoved_TicketKeepsItAndNewTicketsCannotUseIt()
    {
        await using var host = await TestHost.StartAsync();
        var open = await host.CreateTicketAsync();
        using var saved = await host.Client.SendAsync(
            HttpMethod.Put, "/api/categories", Tree(Category("Hardware", "Laptop")), FirstVersion);

        using var refused = await host.PostJsonAsync("/api/tickets", TicketRequests.Valid());

        await saved.JsonAsync();
        var kept = await host.GetTicketAsync(open.Id);
        Assert.Equal(("Network", "VPN"), (kept.Category, kept.Subcategory));
        var problem = await TestHost.ReadProblemAsync(refused);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("category", problem.Errors.Keys);
    }

    [SkippableTheory, StorageProviders]
    public async Task PutScheme_ChangedMatrixCell_NewTicketGetsTheNewPriority(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var scheme = await host.Client.CallAsync(HttpMethod.Get, "/api/priority-scheme");
        var before = await host.CreateTicketAsync(Impact("Low", "Low"));
        scheme["matrix"]![2]![2] = "High";

        using var saved = await host.Client.SendAsync(HttpMethod.Put, "/api/priority-scheme", scheme, FirstVersion);
        var after = await host.CreateTicketAsync(Impact("Low", "Low"));

        var body = await saved.JsonAsync();
        Assert.Equal("High", (string?)body["matrix"]![2]![2]);
        Assert.Equal(("Low", "High"), (before.Priority, after.Priority));
        Assert.Equal("Low", (await host.GetTicketAsync(before.Id)).Priority);
        Assert.Equal([(1, "system"), (2, "administrator")], await VersionsAsync(host, "/api/priority-scheme/versions"));
    }

    [Fact]
    public async Task PutScheme_BadDocument_Returns400NamingEveryFieldAndKeepsTheScheme()
    {
        await using var host = await TestHost.StartAsync();
        var scheme = await host.Client.CallAsync(HttpMethod.Get, "/api/priority-scheme");
        var before = scheme.ToJsonString();
        scheme["matrix"]![1]![2] = "Urgent";
        scheme["matrix"]![2]!.AsArray().RemoveAt(0);
        scheme["defaultImpact"] = "9";
        scheme["urgencies"]![1]!["name"] = "";

        using var response = await host.Client.SendAsync(HttpMethod.Put, "/api/priority-scheme", scheme, FirstVersion);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["defaultImpact", "urgencies[1].name"], problem.Errors.Keys.Order());
        var after = await host.Client.CallAsync(HttpMethod.Get, "/api/priority-scheme");
        Assert.Equal(before, after.ToJsonString());
    }

    [Fact]
    public async Task PutScheme_BadCells_Returns400NamingEachRowAndCell()
    {
        await using var host = await TestHost.StartAsync();
        var scheme = await host.Client.CallAsync(HttpMethod.Get, "/api/priority-scheme");
        scheme["matrix"]![1]![2] = "Urgent";
        scheme["matrix"]![2]!.AsArray().RemoveAt(0);

        using var response = await host.Client.SendAsync(HttpMethod.Put, "/api/priority-scheme", scheme, FirstVersion);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(["matrix[1][2]", "matrix[2]"], problem.Errors.Keys.Order());
        Assert.StartsWith("'Urgent' is not one of High, Medium, Low", problem.Errors["matrix[1][2]"][0]);
        Assert.Equal([(1, "system")], await VersionsAsync(host, "/api/priority-scheme/versions"));
    }

    [Fact]
    public async Task PutScheme_LevelTheSlaPolicyNamesRemoved_Returns400AndKeepsTheScheme()
    {
        await using var host = await TestHost.StartAsync();
        var scheme = await host.Client.CallAsync(HttpMethod.Get, "/api/priority-scheme");
        scheme["levels"]!.AsArray().RemoveAt(2);
        foreach (var row in scheme["matrix"]!.AsArray())
        {
            for (var i = 0; i < row!.AsArray().Count; i++)
            {
                row[i] = (string?)row[i] == "Low" ? "Medium" : (string?)row[i];
            }
        }

        using var response = await host.Client.SendAsync(HttpMethod.Put, "/api/priority-scheme", scheme, FirstVersion);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("'Low' is missing, but the SLA policy has targets for it", problem.Errors["levels"][0]);
        Assert.Equal([(1, "system")], await VersionsAsync(host, "/api/priority-scheme/versions"));
    }

    private static JsonObject Category(string name, params string[] subcategories) => new()
    {
        ["name"] = name,
        ["subcategories"] = new JsonArray([.. subcategories.Select(s => (JsonNode)JsonValue.Create(s))]),
    };

    private static JsonObject Tree(params JsonObject[] categories) => new()
    {
        ["categories"] = new JsonArray([.. categories]),
    };

    private static JsonObject Ticket(string category, string subcategory)
    {
        var ticket = TicketRequests.Valid();
        ticket["category"] = category;
        ticket["subcategory"] = subcategory;
        return ticket;
    }

    private static JsonObject Impact(string impact, string urgency)
    {
        var ticket = TicketRequests.Valid();
        ticket["impact"] = impact;
        ticket["urgency"] = urgency;
        return ticket;
    }

    private static async Task<IReadOnlyList<string>> CategoryNamesAsync(TestHost host)
    {
        var tree = await host.Client.CallAsync(HttpMethod.Get, "/api/categories");
        return [.. tree["categories"]!.AsArray().Select(c => (string)c!["name"]!)];
    }

    private static async Task<IReadOnlyList<(int, string)>> VersionsAsync(TestHost host, string path)
    {
        var versions = await host.Client.CallAsync(HttpMethod.Get, path);
        return [.. versions.AsArray().Select(v => ((int)v!["version"]!, (string)v["savedBy"]!))];
    }
}
