using System.Net;
using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// Problems and major incidents: created from selected tickets, linked and unlinked with a journal entry on the
/// ticket; resolving a major incident resolves its open children; a bad selection changes nothing.
/// </summary>
public sealed class ProblemApiTests
{
    [SkippableTheory, StorageProviders]
    public async Task ResolveMajorIncident_OpenChildren_AreResolvedWithItsCode(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var first = await host.CreateTicketAsync();
        var second = await host.CreateTicketAsync();
        await host.ActAsync(second.Id, TicketRequests.Action("acknowledge", second));
        var request = new JsonObject
        {
            ["subject"] = "VPN gateway down",
            ["ticketIds"] = new JsonArray(first.Id, second.Id),
        };
        var major = await host.Client.CallAsync(HttpMethod.Post, "/api/major-incidents", request, HttpStatusCode.Created);
        var majorId = major["ticket"]!["id"]!.GetValue<long>();
        var majorView = await host.GetTicketAsync(majorId);

        var resolve = TicketRequests.Action("resolve", majorView);
        resolve["resolutionCode"] = "Solved (Permanently)";
        await host.ActAsync(majorId, resolve);

        Assert.True(majorView.Links.IsMajorIncident);
        Assert.Equal([first.Id, second.Id], major["children"]!.AsArray().Select(c => c!["id"]!.GetValue<long>()));
        foreach (var child in new[] { first.Id, second.Id })
        {
            var stored = await host.GetTicketAsync(child);
            Assert.Equal(
                ("Resolved", "Solved (Permanently)", majorId),
                (stored.State.ToString(), stored.ResolutionCode, stored.Links.Parent));
            Assert.Contains(stored.Journal, j => j.Reason.EndsWith($"resolved with major incident {majorView.Number}"));
        }
    }

    [Fact]
    public async Task PostMajorIncident_UnknownAndClosedTickets_Returns400NamingEachAndStoresNothing()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        await host.ActAsync(ticket.Id, TicketRequests.Action("cancel", ticket));
        var request = new JsonObject { ["subject"] = "Outage", ["ticketIds"] = new JsonArray(ticket.Id, 42) };

