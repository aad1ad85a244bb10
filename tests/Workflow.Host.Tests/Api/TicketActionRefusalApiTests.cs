using System.Net;
using System.Text.Json.Nodes;
using Workflow.Sdk.Tickets;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// Actions the API refuses: an outcome the task does not offer, a hold or resolve without what it needs, a
/// bookmark that was already taken, anything after closure. Each refusal names its cause and leaves the
/// stored ticket exactly as it was.
/// </summary>
public sealed class TicketActionRefusalApiTests
{
    [Fact]
    public async Task PostAction_OutcomeNotOffered_Returns400NamingOutcome()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        var before = await host.GetTicketJsonAsync(ticket.Id);

        using var response = await ActAsync(host, ticket.Id, TicketRequests.Action("close", ticket));

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single(Assert.Single(problem.Errors, e => e.Key == "outcome").Value);
        Assert.Equal(
            "'close' is not offered at 'triage'; offered: acknowledge, hold, resolve, cancel, reassign, "
            + "reprioritise, recategorise.",
            message);
        await AssertUnchangedAsync(host, ticket.Id, before);
    }

    [Fact]
    public async Task PostAction_UnknownOutcome_Returns400NamingOutcome()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();

        using var response = await ActAsync(host, ticket.Id, TicketRequests.Action("escalate", ticket));

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["outcome"], problem.Errors.Keys);
        Assert.StartsWith("'escalate' is not offered at 'triage'", problem.Errors["outcome"][0]);
    }

    [Fact]
    public async Task PostAction_NoOutcome_Returns400NamingOutcome()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();

        using var response = await ActAsync(host, ticket.Id, new JsonObject { ["comment"] = "what now?" });

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["is required."], Assert.Single(problem.Errors, e => e.Key == "outcome").Value);
    }

    [Fact]
    public async Task PostAction_HoldWithoutReason_Returns400NamingHoldReasonAndChangesNothing()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        ticket = await host.ActAsync(ticket.Id, TicketRequests.Action("acknowledge", ticket));
        var before = await host.GetTicketJsonAsync(ticket.Id);

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        using var response = await ActAsync(host, ticket.Id, TicketRequests.Action("hold", ticket));

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["holdReason"], problem.Errors.Keys);
        Assert.Equal(["A hold needs a reason (awaitingCaller, awaitingVendor, ...)."], problem.Errors["holdReason"]);
        await AssertUnchangedAsync(host, ticket.Id, before);
    }

    [Fact]
    public async Task PostAction_ResolveWithoutCode_Returns400NamingResolutionCodeAndChangesNothing()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        var before = await host.GetTicketJsonAsync(ticket.Id);

        using var response = await ActAsync(host, ticket.Id, TicketRequests.Action("resolve", ticket));

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["resolutionCode"], problem.Errors.Keys);
        Assert.Equal(["Resolving needs a resolution code."], problem.Errors["resolutionCode"]);
        await AssertUnchangedAsync(host, ticket.Id, before);
    }

    [Fact]
    public async Task PostAction_ReprioritiseWithAnUnknownUrgency_Returns400NamingUrgencyAndChangesNothing()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        var before = await host.GetTicketJsonAsync(ticket.Id);
        var reprioritise = TicketRequests.Action("reprioritise", ticket);
        reprioritise["urgency"] = "Yesterday";

        using var response = await ActAsync(host, ticket.Id, reprioritise);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["urgency"], problem.Errors.Keys);
        Assert.Equal(["'Yesterday' is not one of 1 - High, 2 - Medium, 3 - Low."], problem.Errors["urgency"]);
        await AssertUnchangedAsync(host, ticket.Id, before);
    }

    [Fact]
    public async Task PostAction_RecategoriseIntoAnUnknownCategory_Returns400NamingCategoryAndChangesNothing()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        var before = await host.GetTicketJsonAsync(ticket.Id);
        var recategorise = TicketRequests.Action("recategorise", ticket);
        recategorise["category"] = "Plumbing";

        using var response = await ActAsync(host, ticket.Id, recategorise);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["category"], problem.Errors.Keys);
        await AssertUnchangedAsync(host, ticket.Id, before);
    }

    [Fact]
    public async Task PostAction_StaleBookmark_Returns409AndChangesNothing()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.CreateTicketAsync();
        var working = await host.ActAsync(created.Id, TicketRequests.Action("acknowledge", created));
        var before = await host.GetTicketJsonAsync(created.Id);
        var stale = TicketRequests.Action("resolve", created);
        stale["resolutionCode"] = "fixed";

        using var response = await ActAsync(host, created.Id, stale);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(
            $"Bookmark {created.Workflow.BookmarkId} of ticket TKT0000001 was already taken; it now waits at "
            + $"'working' (bookmark {working.Workflow.BookmarkId}).",
            problem.Detail);
        await AssertUnchangedAsync(host, created.Id, before);
    }

    [Theory]
    [InlineData("reopen")]
    [InlineData("close")]
    [InlineData("acknowledge")]
    public async Task PostAction_AfterClose_Returns409SayingTheTicketWaitsForNoAction(string outcome)
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        foreach (var step in new[] { "resolve", "close" })
        {
            var action = TicketRequests.Action(step, ticket);
            action["resolutionCode"] = "fixed";
            ticket = await host.ActAsync(ticket.Id, action);
        }

        var before = await host.GetTicketJsonAsync(ticket.Id);

        using var response = await ActAsync(host, ticket.Id, new JsonObject { ["outcome"] = outcome });

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Ticket TKT0000001 is not waiting for an action (workflow Completed).", problem.Detail);
        await AssertUnchangedAsync(host, ticket.Id, before);
    }

    [Fact]
    public async Task PostAction_UnknownTicket_Returns404()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await ActAsync(host, 42, new JsonObject { ["outcome"] = "acknowledge" });

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no ticket 42.", problem.Detail);
    }

    [Fact]
    public async Task PostAction_HoldReasonNotOnTheList_Returns400AndChangesNothing()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        var before = await host.GetTicketJsonAsync(ticket.Id);
        var hold = TicketRequests.Action("hold", ticket);
        hold["holdReason"] = "AwaitingGodot";

        using var response = await ActAsync(host, ticket.Id, hold);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["must be one of AwaitingCaller, AwaitingVendor, AwaitingProblem, AwaitingEvidence."],
            problem.Errors["holdReason"]);
        await AssertUnchangedAsync(host, ticket.Id, before);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("\"99\"")]
    public async Task PostAction_HoldReasonGivenAsAnUndefinedNumber_IsRefusedAndChangesNothing(string reason)
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        var before = await host.GetTicketJsonAsync(ticket.Id);
        var body = $$"""{"outcome":"hold","bookmarkId":"{{ticket.Workflow.BookmarkId}}","holdReason":{{reason}}}""";

        using var response = await host.PostAsync($"/api/tickets/{ticket.Id}/actions", body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertUnchangedAsync(host, ticket.Id, before);
    }

    /// <summary>
    /// Whichever way the requests interleave, the first to commit wins and every other one quotes a bookmark that
    /// is gone or loses the optimistic-concurrency check: 409 either way, never a server error.
    /// </summary>
    [Fact]
    public async Task PostAction_SeveralAtOnceOnTheSameBookmark_OneIsAppliedAndTheOthersGet409()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => ActAsync(host, ticket.Id, TicketRequests.Action("acknowledge", ticket))));

        var codes = responses.Select(r => r.StatusCode).ToList();
        responses.ToList().ForEach(r => r.Dispose());
        Assert.Equal(
            [HttpStatusCode.OK, .. Enumerable.Repeat(HttpStatusCode.Conflict, 7)],
            codes.Order());
        var stored = await host.GetTicketAsync(ticket.Id);
        Assert.Equal(TicketState.InProgress, stored.State);
        Assert.Equal(["created", "prioritise", "acknowledge"], stored.Journal.Select(j => j.Action));
    }

    private static Task<HttpResponseMessage> ActAsync(TestHost host, long id, JsonObject action) =>
        host.PostJsonAsync($"/api/tickets/{id}/actions", action, "desk.agent");

    /// <summary>Reads the ticket again and compares every field, the journal and the pending task.</summary>
    private static async Task AssertUnchangedAsync(TestHost host, long id, JsonNode before)
    {
        var after = await host.GetTicketJsonAsync(id);
        Assert.True(
            JsonNode.DeepEquals(before, after),
            $"before: {before.ToJsonString()}\nafter:  {after.ToJsonString()}");
    }
}
