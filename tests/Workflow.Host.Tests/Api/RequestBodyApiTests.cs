using System.Net;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// Bodies the JSON reader cannot take: malformed JSON, values of the wrong type and fields nobody knows give 400
/// problem details that say in plain words what is wrong, in which field and at which line and position
/// (counted from 1), and never name a .NET type; a body that is not JSON at all gives 415. None of them stores
/// anything.
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
            "At line 1, position 24, the body is not valid JSON: ',' is an invalid start of a property name. "
            + "Expected a '\"'.",
            problem.Detail);
        Assert.Equal(
            ["is not valid JSON: ',' is an invalid start of a property name. Expected a '\"'."],
            problem.Errors["$"]);
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
        Assert.Equal(
            "At line 3, position 24, reporter.name is not valid JSON: 'A' is an invalid start of a value.",
            problem.Detail);
        Assert.Equal(["is not valid JSON: 'A' is an invalid start of a value."], problem.Errors["reporter.name"]);
    }

    [Fact]
    public async Task PostTicket_TruncatedJson_Returns400()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.PostAsync("/api/tickets", """{"subject": "VPN""", "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "At line 1, position 17, subject is not valid JSON: expected end of string, but instead reached end "
            + "of data.",
            problem.Detail);
        Assert.Equal((0, 0), await host.CountStoredAsync());
    }

    [Fact]
    public async Task PostTicket_WrongTypeForAField_Returns400SayingWhatTheFieldTakes()
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid().ToJsonString().Replace("\"affectedUsers\":12", "\"affectedUsers\":\"many\"");

        using var response = await host.PostAsync("/api/tickets", body, "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The reader reports a value of the wrong type at the position just past it.
        var position = body.IndexOf("\"many\"", StringComparison.Ordinal) + "\"many\"".Length + 1;
        Assert.Equal(
            $"At line 1, position {position}, affectedUsers must be a whole number from -2147483648 to 2147483647.",
            problem.Detail);
        Assert.Equal(["must be a whole number from -2147483648 to 2147483647."], problem.Errors["affectedUsers"]);
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
        Assert.Equal("At line 1, position 13, outcome is not valid JSON: 'a' is an invalid start of a value.", problem.Detail);
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

    [Fact]
    public async Task PostTicket_MisspeltField_Returns400NamingItAndStoresNothing()
    {
        await using var host = await TestHost.StartAsync();
        const string body = """{"subject":"x","reporter":{"name":"A"},"prioriy":"1"}""";

        using var response = await host.PostAsync("/api/tickets", body, "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        const string message = "is not a known field; the fields here are kind, channel, reporter, subject, "
            + "description, occurredAt, reportedAt, affectedService, configurationItem, affectedUsers, category, "
            + "subcategory, impact, urgency, assignmentGroup.";
        Assert.Equal([message], problem.Errors["prioriy"]);
        Assert.Equal($"At line 1, position 50, prioriy {message}", problem.Detail);
        Assert.Equal((0, 0), await host.CountStoredAsync());
    }

    [Fact]
    public async Task PostTicket_UnknownFieldOfTheReporter_NamesItsPathAndTheReportersFields()
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid();
        body["reporter"]!["nickname"] = "Ada";

        using var response = await host.PostJsonAsync("/api/tickets", body);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["is not a known field; the fields here are name, userName, mail, phone, department, location."],
            problem.Errors["reporter.nickname"]);
    }

    [Fact]
    public async Task PostAction_MisspeltField_Returns400AndLeavesTheTicketAtTriage()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();

        using var response = await host.PostAsync(
            $"/api/tickets/{ticket.Id}/actions",
            """{"outcome": "hold", "reason": "AwaitingVendor"}""",
            "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("is not a known field; the fields here are outcome, bookmarkId, comment, holdReason,",
            Assert.Single(problem.Errors["reason"]));
        Assert.Equal("triage", (await host.GetTicketAsync(ticket.Id)).Workflow.Node);
    }

    [Theory]
    [InlineData("\"Waiting\"", 44)]
    [InlineData("2", 36)]
    public async Task PostAction_HoldReasonThatIsNoReason_ListsTheAcceptedReasons(string value, int position)
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();

        using var response = await host.PostAsync(
            $"/api/tickets/{ticket.Id}/actions",
            $$"""{"outcome": "hold", "holdReason": {{value}}}""",
            "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        const string message = "must be one of AwaitingCaller, AwaitingVendor, AwaitingProblem, AwaitingEvidence.";
        Assert.Equal([message], problem.Errors["holdReason"]);
        Assert.Equal($"At line 1, position {position}, holdReason {message}", problem.Detail);
        Assert.Equal("triage", (await host.GetTicketAsync(ticket.Id)).Workflow.Node);
    }

    [Fact]
    public async Task PostAction_BookmarkIdThatIsNoId_SaysWhatAnIdLooksLike()
    {
        await using var host = await TestHost.StartAsync();
        var ticket = await host.CreateTicketAsync();

        using var response = await host.PostAsync(
            $"/api/tickets/{ticket.Id}/actions",
            """{"outcome": "acknowledge", "bookmarkId": "the latest"}""",
            "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["must be an id such as 0f8fad5b-d9cb-469f-a165-70867728950e."],
            problem.Errors["bookmarkId"]);
    }

    [Fact]
    public async Task PostTicket_ReporterGivenAsText_SaysItMustBeAnObjectWithItsFields()
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid();
        body["reporter"] = "Ada Lovelace";

        using var response = await host.PostJsonAsync("/api/tickets", body);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["must be a JSON object with the fields name, userName, mail, phone, department, location."],
            problem.Errors["reporter"]);
    }

    [Fact]
    public async Task PostTicket_TrailingComma_SaysSoWithoutAdviceAboutReaderOptions()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.PostAsync("/api/tickets", """{"subject": "VPN down",}""", "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "At line 1, position 24, the body is not valid JSON: the JSON object contains a trailing comma at the end.",
            problem.Detail);
    }

    [Theory]
    [InlineData("""[{"subject": "VPN down"}]""")]
    [InlineData("""{"subject": 5}""")]
    [InlineData("""{"subject": "VPN down", "affectedUsers": 1.5}""")]
    [InlineData("""{"subject": "VPN down", "reporter": []}""")]
    [InlineData("""{"subject": "VPN down", "kind": true}""")]
    [InlineData("""{"subject": "VPN down", "prioriy": "1"}""")]
    public async Task PostTicket_BodyTheReaderRefuses_NeverNamesADotNetType(string body)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.PostAsync("/api/tickets", body, "application/json");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Workflow.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("`1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", text, StringComparison.Ordinal);
        Assert.Contains("\"errors\":{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostTicket_BodyThatIsAList_SaysTheBodyMustBeAnObject()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.PostAsync("/api/tickets", "[1]", "application/json");

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.StartsWith("must be a JSON object with the fields kind, channel, reporter,", problem.Errors["$"][0]);
        Assert.StartsWith("At line 1, position 2, the body must be a JSON object", problem.Detail);
    }
}