        using var response = await host.Client.SendAsync(HttpMethod.Post, "/api/major-incidents", request);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([$"{ticket.Number} is Cancelled, not open."], problem.Errors["ticketIds[0]"]);
        Assert.Equal(["there is no ticket 42."], problem.Errors["ticketIds[1]"]);
        Assert.Equal((1, 1), await host.CountStoredAsync());
    }

    [Fact]
    public async Task MajorIncidentChildren_LinkThenUnlink_JournalsBothOnTheChild()
    {
        await using var host = await TestHost.StartAsync();
        var first = await host.CreateTicketAsync();
        var later = await host.CreateTicketAsync();
        var request = new JsonObject { ["subject"] = "Outage", ["ticketIds"] = new JsonArray(first.Id) };
        var major = await host.Client.CallAsync(HttpMethod.Post, "/api/major-incidents", request, HttpStatusCode.Created);
        var majorId = major["ticket"]!["id"]!.GetValue<long>();
        var child = new JsonObject { ["ticketId"] = later.Id };

        var linked = await host.Client.CallAsync(HttpMethod.Post, $"/api/major-incidents/{majorId}/children", child);
        var unlinked = await host.Client.CallAsync(HttpMethod.Delete, $"/api/major-incidents/{majorId}/children/{later.Id}");

        Assert.Equal(2, linked["children"]!.AsArray().Count);
        Assert.Single(unlinked["children"]!.AsArray());
        var journal = (await host.GetTicketAsync(later.Id)).Journal;
        Assert.Equal(["linked", "unlinked"], journal.Where(j => j.Action is "linked" or "unlinked").Select(j => j.Action));
        Assert.Null((await host.GetTicketAsync(later.Id)).Links.Parent);
    }

    [SkippableTheory, StorageProviders]
    public async Task PostProblem_SelectedTickets_LinksEachAndListsThem(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var first = await host.CreateTicketAsync();
        var second = await host.CreateTicketAsync();
        var request = new JsonObject
        {
            ["title"] = "VPN client leaks memory",
            ["ticketIds"] = new JsonArray(first.Id, second.Id),
        };

        var problem = await host.Client.CallAsync(HttpMethod.Post, "/api/problems", request, HttpStatusCode.Created);
        var number = problem["number"]!.GetValue<string>();
        var unlinked = await host.Client.CallAsync(HttpMethod.Delete, $"/api/problems/{problem["id"]}/tickets/{first.Id}");
        var resolved = await host.Client.CallAsync(HttpMethod.Post, $"/api/problems/{problem["id"]}/resolve");

        Assert.Equal("PRB0000001", number);
        Assert.Equal([first.Id, second.Id], problem["tickets"]!.AsArray().Select(t => t!["id"]!.GetValue<long>()));
        Assert.Equal([second.Id], unlinked["tickets"]!.AsArray().Select(t => t!["id"]!.GetValue<long>()));
        Assert.Equal("Resolved", resolved["state"]!.GetValue<string>());
        Assert.Null((await host.GetTicketAsync(first.Id)).Links.Problem);
        Assert.Equal(number, (await host.GetTicketAsync(second.Id)).Links.Problem);
    }

    [Fact]
    public async Task PostProblem_NoTitleAndUnknownTicket_Returns400AndStoresNoProblem()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(
            HttpMethod.Post, "/api/problems", new JsonObject { ["ticketIds"] = new JsonArray(7) });

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["is required."], problem.Errors["title"]);
        Assert.Equal(["there is no ticket 7."], problem.Errors["ticketIds[0]"]);
        Assert.Empty((await host.Client.CallAsync(HttpMethod.Get, "/api/problems")).AsArray());
    }

    [Fact]
    public async Task TicketLinks_DuplicateAndProblem_AreSetJournaledAndRemoved()
    {
        await using var host = await TestHost.StartAsync();
        var original = await host.CreateTicketAsync();
        var copy = await host.CreateTicketAsync();
        var problem = new JsonObject { ["title"] = "Leak" };
        await host.Client.CallAsync(HttpMethod.Post, "/api/problems", problem, HttpStatusCode.Created);
        var links = $"/api/tickets/{copy.Id}/links";
        var cause = new JsonObject { ["problem"] = "PRB0000001" };

        await host.Client.CallAsync(HttpMethod.Put, $"{links}/duplicate-of", new JsonObject { ["ticketId"] = original.Id });
        var linked = await host.Client.CallAsync(HttpMethod.Put, $"{links}/problem", cause);
        var removed = await host.Client.CallAsync(HttpMethod.Delete, $"{links}/duplicate-of");

        Assert.Equal(original.Id, linked["links"]!["duplicateOf"]!.GetValue<long>());
        Assert.Equal("PRB0000001", linked["links"]!["problem"]!.GetValue<string>());
        Assert.Null(removed["links"]!["duplicateOf"]);
        var reasons = (await host.GetTicketAsync(copy.Id)).Journal.Select(j => j.Reason).ToList();
        Assert.Contains($"duplicate of ticket {original.Id}", reasons);
        Assert.Contains("caused by problem PRB0000001", reasons);
        Assert.Contains("duplicate link removed", reasons);
    }

    [Fact]
    public async Task TicketLinks_UnknownTargets_Return400NamingTheFieldAndChangeNothing()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        var links = $"/api/tickets/{ticket.Id}/links";
        var original = new JsonObject { ["ticketId"] = 77 };
        var cause = new JsonObject { ["problem"] = "PRB0000009" };

        using var duplicate = await host.Client.SendAsync(HttpMethod.Put, $"{links}/duplicate-of", original);
        using var problem = await host.Client.SendAsync(HttpMethod.Put, $"{links}/problem", cause);

        Assert.Equal(["there is no ticket 77."], (await TestHost.ReadProblemAsync(duplicate)).Errors["ticketId"]);
        Assert.Equal(["there is no problem PRB0000009."], (await TestHost.ReadProblemAsync(problem)).Errors["problem"]);
        Assert.Equal(ticket.Version, (await host.GetTicketAsync(ticket.Id)).Version);
    }
}
