using System.Net;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// Bodies the JSON reader cannot take: malformed JSON and values of the wrong type give 400 problem details
/// that say where the body broke; a body that is not JSON at all gives 415. None of them stores anything.
/// </summary>
public sealed class RequestBodyApiTests
{
    [Fact]
    public async Task PostTicket_MalformedJson_Returns400WithThePositionInTheDetail()
    {
        await using var host = await TestHost.StartAsync();
        const string body = """{"subject": "VPN down",, "reporter": {"name": "Ada"}}""";

        using var response = await host.PostAsync("/api/tickets", body, "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "',' is an invalid start of a property name. Expected a '\"'. Path: $ | LineNumber: 0 | "
            + "BytePositionInLine: 23.",
            problem.Detail);
        Assert.Equal((0, 0), await host.CountStoredAsync());
    }

    [Fact]
    public async Task PostTicket_MalformedJsonOnALaterLine_NamesThatLineAndThePath()
    {
        await using var host = await TestHost.StartAsync();
        const string body = "{\n  \"subject\": \"VPN down\",\n  \"reporter\": {\"name\": Ada}\n}";

        using var response = await host.PostAsync("/api/tickets", body, "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Path: $.reporter.name | LineNumber: 2 | BytePositionInLine: 23.", problem.Detail);
    }

    [Fact]
    public async Task PostTicket_TruncatedJson_Returns400()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.PostAsync("/api/tickets", """{"subject": "VPN""", "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("LineNumber: 0 | BytePositionInLine: 16.", problem.Detail);
        Assert.Equal((0, 0), await host.CountStoredAsync());
    }

    [Fact]
    public async Task PostTicket_WrongTypeForAField_Returns400NamingThePath()
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid().ToJsonString().Replace("\"affectedUsers\":12", "\"affectedUsers\":\"many\"");

        using var response = await host.PostAsync("/api/tickets", body, "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Path: $.affectedUsers", problem.Detail);
        Assert.Equal((0, 0), await host.CountStoredAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task PostTicket_ContentTypeThatIsNotJson_Returns415(string mediaType)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.PostAsync("/api/tickets", TicketRequests.Valid().ToJsonString(), mediaType);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Unsupported Media Type", problem.Title);
        Assert.Equal((0, 0), await host.CountStoredAsync());
    }

    [Fact]
    public async Task PostAction_MalformedJson_Returns400AndLeavesTheTicketAtTriage()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();

        using var response = await host.PostAsync(
            $"/api/tickets/{ticket.Id}/actions",
            """{"outcome": acknowledge}""",
            "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Path: $.outcome | LineNumber: 0 | BytePositionInLine: 12.", problem.Detail);
        Assert.Equal("triage", (await host.GetTicketAsync(ticket.Id)).Workflow.Node);
    }

    [Fact]
    public async Task PostAction_ContentTypeThatIsNotJson_Returns415AndLeavesTheTicketAtTriage()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();

        using var response = await host.PostAsync(
            $"/api/tickets/{ticket.Id}/actions",
            """{"outcome": "acknowledge"}""",
            "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("triage", (await host.GetTicketAsync(ticket.Id)).Workflow.Node);
    }
}
