using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// API keys and roles: no key is 401, a reporter sees and writes only their own tickets and never work notes,
/// an agent cannot publish workflows or manage keys, a revoked key stops working, and the first start issues
/// exactly one administrator key.
/// </summary>
public sealed class AccessApiTests
{
    [Fact]
    public async Task GetTickets_NoKey_Returns401WithABearerChallenge()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Anonymous.GetAsync("/api/tickets");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Authorization: Bearer KEY", problem.Detail);
    }

    [Fact]
    public async Task GetTickets_UnknownKey_Returns401SayingSo()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.ClientWith("wfk_0000000000000000000000000000000000000000000000000");

        using var response = await client.GetAsync("/api/tickets");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The API key is unknown or revoked.", problem.Detail);
    }

    [Fact]
    public async Task GetHealth_NoKey_Returns200()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Anonymous.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableTheory, StorageProviders]
    public async Task GetTicket_AnotherReportersTicket_Returns404AndListsOnlyOwnTickets(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var ann = await host.ClientForAsync("Ann", "Reporter", "ann");
        var bob = await host.ClientForAsync("Bob", "Reporter", "bob");
        var annsTicket = await ann.CallAsync(HttpMethod.Post, "/api/tickets", Report(), HttpStatusCode.Created);
        await bob.CallAsync(HttpMethod.Post, "/api/tickets", Report(), HttpStatusCode.Created);

        using var read = await bob.GetAsync($"/api/tickets/{annsTicket["id"]}");
        var bobsList = await bob.CallAsync(HttpMethod.Get, "/api/tickets");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("ann", annsTicket["reporter"]!["userName"]!.GetValue<string>());
        var items = bobsList["items"]!.AsArray();
        Assert.Equal(["bob"], items.Select(i => i!["reporterUserName"]!.GetValue<string>()));
        var all = await host.Client.CallAsync(HttpMethod.Get, "/api/tickets");
        Assert.Equal(2, all["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task PostTicket_ReporterNamingSomeoneElse_Returns403AndStoresNothing()
    {
        await using var host = await TestHost.StartAsync();
        var ann = await host.ClientForAsync("Ann", "Reporter", "ann");
        var body = Report();
        body["reporter"]!["userName"] = "bob";

        using var response = await ann.SendAsync(HttpMethod.Post, "/api/tickets", body);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("A reporter logs tickets for themselves ('ann'), not for 'bob'.", problem.Detail);
        Assert.Equal((0, 0), await host.CountStoredAsync());
    }

    [Fact]
    public async Task PostTicket_ReporterWithActorHeader_Returns403()
    {
        await using var host = await TestHost.StartAsync();
        var ann = await host.ClientForAsync("Ann", "Reporter", "ann");

        using var response = await ann.SendAsync(HttpMethod.Post, "/api/tickets", Report(), ("X-Actor", "boss"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal((0, 0), await host.CountStoredAsync());
    }

    [Fact]
    public async Task PostComment_ReporterWorkNote_Returns403AndAddsNothing()
    {
        await using var host = await TestHost.StartAsync();
        var ann = await host.ClientForAsync("Ann", "Reporter", "ann");
        var ticket = await ann.CallAsync(HttpMethod.Post, "/api/tickets", Report(), HttpStatusCode.Created);
        var comment = new JsonObject { ["text"] = "internal", ["visibility"] = "workNote" };

        using var response = await ann.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket["id"]}/comments", comment);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var stored = await host.GetTicketAsync(ticket["id"]!.GetValue<long>());
        Assert.DoesNotContain(stored.Journal, j => j.Action == "workNote");
    }

    [Fact]
    public async Task GetTicket_Reporter_SeesRepliesButNoWorkNotes()
    {
        await using var host = await TestHost.StartAsync();
        var ann = await host.ClientForAsync("Ann", "Reporter", "ann");
        var ticket = await ann.CallAsync(HttpMethod.Post, "/api/tickets", Report(), HttpStatusCode.Created);
        var path = $"/api/tickets/{ticket["id"]}/comments";
        var note = Comment("Vendor says it is their bug", "workNote");
        await host.Client.CallAsync(HttpMethod.Post, path, note, HttpStatusCode.Created);
        await host.Client.CallAsync(HttpMethod.Post, path, Comment("We are on it", "reply"), HttpStatusCode.Created);
        await ann.CallAsync(HttpMethod.Post, path, Comment("Thanks", "reply"), HttpStatusCode.Created);

        var annSees = await ann.CallAsync(HttpMethod.Get, path);
        var agentSees = await host.Client.CallAsync(HttpMethod.Get, path);
        var annTicket = await ann.CallAsync(HttpMethod.Get, $"/api/tickets/{ticket["id"]}");

        Assert.Equal(["We are on it", "Thanks"], annSees.AsArray().Select(c => c!["text"]!.GetValue<string>()));
        Assert.Equal(
            ["Vendor says it is their bug", "We are on it", "Thanks"],
            agentSees.AsArray().Select(c => c!["text"]!.GetValue<string>()));
        Assert.DoesNotContain(annTicket["journal"]!.AsArray(), j => j!["action"]!.GetValue<string>() == "workNote");
        Assert.Equal("Ann", annSees[1]!["author"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostAction_Reporter_Returns403AndLeavesTheTicketAtTriage()
    {
        await using var host = await TestHost.StartAsync();
        var ann = await host.ClientForAsync("Ann", "Reporter", "ann");
        var ticket = await ann.CallAsync(HttpMethod.Post, "/api/tickets", Report(), HttpStatusCode.Created);

        using var response = await ann.SendAsync(
            HttpMethod.Post,
            $"/api/tickets/{ticket["id"]}/actions",
            new JsonObject { ["outcome"] = "cancel" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("triage", (await host.GetTicketAsync(ticket["id"]!.GetValue<long>())).Workflow.Node);
    }

    [SkippableTheory, StorageProviders]
    public async Task PublishWorkflow_Agent_Returns403AndPublishesNothing(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var owner = await host.ClientForAsync("Olga", "ProcessOwner");
        var agent = await host.ClientForAsync("Andy", "Agent");
        var draft = await owner.CallAsync(HttpMethod.Get, "/api/workflows/incident-default/versions/1");
        await owner.CallAsync(HttpMethod.Put, "/api/workflows/incident-default/draft", draft["document"]!.DeepClone());

        using var response = await agent.SendAsync(HttpMethod.Post, "/api/workflows/incident-default/publish");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var workflow = await owner.CallAsync(HttpMethod.Get, "/api/workflows/incident-default");
        Assert.Equal(1, workflow["published"]!["version"]!.GetValue<int>());
        Assert.Equal("Draft", workflow["draft"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostKeys_Agent_Returns403()
    {
        await using var host = await TestHost.StartAsync();
        var agent = await host.ClientForAsync("Andy", "Agent");

        using var response = await agent.PostAsJsonAsync("/api/keys", new { name = "Eve", role = "Administrator" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var keys = await host.Client.CallAsync(HttpMethod.Get, "/api/keys");
        Assert.Equal(["administrator", "Andy"], keys.AsArray().Select(k => k!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task DeleteKey_RevokedKey_Returns401OnItsNextRequest()
    {
        await using var host = await TestHost.StartAsync();
        var agent = await host.ClientForAsync("Andy", "Agent");
        await agent.CallAsync(HttpMethod.Get, "/api/me");
        var keys = await host.Client.CallAsync(HttpMethod.Get, "/api/keys");
        var id = keys.AsArray().Single(k => k!["name"]!.GetValue<string>() == "Andy")!["id"];

        await host.Client.CallAsync(HttpMethod.Delete, $"/api/keys/{id}");
        using var response = await agent.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostKeys_ReporterWithoutUserNameAndReservedName_Returns400NamingBothFields()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.PostAsJsonAsync("/api/keys", new { name = "system", role = "Reporter" });

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["'system' is reserved for the engine's own journal entries."], problem.Errors["name"]);
        Assert.Equal(["is required for a reporter: it says which tickets are theirs."], problem.Errors["userName"]);
        Assert.Single((await host.Client.CallAsync(HttpMethod.Get, "/api/keys")).AsArray());
    }

    [Fact]
    public async Task GetMe_AdministratorKeyFromFirstStart_NamesTheAdministrator()
    {
        await using var host = await TestHost.StartAsync();

        var me = await host.Client.CallAsync(HttpMethod.Get, "/api/me");

        Assert.Equal(("administrator", "Administrator"), (me["name"]!.GetValue<string>(), me["role"]!.GetValue<string>()));
        Assert.StartsWith("wfk_", host.AdministratorKey);
    }

    internal static JsonObject Report()
    {
        var body = TicketRequests.Valid();
        body["reporter"]!.AsObject().Remove("userName");
        return body;
    }

    private static JsonObject Comment(string text, string visibility) =>
        new() { ["text"] = text, ["visibility"] = visibility };
}
