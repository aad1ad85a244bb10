using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// POST /api/tickets with a ticket the validator refuses: 400 problem details whose <c>errors</c> object is keyed
/// by the refused fields, and nothing stored, so the next valid ticket still gets the first id.
/// </summary>
public sealed class TicketValidationApiTests
{
    [Fact]
    public async Task PostTicket_MissingSubjectAndReporter_Returns400NamingBoth()
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid();
        body.Remove("subject");
        body.Remove("reporter");

        var errors = await RefuseAsync(host, body);

        Assert.Equal(["reporter", "subject"], errors.Keys.Order());
        Assert.Equal(["is required."], errors["subject"]);
        Assert.Equal(["a name or a user name is required."], errors["reporter"]);
    }

    [Fact]
    public async Task PostTicket_BlankSubjectAndNamelessReporter_Returns400NamingBoth()
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid();
        body["subject"] = "   ";
        body["reporter"] = new JsonObject { ["mail"] = "someone@example.org" };

        var errors = await RefuseAsync(host, body);

        Assert.Equal(["reporter", "subject"], errors.Keys.Order());
    }

    [Fact]
    public async Task PostTicket_TimeWithoutOffset_Returns400NamingOccurredAt()
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid();
        body["occurredAt"] = "2026-03-02T09:30:00";

        var errors = await RefuseAsync(host, body);

        var message = Assert.Single(Assert.Single(errors, e => e.Key == "occurredAt").Value);
        Assert.StartsWith("'2026-03-02T09:30:00' has no UTC offset", message);
        Assert.Single(errors);
    }

    [Fact]
    public async Task PostTicket_ReportedTimeWithoutOffset_Returns400NamingReportedAt()
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid();
        body["reportedAt"] = "2026-03-02 10:00";

        var errors = await RefuseAsync(host, body);

        Assert.Equal(["reportedAt"], errors.Keys);
        Assert.StartsWith("'2026-03-02 10:00' has no UTC offset", errors["reportedAt"][0]);
    }

    [Fact]
    public async Task PostTicket_UnknownImpact_Returns400NamingImpactAndTheScale()
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid();
        body["impact"] = "Severe";

        var errors = await RefuseAsync(host, body);

        Assert.Equal(["impact"], errors.Keys);
        Assert.Equal(["'Severe' is not one of 1 - High, 2 - Medium, 3 - Low."], errors["impact"]);
    }

    [Fact]
    public async Task PostTicket_UnknownCategory_Returns400NamingCategory()
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid();
        body["category"] = "Plumbing";
        body.Remove("subcategory");

        var errors = await RefuseAsync(host, body);

        Assert.Equal(["category"], errors.Keys);
        Assert.Equal(["'Plumbing' is not in the category tree."], errors["category"]);
    }

    [Fact]
    public async Task PostTicket_SubcategoryOfAnotherCategory_Returns400NamingSubcategory()
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid();
        body["subcategory"] = "Printer";

        var errors = await RefuseAsync(host, body);

        Assert.Equal(["subcategory"], errors.Keys);
        Assert.Equal(["'Printer' is not a subcategory of 'Network'."], errors["subcategory"]);
    }

    [Fact]
    public async Task PostTicket_SeveralProblems_ReportsEveryFieldAtOnce()
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid();
        body.Remove("subject");
        body["occurredAt"] = "2026-03-02T09:30:00";
        body["impact"] = "Severe";
        body["category"] = "Plumbing";
        body["channel"] = "Fax";

        var errors = await RefuseAsync(host, body);

        Assert.Equal(["category", "channel", "impact", "occurredAt", "subject"], errors.Keys.Order());
    }

    [Fact]
    public async Task PostTicket_JsonNull_Returns400NamingTheBody()
    {
        await using var host = await TestHost.StartAsync();

        var errors = await RefuseAsync(host, null);

        Assert.Equal(["a JSON ticket is required."], Assert.Single(errors, e => e.Key == "$").Value);
    }

    [Fact]
    public async Task PostTicket_AfterRefusals_TheNextValidTicketGetsTheFirstId()
    {
        await using var host = await TestHost.StartAsync();
        var refused = TicketRequests.Valid();
        refused["impact"] = "Severe";
        await RefuseAsync(host, refused);
        refused = TicketRequests.Valid();
        refused.Remove("subject");
        await RefuseAsync(host, refused);

        var ticket = await host.CreateTicketAsync();

        Assert.Equal((1L, "TKT0000001"), (ticket.Id, ticket.Number));
        Assert.Equal((1, 1), await host.CountStoredAsync());
    }

    /// <summary>Posts the ticket, checks the 400 and that nothing was stored, and returns the errors.</summary>
    private static async Task<IDictionary<string, string[]>> RefuseAsync(TestHost host, JsonObject? body)
    {
        using var response = await host.PostJsonAsync("/api/tickets", body);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The request was refused.", problem.Title);
        Assert.Equal((0, 0), await host.CountStoredAsync());
        return problem.Errors;
    }
}
