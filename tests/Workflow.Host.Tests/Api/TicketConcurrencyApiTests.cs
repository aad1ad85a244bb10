using System.Net;
using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// Every ticket carries an ETag (its version). PATCH must send it in If-Match; a stale one is 412 and nothing
/// changes; actions, comments and links may send it and are refused the same way when it is stale.
/// </summary>
public sealed class TicketConcurrencyApiTests
{
    [SkippableTheory, StorageProviders]
    public async Task PatchTicket_CurrentETag_ChangesTheFieldsAndJournalsThem(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var ticket = await host.CreateTicketAsync();
        using var read = await host.Client.GetAsync($"/api/tickets/{ticket.Id}");
        var etag = read.Headers.ETag!.Tag;
        var edit = new JsonObject { ["subject"] = "VPN drops every hour", ["configurationItem"] = "vpn-gw-2" };

        var path = $"/api/tickets/{ticket.Id}";

        var edited = await host.Client.CallAsync(HttpMethod.Patch, path, edit, headers: ("If-Match", etag));

        Assert.Equal("VPN drops every hour", edited["subject"]!.GetValue<string>());
        Assert.Equal("vpn-gw-2", edited["configurationItem"]!.GetValue<string>());
        Assert.Equal(ticket.Version + 1, edited["version"]!.GetValue<int>());
        var entry = edited["journal"]!.AsArray()[^1]!;
        Assert.Equal(("edited", "administrator"), (entry["action"]!.GetValue<string>(), entry["actor"]!.GetValue<string>()));
        Assert.Equal(
            ["Subject: VPN drops every few minutes -> VPN drops every hour", "ConfigurationItem:  -> vpn-gw-2"],
            entry["changes"]!.AsArray().Select(c => $"{c!["field"]}: {c["old"]} -> {c["new"]}"));
    }

    [SkippableTheory, StorageProviders]
    public async Task PatchTicket_StaleETag_Returns412AndChangesNothing(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);
        var ticket = await host.CreateTicketAsync();
        var stale = $"\"{ticket.Version}\"";
        await host.ActAsync(ticket.Id, TicketRequests.Action("acknowledge", ticket));
        var before = await host.GetTicketJsonAsync(ticket.Id);

        using var response = await host.Client.SendAsync(
            HttpMethod.Patch, $"/api/tickets/{ticket.Id}", new JsonObject { ["subject"] = "Mine" }, ("If-Match", stale));

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(
            $"Ticket {ticket.Number} is at version {ticket.Version + 1}, not {ticket.Version}; "
            + "reload it and apply the change again.",
            problem.Detail);
        Assert.Equal(before.ToJsonString(), (await host.GetTicketJsonAsync(ticket.Id)).ToJsonString());
    }

    [Fact]
    public async Task PatchTicket_NoIfMatch_Returns428()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();

        using var response = await host.Client.SendAsync(
            HttpMethod.Patch, $"/api/tickets/{ticket.Id}", new JsonObject { ["subject"] = "Mine" });

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal("VPN drops every few minutes", (await host.GetTicketAsync(ticket.Id)).Subject);
    }

    [Fact]
    public async Task PatchTicket_BlankSubjectAndNegativeUsers_Returns400NamingBothAndChangesNothing()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        var edit = new JsonObject { ["subject"] = "  ", ["affectedUsers"] = -1, ["description"] = "new" };

        using var response = await host.Client.SendAsync(
            HttpMethod.Patch, $"/api/tickets/{ticket.Id}", edit, ("If-Match", $"\"{ticket.Version}\""));

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["cannot be blank."], problem.Errors["subject"]);
        Assert.Equal(["cannot be negative."], problem.Errors["affectedUsers"]);
        Assert.Equal("Since this morning the VPN client disconnects.", (await host.GetTicketAsync(ticket.Id)).Description);
    }

    [Fact]
    public async Task PatchTicket_UnknownId_Returns404()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(
            HttpMethod.Patch, "/api/tickets/99", new JsonObject { ["subject"] = "x" }, ("If-Match", "\"1\""));

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no ticket 99.", problem.Detail);
    }

    [Fact]
    public async Task PostAction_StaleIfMatch_Returns412AndLeavesTheTicketAtItsTask()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();
        using var comment = await host.Client.SendAsync(
            HttpMethod.Post,
            $"/api/tickets/{ticket.Id}/comments",
            new JsonObject { ["text"] = "looking", ["visibility"] = "workNote" });

        using var response = await host.Client.SendAsync(
            HttpMethod.Post,
            $"/api/tickets/{ticket.Id}/actions",
            TicketRequests.Action("acknowledge", ticket),
            ("If-Match", $"\"{ticket.Version}\""));

        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("triage", (await host.GetTicketAsync(ticket.Id)).Workflow.Node);
    }

    [Fact]
    public async Task GetTicket_AfterEachWrite_ETagIsTheNewVersion()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();

        using var first = await host.Client.GetAsync($"/api/tickets/{ticket.Id}");
        await host.ActAsync(ticket.Id, TicketRequests.Action("acknowledge", ticket));
        using var second = await host.Client.GetAsync($"/api/tickets/{ticket.Id}");

        Assert.Equal($"\"{ticket.Version}\"", first.Headers.ETag!.Tag);
        Assert.Equal($"\"{ticket.Version + 1}\"", second.Headers.ETag!.Tag);
    }
}
