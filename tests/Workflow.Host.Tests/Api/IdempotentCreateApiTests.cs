using System.Net;
using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// POST /api/tickets with an Idempotency-Key: a retry returns the first ticket and stores nothing new, even when
/// the copies arrive at once; the same key with another body is 409; keys are per caller.
/// </summary>
public sealed class IdempotentCreateApiTests
{
    [SkippableTheory, StorageProviders]
    public async Task PostTicket_SameKeyTwice_ReturnsTheFirstTicketAndStoresOne(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);

        using var first = await PostAsync(host.Client, TicketRequests.Valid(), "mail-4711");
        using var retry = await PostAsync(host.Client, TicketRequests.Valid(), "mail-4711");

        var firstTicket = await first.JsonAsync(HttpStatusCode.Created);
        var second = await retry.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(firstTicket["id"]!.GetValue<long>(), second["id"]!.GetValue<long>());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((1, 1), await host.CountStoredAsync());
    }

    [SkippableTheory, StorageProviders]
    public async Task PostTicket_SameKeyEightTimesAtOnce_StoresOneTicket(string provider)
    {
        await using var host = await TestHost.StartOnAsync(provider);

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => PostAsync(host.Client, TicketRequests.Valid(), "burst")));

        var ids = new HashSet<long>();
        foreach (var response in responses)
        {
            ids.Add((await response.JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<long>());
            response.Dispose();
        }

        Assert.Single(ids);
        Assert.Equal((1, 1), await host.CountStoredAsync());
    }

    [Fact]
    public async Task PostTicket_SameKeyOtherBody_Returns409AndStoresNothingNew()
    {
        await using var host = await TestHost.StartAsync();
        (await PostAsync(host.Client, TicketRequests.Valid(), "k1")).Dispose();
        var other = TicketRequests.Valid();
        other["subject"] = "Another thing";

        using var response = await PostAsync(host.Client, other, "k1");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(
            "The Idempotency-Key 'k1' was used before for a different ticket (TKT0000001); use a new key for a new ticket.",
            problem.Detail);
        Assert.Equal((1, 1), await host.CountStoredAsync());
    }

    [Fact]
    public async Task PostTicket_SameKeyFromAnotherCaller_CreatesASecondTicket()
    {
        await using var host = await TestHost.StartAsync();
        var gateway = await host.ClientForAsync("mail-gateway", "Agent");

        using var administrators = await PostAsync(host.Client, TicketRequests.Valid(), "k1");
        using var gateways = await PostAsync(gateway, TicketRequests.Valid(), "k1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (administrators.StatusCode, gateways.StatusCode));
        Assert.Equal((2, 2), await host.CountStoredAsync());
    }

    [Fact]
    public async Task PostTicket_KeyWithSpaces_Returns400NamingTheHeader()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await PostAsync(host.Client, TicketRequests.Valid(), "a b");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["may hold only visible ASCII characters."], problem.Errors["Idempotency-Key"]);
        Assert.Equal((0, 0), await host.CountStoredAsync());
    }

    [Fact]
    public async Task PostTicket_BodyOverTheLimit_Returns413AndStoresNothing()
    {
        await using var host = await TestHost.StartAsync("--Api:MaxRequestBodyBytes=2000");
        var body = TicketRequests.Valid();
        body["description"] = new string('x', 3000);

        using var response = await host.Client.SendAsync(HttpMethod.Post, "/api/tickets", body);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, problem.Status);
        Assert.Equal((0, 0), await host.CountStoredAsync());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject body, string key) =>
        client.SendAsync(HttpMethod.Post, "/api/tickets", body, ("Idempotency-Key", key));
}
