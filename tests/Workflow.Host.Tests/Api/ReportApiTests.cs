using System.Net;
using System.Text.Json.Nodes;
using Workflow.Host.Api;
using Workflow.Testing;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// Reports over a time range: counts by state, priority and category, mean times to respond and resolve per
/// priority, the reopen rate and the top configuration items, each as JSON and as CSV.
/// </summary>
public sealed class ReportApiTests
{
    private const string Range = "from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z";

    [SkippableTheory, StorageProviders]
    public async Task Reports_ThreeTicketsOneResolvedAndReopened_CountAndTimeThem(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var agent = await host.ClientForAsync("Andy", "Agent");
        var first = await host.CreateTicketAsync(Item("vpn-gw-1"));
        await host.CreateTicketAsync(Item("vpn-gw-1"));
        await host.CreateTicketAsync(Item("mail-1"));
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var acknowledged = await Act(agent, first.Id, TicketRequests.Action("acknowledge", first));
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        var resolve = TicketRequests.Action("resolve", acknowledged);
        resolve["resolutionCode"] = "Fixed";
        var resolved = await Act(agent, first.Id, resolve);
        await Act(agent, first.Id, TicketRequests.Action("reopen", resolved));

        var states = await agent.CallAsync(HttpMethod.Get, $"/api/reports/counts?by=state&{Range}");
        var times = await agent.CallAsync(HttpMethod.Get, $"/api/reports/response-times?{Range}");
        var reopen = await agent.CallAsync(HttpMethod.Get, $"/api/reports/reopen-rate?{Range}");
        var items = await agent.CallAsync(HttpMethod.Get, $"/api/reports/top-configuration-items?{Range}&limit=1");

        Assert.Equal(["New=2", "InProgress=1"], states["rows"]!.AsArray().Select(r => $"{r!["value"]}={r["count"]}"));
        var high = times["rows"]!.AsArray().Single()!;
        Assert.Equal(("High", 3, 1, 10.0), (high["priority"]!.GetValue<string>(), high["tickets"]!.GetValue<int>(),
            high["responded"]!.GetValue<int>(), high["meanMinutesToRespond"]!.GetValue<double>()));
        Assert.Equal(0, high["resolved"]!.GetValue<int>());
        Assert.Equal(
            (1, 1, 1.0),
            (reopen["resolved"]!.GetValue<int>(), reopen["reopened"]!.GetValue<int>(), reopen["rate"]!.GetValue<double>()));
        Assert.Equal(["vpn-gw-1=2"], items["rows"]!.AsArray().Select(r => $"{r!["value"]}={r["count"]}"));
    }

    [SkippableTheory, StorageProviders]
    public async Task SlaCompliance_TargetsMetLateAndNotYetDue_CountsTheDecidedOnesPerPriority(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var agent = await host.ClientForAsync("Andy", "Agent");
        var onTime = await host.CreateTicketAsync();
        await host.CreateTicketAsync();
        var late = await host.CreateTicketAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var acknowledged = await Act(agent, onTime.Id, TicketRequests.Action("acknowledge", onTime));
        host.Clock.Advance(TimeSpan.FromMinutes(30));
        var lateAcknowledged = await Act(agent, late.Id, TicketRequests.Action("acknowledge", late));
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        await Act(agent, onTime.Id, Resolve(acknowledged));
        host.Clock.Advance(TimeSpan.FromHours(3));
        await host.CreateTicketAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(30));
        await Act(agent, late.Id, Resolve(lateAcknowledged));
        host.Clock.Advance(TimeSpan.FromMinutes(30));

        var report = await agent.CallAsync(HttpMethod.Get, $"/api/reports/sla-compliance?{Range}");

        // Response: on time met; untouched, late and the newest (due 13:30, now 14:00) missed.
        // Resolution: on time met; untouched and late missed; the newest is due at 17:00, not yet decided.
        var high = Assert.Single(report["rows"]!.AsArray())!;
        Assert.Equal(
            ("High", 4, 1, 0.25, 3, 1, 0.3333),
            (high["priority"]!.GetValue<string>(), high["responseTargets"]!.GetValue<int>(),
                high["responseMet"]!.GetValue<int>(), high["responseMetShare"]!.GetValue<double>(),
                high["resolutionTargets"]!.GetValue<int>(), high["resolutionMet"]!.GetValue<int>(),
                high["resolutionMetShare"]!.GetValue<double>()));
    }

    [Fact]
    public async Task SlaCompliance_AsCsv_OneLinePerPriorityAndNothingForTargetsOutsideTheRange()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await host.ActAsync(ticket.Id, TicketRequests.Action("acknowledge", ticket));
        host.Clock.Advance(TimeSpan.FromHours(5));

        using var csv = await host.Client.GetAsync($"/api/reports/sla-compliance?{Range}&format=csv");
        using var before = await host.Client.GetAsync(
            "/api/reports/sla-compliance?from=2026-03-01T00:00:00Z&to=2026-03-02T09:00:00Z&format=csv");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            [
                "priority,responseTargets,responseMet,responseMetShare,"
                    + "resolutionTargets,resolutionMet,resolutionMetShare",
                "High,1,1,1,1,0,0",
            ],
            (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Single((await before.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task TopItems_AsCsv_HasAHeaderAndQuotesAValueWithAComma()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateTicketAsync(Item("db \"main\", primary"));
        await host.CreateTicketAsync(Item("db \"main\", primary"));
        await host.CreateTicketAsync(Item("mail-1"));

        using var response = await host.Client.GetAsync($"/api/reports/top-configuration-items?{Range}&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["configurationItem,incidents", "\"db \"\"main\"\", primary\",2", "mail-1,1"], lines);
    }

    [Fact]
    public async Task ResponseTimes_AcceptCsv_AnswersCsv()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateTicketAsync();

        var path = $"/api/reports/response-times?{Range}";

        using var response = await host.Client.SendAsync(HttpMethod.Get, path, null, ("Accept", "text/csv"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(
            ["priority,tickets,responded,meanMinutesToRespond,resolved,meanMinutesToResolve", "High,1,0,,0,"],
            text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("by=owner", "by", "is required: category, priority or state.")]
    [InlineData(
        "by=state&from=yesterday",
        "from",
        "must be a time in ISO 8601 form with an offset, such as 2026-03-01T00:00:00Z.")]
    [InlineData("by=state&from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "from", "must be earlier than to.")]
    [InlineData("by=state&format=xml", "format", "must be json or csv.")]
    public async Task Counts_BadParameter_Returns400NamingIt(string query, string field, string message)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.GetAsync($"/api/reports/counts?{query}");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal([message], problem.Errors[field]);
    }

    [Fact]
    public async Task Counts_Reporter_Returns403()
    {
        await using var host = await TestHost.StartAsync();
        var ann = await host.ClientForAsync("Ann", "Reporter", "ann");

        using var response = await ann.GetAsync("/api/reports/counts?by=state");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static JsonObject Item(string item)
    {
        var body = TicketRequests.Valid();
        body["configurationItem"] = item;
        return body;
    }

    private static JsonObject Resolve(TicketView seen)
    {
        var resolve = TicketRequests.Action("resolve", seen);
        resolve["resolutionCode"] = "Fixed";
        return resolve;
    }

    private static async Task<TicketView> Act(HttpClient client, long id, JsonObject action)
    {
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/tickets/{id}/actions", action);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TestHost.ReadViewAsync(response);
    }
}
