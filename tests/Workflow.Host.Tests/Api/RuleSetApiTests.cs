using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// Company rule sets through the HTTP API: drafts, the compile check, try-it, simulation, publishing, history,
/// export and import. Every refused request leaves the stored versions as they were.
/// </summary>
public sealed class RuleSetApiTests
{
    private const string RouteVpn = """
        {"id": "company", "rules": [
          {"name": "VPN to network team", "salience": 10, "condition": "ticket.Mentions(\"vpn\")",
           "action": "setAssignmentGroup", "value": "Network team"}
        ]}
        """;

    private const string Typo = """
        {"id": "company", "rules": [
          {"name": "typo", "salience": 1, "condition": "ticket.Subjekt == \"x\"", "action": "addTag", "value": "x"}
        ]}
        """;

    [Fact]
    public async Task Publish_SavedDraft_NewTicketsAreRoutedByIt()
    {
        await using var host = await TestHost.StartAsync();
        await SaveDraftAsync(host, RouteVpn);

        using var published = await host.PostAsync("/api/rule-sets/company/publish", "", "application/json");
        var ticket = await host.CreateTicketAsync();

        var version = await published.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal((1, "Published"), ((int)version!["version"]!, (string?)version["status"]));
        Assert.Equal("Network team", ticket.AssignmentGroup);
    }

    [Fact]
    public async Task Check_UnknownMember_ReturnsTheErrorAtTheAuthorsLineAndColumn()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.PostAsync("/api/rule-sets/check", Typo, "application/json");

