using System.Net;
using System.Text.Json.Nodes;
using Workflow.Sdk.Tickets;

namespace Workflow.Host.Tests.Api;

/// <summary>GET /api/tickets/{id}: the stored ticket with its whole journal, and 404 for an unknown id.</summary>
public sealed class TicketReadApiTests
{
    private static readonly TimeSpan StepGap = TimeSpan.FromMinutes(7);

    [Fact]
    public async Task GetTicket_JustCreated_ReturnsWhatTheCreationReturned()
    {
        await using var host = await TestHost.StartAsync();
        using var created = await host.PostJsonAsync("/api/tickets", TicketRequests.Valid());
        var createdJson = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;

        var read = await host.GetTicketJsonAsync(createdJson["id"]!.GetValue<long>());

        Assert.True(
            JsonNode.DeepEquals(createdJson, read),
            $"created: {createdJson.ToJsonString()}\nread:    {read.ToJsonString()}");
    }

    [Fact]
    public async Task GetTicket_AfterSeveralActions_ReturnsTheJournalInSequenceOrder()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        foreach (var outcome in new[] { "acknowledge", "hold", "resume", "resolve", "close" })
        {
            host.Clock.Advance(StepGap);
            var action = TicketRequests.Action(outcome, ticket);
            action["holdReason"] = nameof(HoldReason.AwaitingCaller);
            action["resolutionCode"] = "fixed";
            ticket = await host.ActAsync(ticket.Id, action);
        }

        var read = await host.GetTicketAsync(ticket.Id);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], read.Journal.Select(j => j.Sequence));
        Assert.Equal(
            ["created", "prioritise", "acknowledge", "hold", "resume", "resolve", "close"],
            read.Journal.Select(j => j.Action));
        Assert.Equal(
            [.. Enumerable.Range(0, 6).Select(i => TestHost.StartTime + (StepGap * i))],
            read.Journal.Skip(1).Select(j => j.At));
        Assert.Equal(TicketState.Closed, read.State);
    }

    [Fact]
    public async Task GetTicket_UnknownId_Returns404ProblemNamingTheId()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateTicketAsync();

        using var response = await host.Client.GetAsync("/api/tickets/999");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not found.", problem.Title);
        Assert.Equal("There is no ticket 999.", problem.Detail);
    }

    [Fact]
    public async Task GetTicket_IdThatIsNotANumber_Returns404()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/tickets/TKT0000001");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
