using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// The <c>X-Actor</c> header names who acts: a name that is too long, not UTF-8 or one of the engine's own
/// (<c>workflow</c>, <c>system</c>) is refused with 400 naming the header and nothing stored; a name outside ASCII
/// is journaled as it was sent.
/// </summary>
public sealed class ActorHeaderApiTests
{
    [Fact]
    public async Task PostTicket_ActorOverOneHundredCharacters_Returns400NamingTheHeader()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.PostJsonAsync("/api/tickets", TicketRequests.Valid(), new string('a', 101));

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["is 101 characters long; at most 100 are allowed."], problem.Errors["X-Actor"]);
        Assert.Equal((0, 0), await host.CountStoredAsync());
    }

    [Fact]
    public async Task PostTicket_ActorOfOneHundredCharacters_IsJournaledInFull()
    {
        await using var host = await TestHost.StartAsync();
        var actor = new string('a', 100);

        var ticket = await host.CreateTicketAsync(actor: actor);

        Assert.Equal(actor, ticket.Journal[0].Actor);
    }

    [Theory]
    [InlineData("workflow")]
    [InlineData("system")]
    [InlineData("Workflow")]
    public async Task PostTicket_ActorTheEngineJournalsAs_Returns400NamingTheHeader(string actor)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.PostJsonAsync("/api/tickets", TicketRequests.Valid(), actor);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([$"'{actor}' is reserved for the engine's own journal entries."], problem.Errors["X-Actor"]);
        Assert.Equal((0, 0), await host.CountStoredAsync());
    }

    [Fact]
    public async Task PostAction_ActorTheEngineJournalsAs_Returns400AndLeavesTheTicketAtTriage()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();

        using var response = await host.PostJsonAsync(
            $"/api/tickets/{ticket.Id}/actions",
            TicketRequests.Action("acknowledge", ticket),
            "system");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["'system' is reserved for the engine's own journal entries."], problem.Errors["X-Actor"]);
        Assert.Equal("triage", (await host.GetTicketAsync(ticket.Id)).Workflow.Node);
    }

    [Fact]
    public async Task PostTicket_ActorOutsideAsciiInUtf8_IsJournaledAsSent()
    {
        await using var host = await TestHost.StartAsync();

        var (status, _) = await SendRawAsync(host, Encoding.UTF8.GetBytes("X-Actor: Zoë Ångström\r\n"));

        Assert.Equal(StatusCodes.Status201Created, status);
        Assert.Equal("Zoë Ångström", (await host.GetTicketAsync(1)).Journal[0].Actor);
    }

    [Fact]
    public async Task PostTicket_ActorInLatin1_Returns400SayingItIsNotUtf8()
    {
        await using var host = await TestHost.StartAsync();

        var (status, body) = await SendRawAsync(host, Encoding.Latin1.GetBytes("X-Actor: Zoë\r\n"));

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal("is not valid UTF-8.", body.GetProperty("errors").GetProperty("X-Actor")[0].GetString());
        Assert.Equal((0, 0), await host.CountStoredAsync());
    }

    [Fact]
    public async Task PostTicket_TwoActorHeaders_Returns400AskingForOne()
    {
        await using var host = await TestHost.StartAsync();

        var (status, body) = await SendRawAsync(host, "X-Actor: ann\r\nX-Actor: bob\r\n"u8.ToArray());

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal(
            "is given 2 times; name one actor.",
            body.GetProperty("errors").GetProperty("X-Actor")[0].GetString());
    }

    /// <summary>
    /// Posts a valid ticket over a bare socket with the header lines exactly as given, since an HTTP client
    /// encodes (and checks) header values itself. HTTP/1.0 makes the server close after one response.
    /// </summary>
    private static async Task<(int Status, JsonElement Body)> SendRawAsync(TestHost host, byte[] headerLines)
    {
        var content = Encoding.UTF8.GetBytes(TicketRequests.Valid().ToJsonString());
        using var request = new MemoryStream();
        request.Write(Encoding.ASCII.GetBytes(
            $"POST /api/tickets HTTP/1.0\r\nHost: {host.Address.Authority}\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {content.Length}\r\nAuthorization: Bearer {host.AdministratorKey}\r\n"));
        request.Write(headerLines);
        request.Write("\r\n"u8);
        request.Write(content);

        using var client = new TcpClient();
        await client.ConnectAsync(host.Address.Host, host.Address.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(request.ToArray());
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();

        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        using var json = JsonDocument.Parse(body);
        return (status, json.RootElement.Clone());
    }
}
