using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// Five open incidents on one configuration item within an hour: the default rules propose a major incident on
/// the fifth, the ticket shows the proposal, and accepting it groups the item's incidents as children.
/// </summary>
public sealed class MajorIncidentProposalApiTests
{
    [Fact]
    public async Task Create_FifthIncidentOnOneItemWithinAnHour_ShowsTheProposalOnlyOnTheFifth()
    {
        await using var host = await TestHost.StartAsync();

        var tickets = await CreateOnItemAsync(host, "mail-01", 5);

        Assert.Equal([false, false, false, false, true], tickets.Select(t => t.Proposals.MajorIncident));
    }

    [Fact]
    public async Task AcceptProposal_FifthIncident_MakesAMajorIncidentWithAllFiveAsChildren()
    {
        await using var host = await TestHost.StartAsync();
        var tickets = await CreateOnItemAsync(host, "mail-01", 5);
        await CreateOnItemAsync(host, "printer-7", 1);

        using var response = await AcceptAsync(host, tickets[^1].Id);

        var major = await response.Content.ReadFromJsonAsync<JsonObject>();
        var children = major!["children"]!.AsArray().Select(c => (long)c!["id"]!).Order();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(tickets.Select(t => t.Id), children);
        Assert.Equal("Major incident on mail-01", (string?)major["ticket"]!["subject"]);
        foreach (var ticket in tickets)
        {
            Assert.Equal((long)major["ticket"]!["id"]!, (await host.GetTicketAsync(ticket.Id)).Links.Parent);
        }
    }

    [Fact]
    public async Task AcceptProposal_TicketWithoutOne_Returns400AndCreatesNothing()
    {
        await using var host = await TestHost.StartAsync();
        var tickets = await CreateOnItemAsync(host, "mail-01", 2);

        using var response = await AcceptAsync(host, tickets[0].Id);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([$"no rule proposed a major incident for {tickets[0].Number}."], problem.Errors["ticketId"]);
        Assert.Equal((2, 2), await host.CountStoredAsync());
    }

    [Fact]
    public async Task AcceptProposal_Twice_SecondIsRefusedAsAlreadyLinked()
    {
        await using var host = await TestHost.StartAsync();
        var tickets = await CreateOnItemAsync(host, "mail-01", 5);
        using var first = await AcceptAsync(host, tickets[^1].Id);

        using var second = await AcceptAsync(host, tickets[^1].Id);

        var problem = await TestHost.ReadProblemAsync(second);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.StartsWith($"{tickets[^1].Number} is already a child of ticket ", problem.Errors["ticketId"][0]);
        Assert.Equal((6, 6), await host.CountStoredAsync());
    }

    private static Task<HttpResponseMessage> AcceptAsync(TestHost host, long ticketId) =>
        host.PostAsync($"/api/major-incidents/proposals/{ticketId}", "", "application/json");

    private static async Task<List<Workflow.Host.Api.TicketView>> CreateOnItemAsync(TestHost host, string item, int count)
    {
        var created = new List<Workflow.Host.Api.TicketView>();
        for (var i = 0; i < count; i++)
        {
            var body = TicketRequests.Valid();
            body["configurationItem"] = item;
            created.Add(await host.CreateTicketAsync(body));
            host.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        return created;
    }
}