        var check = await response.Content.ReadFromJsonAsync<JsonObject>();
        var error = check!["errors"]![0]!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((bool)check["compiles"]!);
        Assert.Equal(
            ("typo", "condition", 1, 8),
            ((string?)error["rule"], (string?)error["part"], (int)error["line"]!, (int)error["column"]!));
        Assert.StartsWith("'TicketFact' does not contain a definition for 'Subjekt'", (string?)error["message"]);
    }

    [Fact]
    public async Task Publish_DraftThatDoesNotCompile_Returns400NamingTheRuleAndPublishesNothing()
    {
        await using var host = await TestHost.StartAsync();
        await SaveDraftAsync(host, Typo);

        using var response = await host.PostAsync("/api/rule-sets/company/publish", "", "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(
            "line 1, column 8: 'TicketFact' does not contain a definition for 'Subjekt'",
            Assert.Single(problem.Errors["typo.condition"]));
        Assert.Equal(["1 Draft"], await HistoryAsync(host));
    }

    [Fact]
    public async Task SaveDraft_IfNoneMatchStarButADraftExists_Returns409AndKeepsThatDraft()
    {
        await using var host = await TestHost.StartAsync();
        await SaveDraftAsync(host, RouteVpn);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/rule-sets/company/draft")
        {
            Content = new StringContent(Typo, Encoding.UTF8, "application/json"),
        };
        request.Headers.IfNoneMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var export = await host.Client.GetAsync("/api/rule-sets/company/versions/1");
        Assert.Contains("VPN to network team", await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SaveDraft_IfNoneMatchStarAndNoDraft_CreatesTheFirstDraft()
    {
        await using var host = await TestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/rule-sets/company/draft")
        {
            Content = new StringContent(RouteVpn, Encoding.UTF8, "application/json"),
        };
        request.Headers.IfNoneMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["1 Draft"], await HistoryAsync(host));
    }

    [Fact]
    public async Task SaveDraft_AgentKey_Returns403AndSavesNothing()
    {
        await using var host = await TestHost.StartAsync();
        var agent = await host.ClientForAsync("desk", "Agent");

        using var response = await agent.PutAsync(
            "/api/rule-sets/company/draft",
            new StringContent(RouteVpn, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var versions = await host.Client.GetAsync("/api/rule-sets/company/versions");
        Assert.Equal(HttpStatusCode.NotFound, versions.StatusCode);
    }

    [Fact]
    public async Task Publish_NoDraft_Returns404SayingToSaveOne()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.PostAsync("/api/rule-sets/company/publish", "", "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Rule set 'company' has no draft; save one first.", problem.Detail);
    }

    [Fact]
    public async Task SaveDraft_IfMatchAnOlderRevision_Returns409AndKeepsTheNewerDraft()
    {
        await using var host = await TestHost.StartAsync();
        await SaveDraftAsync(host, RouteVpn);
        await SaveDraftAsync(host, RouteVpn.Replace("Network team", "Second"), revision: 1);

        using var stale = await PutAsync(host, "/api/rule-sets/company/draft", Typo, revision: 1);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var versions = await host.Client.GetAsync("/api/rule-sets/company/versions");
        var draft = (await versions.Content.ReadFromJsonAsync<JsonArray>())![0]!;
        Assert.Equal(2, (int)draft["revision"]!);
    }

    [Fact]
    public async Task SaveDraft_RuleWithoutCondition_Returns400NamingTheRulesPathAndSavesNothing()
    {
        await using var host = await TestHost.StartAsync();
        const string Body = """
            {"id": "company", "rules": [{"name": "x", "salience": 1, "action": "addTag", "value": "x"}]}
            """;

        using var response = await PutAsync(host, "/api/rule-sets/company/draft", Body);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("rules[0].condition", problem.Errors.Keys);
        using var versions = await host.Client.GetAsync("/api/rule-sets/company/versions");
        Assert.Equal(HttpStatusCode.NotFound, versions.StatusCode);
    }

    [Fact]
    public async Task Try_SampleTicket_ListsTheRulesThatFireAndWhatTheyDecide()
    {
        await using var host = await TestHost.StartAsync();
        await SaveDraftAsync(host, RouteVpn);

        using var response = await host.PostAsync(
            "/api/rule-sets/company/draft/try",
            """{"subject": "VPN refuses my password"}""",
            "application/json");

        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        var fired = result!["fired"]!.AsArray().Select(f => (string?)f!["name"]).ToList();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("VPN to network team", fired);
        Assert.Equal("Network team", (string?)result["outcome"]!["assignmentGroup"]);
        Assert.Equal("company draft", (string?)result["ruleSetVersion"]);
    }

    [Fact]
    public async Task Simulate_DraftAgainstStoredTickets_ListsTheTicketThatWouldChangeWithTheRule()
    {
        await using var host = await TestHost.StartAsync();
        var vpn = await host.CreateTicketAsync();
        var printer = TicketRequests.Valid();
        printer["subject"] = "Printer jams on every page";
        printer["description"] = "Paper stuck.";
        await host.CreateTicketAsync(printer);
        await SaveDraftAsync(host, RouteVpn);

        using var response = await host.PostAsync("/api/rule-sets/company/draft/simulate", "", "application/json");

        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        var change = Assert.Single(result!["changes"]!.AsArray())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            (vpn.Id, "AssignmentGroup", "Network team", "VPN to network team"),
            ((long)change["ticketId"]!, (string?)change["field"], (string?)change["after"], (string?)change["rule"]));
    }

    [Fact]
    public async Task Import_ExportedVersion_BecomesTheNextDraftWithTheSameRules()
    {
        await using var host = await TestHost.StartAsync();
        await SaveDraftAsync(host, RouteVpn);
        using var publish = await host.PostAsync("/api/rule-sets/company/publish", "", "application/json");
        using var export = await host.Client.GetAsync("/api/rule-sets/company/versions/1");
        var file = await export.Content.ReadAsStringAsync();

        using var imported = await host.PostAsync("/api/rule-sets/import", file, "application/json");

        Assert.Equal(
            "attachment; filename=\"rule-set.company.v1.json\"",
            export.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(["1 Published", "2 Draft"], await HistoryAsync(host));
        using var draft = await host.Client.GetAsync("/api/rule-sets/company/versions/2");
        Assert.Equal(file, await draft.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Import_FileThatIsNotJson_Returns400WithThePosition()
    {
        await using var host = await TestHost.StartAsync();

        const string Broken = "{\"id\": \"company\",\n \"rules\": [,]}";

        using var response = await host.PostAsync("/api/rule-sets/import", Broken, "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["not valid JSON at line 2, position 12."], problem.Errors["$"]);
    }

    private static async Task SaveDraftAsync(TestHost host, string json, int? revision = null)
    {
        using var response = await PutAsync(host, "/api/rule-sets/company/draft", json, revision);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<HttpResponseMessage> PutAsync(TestHost host, string path, string json, int? revision = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (revision is not null)
        {
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{revision}\""));
        }

        return host.Client.SendAsync(request);
    }

    private static async Task<List<string>> HistoryAsync(TestHost host)
    {
        using var response = await host.Client.GetAsync("/api/rule-sets/company/versions");
        var versions = await response.Content.ReadFromJsonAsync<JsonArray>();
        return [.. versions!.Select(v => $"{(int)v!["version"]!} {(string?)v["status"]}")];
    }
}
