using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.Host.Tests.Api;

/// <summary>"Why does this ticket have this priority and category", answered from the journal.</summary>
public sealed class ExplanationApiTests
{
    [Fact]
    public async Task Explanation_CategoryGivenByTheReporter_NamesTheRequestAndNoRule()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync(actor: "ann");

        var category = await FieldAsync(host, ticket.Id, "Category");

        Assert.Equal(("Network", "ann"), ((string?)category["value"], (string?)category["setBy"]));
        Assert.Empty(category["rules"]!.AsArray());
    }

    [Fact]
    public async Task Explanation_GroupSetByAPublishedRule_NamesTheRuleTheVersionAndTheEvaluation()
    {
        await using var host = await TestHost.StartAsync();
        const string Rules = """
            {"id": "company", "rules": [{"name": "VPN to network team", "salience": 10,
              "condition": "ticket.Mentions(\"vpn\")", "action": "setAssignmentGroup", "value": "Network team"}]}
            """;
        using var draft = await host.Client.PutAsync(
            "/api/rule-sets/company/draft",
            new StringContent(Rules, Encoding.UTF8, "application/json"));
        using var publish = await host.PostAsync("/api/rule-sets/company/publish", "", "application/json");
        var ticket = await host.CreateTicketAsync();

        var group = await FieldAsync(host, ticket.Id, "AssignmentGroup");

        var rule = Assert.Single(group["rules"]!.AsArray())!;
        Assert.Equal("Network team", (string?)group["value"]);
        Assert.Equal(("VPN to network team", "company v1"), ((string?)rule["name"], (string?)rule["version"]));
        Assert.Contains("'VPN to network team' (AssignmentGroup - -> Network team)", (string?)group["evaluation"]);
    }

    [Fact]
    public async Task Explanation_Priority_SaysWhichMatrixCellGaveIt()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();

        var explanation = await ExplainAsync(host, ticket.Id);

        Assert.Equal(
            "impact 2 - Medium and urgency 1 - High give High in the 'service-desk' matrix.",
            (string?)explanation["priority"]);
    }

    [Fact]
    public async Task Explanation_AnotherReportersTicket_Returns404AsIfItDidNotExist()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        var stranger = await host.ClientForAsync("bob", "Reporter", userName: "bob");

        using var response = await stranger.GetAsync($"/api/tickets/{ticket.Id}/explanation");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Explanation_UnknownTicket_Returns404()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/tickets/99/explanation");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no ticket 99.", problem.Detail);
    }

    private static async Task<JsonObject> ExplainAsync(TestHost host, long id)
    {
        using var response = await host.Client.GetAsync($"/api/tickets/{id}/explanation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<JsonObject> FieldAsync(TestHost host, long id, string field)
    {
        var explanation = await ExplainAsync(host, id);
        return explanation["fields"]!.AsArray().Single(f => (string?)f!["field"] == field)!.AsObject();
    }
}
