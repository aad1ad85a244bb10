using System.Net;
using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// GET /api/tickets: filters by state, priority, category, group, assignee and words in the subject or
/// description; sorts; pages with a cursor that visits every ticket exactly once; refuses a bad parameter with
/// 400 naming it.
/// </summary>
public sealed class TicketListApiTests
{
    [SkippableTheory, StorageProviders]
    public async Task ListTickets_StateCategoryAndText_ReturnOnlyMatchingTickets(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var vpn = await host.CreateTicketAsync();
        var printer = TicketRequests.Valid();
        printer["subject"] = "Printer on floor 3 jams";
        printer["description"] = "Paper JAM in tray two";
        printer["category"] = "Hardware";
        printer["subcategory"] = null;
        var jammed = await host.CreateTicketAsync(printer);
        await host.ActAsync(vpn.Id, TicketRequests.Action("acknowledge", vpn));

        var inProgress = await host.Client.CallAsync(HttpMethod.Get, "/api/tickets?state=InProgress");
        var newHardware = await host.Client.CallAsync(HttpMethod.Get, "/api/tickets?state=new,onHold&category=Hardware");
        var jam = await host.Client.CallAsync(HttpMethod.Get, "/api/tickets?q=tray%20jam");
        var nothing = await host.Client.CallAsync(HttpMethod.Get, "/api/tickets?q=jam&category=Network");

        Assert.Equal([vpn.Id], Ids(inProgress));
        Assert.Equal([jammed.Id], Ids(newHardware));
        Assert.Equal([jammed.Id], Ids(jam));
        Assert.Empty(Ids(nothing));
    }

    [SkippableTheory, StorageProviders]
    public async Task ListTickets_CursorPaging_VisitsEveryTicketOnceInOrder(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var created = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await host.CreateTicketAsync()).Id);
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var path = "/api/tickets?sort=-createdAt&limit=3" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await host.Client.CallAsync(HttpMethod.Get, path);
            seen.AddRange(Ids(page));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(created), seen);
        Assert.Equal(3, pages);
    }

    [SkippableTheory, StorageProviders]
    public async Task ListTickets_SlaStatus_ReturnsEachTicketUnderTheStatusItsClocksShow(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var breached = await host.CreateTicketAsync();
        var held = await host.CreateTicketAsync();
        await host.ActAsync(held.Id, new JsonObject { ["outcome"] = "hold", ["holdReason"] = "awaitingCaller" });
        var met = await host.CreateTicketAsync();
        var acknowledged = await host.ActAsync(met.Id, TicketRequests.Action("acknowledge", met));
        var resolve = TicketRequests.Action("resolve", acknowledged);
        resolve["resolutionCode"] = "Fixed";
        await host.ActAsync(met.Id, resolve);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var warned = await host.CreateTicketAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(26));
        var running = await host.CreateTicketAsync();
        foreach (var batch in await host.Engine.Sweeper.PlanAsync(1, 100))
        {
            await host.Engine.Sweeper.RunAsync(batch);
        }

        var lists = new Dictionary<string, List<long>>();
        foreach (var status in new[] { "breached", "met", "paused", "warning", "running" })
        {
            lists[status] = Ids(await host.Client.CallAsync(HttpMethod.Get, $"/api/tickets?slaStatus={status}"));
        }

        Assert.Equal([breached.Id], lists["breached"]);
        Assert.Equal([met.Id], lists["met"]);
        Assert.Equal([held.Id], lists["paused"]);
        Assert.Equal([warned.Id], lists["warning"]);
        Assert.Equal([running.Id], lists["running"]);
    }

    [SkippableTheory, StorageProviders]
    public async Task ListTickets_SlaStatusWithStateAndCursor_PagesThroughTheMatchesOnly(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var first = await host.CreateTicketAsync();
        var held = await host.CreateTicketAsync();
        await host.ActAsync(held.Id, new JsonObject { ["outcome"] = "hold", ["holdReason"] = "awaitingCaller" });
        var second = await host.CreateTicketAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(25));
        var third = await host.CreateTicketAsync();
        foreach (var batch in await host.Engine.Sweeper.PlanAsync(1, 100))
        {
            await host.Engine.Sweeper.RunAsync(batch);
        }

        const string Path = "/api/tickets?slaStatus=Warning,paused&state=New&sort=id&limit=1";
        var page1 = await host.Client.CallAsync(HttpMethod.Get, Path);
        var cursor = page1["nextCursor"]!.GetValue<string>();
        var page2 = await host.Client.CallAsync(HttpMethod.Get, $"{Path}&cursor={cursor}");
        var running = await host.Client.CallAsync(HttpMethod.Get, "/api/tickets?slaStatus=running&state=New");

        Assert.Equal([first.Id], Ids(page1));
        Assert.Equal([second.Id], Ids(page2));
        Assert.Null(page2["nextCursor"]);
        Assert.Equal([third.Id], Ids(running));
    }

    [Fact]
    public async Task ListTickets_SortById_ReturnsOldestFirst()
    {
        await using var host = await TestHost.StartAsync();
        var first = await host.CreateTicketAsync();
        var second = await host.CreateTicketAsync();

        var list = await host.Client.CallAsync(HttpMethod.Get, "/api/tickets?sort=id");

        Assert.Equal([first.Id, second.Id], Ids(list));
        Assert.Equal("High", list["items"]![0]!["priority"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("state=Open", "state", "'Open' is not a state; use New, InProgress, OnHold, Resolved, Closed, Cancelled.")]
    [InlineData(
        "slaStatus=late,met",
        "slaStatus",
        "'late' is not an SLA status; use Breached, Met, Paused, Warning, Running.")]
    [InlineData("limit=0", "limit", "must be a whole number from 1 to 200.")]
    [InlineData("limit=201", "limit", "must be a whole number from 1 to 200.")]
    [InlineData(
        "sort=priority",
        "sort",
        "'priority' is not a sort order; use id, createdAt, updatedAt or occurredAt, with a leading '-' for newest first.")]
    [InlineData(
        "cursor=bm9wZQ",
        "cursor",
        "is not a cursor from a list in this order; pass the nextCursor of the previous page unchanged.")]
    public async Task ListTickets_BadParameter_Returns400NamingIt(string query, string field, string message)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.GetAsync($"/api/tickets?{query}");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], problem.Errors[field]);
    }

    [Fact]
    public async Task ListTickets_CursorFromAnotherOrder_Returns400()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateTicketAsync();
        await host.CreateTicketAsync();
        var page = await host.Client.CallAsync(HttpMethod.Get, "/api/tickets?sort=id&limit=1");

        using var response = await host.Client.GetAsync($"/api/tickets?sort=-createdAt&cursor={page["nextCursor"]}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static List<long> Ids(JsonNode page) =>
        [.. page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>())];
}
