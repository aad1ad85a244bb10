using System.Net;

namespace Workflow.Host.Tests.Api;

/// <summary>Engine settings given on the host's command line reach the API: the default zone and the scheme.</summary>
public sealed class HostSettingsApiTests
{
    [Fact]
    public async Task PostTicket_TimeWithoutOffsetAndADefaultZone_ReadsTheTimeInThatZone()
    {
        await using var host = await TestHost.StartAsync("--Engine:DefaultTimeZone=Europe/Amsterdam");
        var body = TicketRequests.Valid();
        body["occurredAt"] = "2026-03-02T09:30:00";

        var ticket = await host.CreateTicketAsync(body);

        Assert.Equal(TicketRequests.OccurredAtUtc, ticket.OccurredAt);
    }

    [Fact]
    public async Task PostTicket_ServiceNowScheme_PrioritisesWithThatMatrix()
    {
        await using var host = await TestHost.StartAsync("--Engine:PriorityScheme=servicenow-incident");

        var ticket = await host.CreateTicketAsync();

        Assert.Equal("servicenow-incident", ticket.PriorityScheme);
        Assert.Equal(("2", "1", "2"), (ticket.Impact, ticket.Urgency, ticket.Priority));
    }

    [Fact]
    public async Task PostTicket_ServiceNowScheme_RefusesAnImpactOffItsScale()
    {
        await using var host = await TestHost.StartAsync("--Engine:PriorityScheme=servicenow-incident");
        var body = TicketRequests.Valid();
        body["impact"] = "Critical";

        using var response = await host.PostJsonAsync("/api/tickets", body);

        var problem = await TestHost.ReadProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["'Critical' is not one of 1 - High, 2 - Medium, 3 - Low."], problem.Errors["impact"]);
    }
}
