using System.Net;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Sdk.Tickets;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// POST /api/tickets through the real HTTP pipeline: the response code and location, the logged details, the
/// priority the service-desk matrix derives, the first task of the default workflow and the first journal
/// entries.
/// </summary>
public sealed class TicketCreationApiTests
{
    private static readonly string[] TriageActions =
        ["acknowledge", "hold", "resolve", "cancel", "reassign", "reprioritise", "recategorise"];

    [Fact]
    public async Task PostTicket_ValidTicket_Returns201WithTheLocationOfTheNewTicket()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.PostJsonAsync("/api/tickets", TicketRequests.Valid());

        var created = await TestHost.ReadViewAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, created.Id);
        Assert.Equal("/api/tickets/1", response.Headers.Location?.OriginalString);
        var atLocation = await host.GetTicketAsync(created.Id);
        Assert.Equal("TKT0000001", atLocation.Number);
    }

    [Fact]
    public async Task PostTicket_ValidTicket_ReturnsTheLoggedDetailsInStateNew()
    {
        await using var host = await TestHost.StartAsync();

        var ticket = await host.CreateTicketAsync();

        Assert.Equal(TicketState.New, ticket.State);
        Assert.Equal("TKT0000001", ticket.Number);
        Assert.Equal(TicketKind.Incident, ticket.Kind);
        Assert.Equal(IntakeChannel.Phone, ticket.Channel);
        var reporter = new Reporter
        {
            Name = "Ada Lovelace",
            UserName = "alovelace",
            Mail = "ada@example.org",
            Department = "Finance",
        };
        Assert.Equal(reporter, ticket.Reporter);
        Assert.Equal("VPN drops every few minutes", ticket.Subject);
        Assert.Equal("Since this morning the VPN client disconnects.", ticket.Description);
        Assert.Equal(TicketRequests.OccurredAtUtc, ticket.OccurredAt);
        Assert.Equal(TimeSpan.Zero, ticket.OccurredAt.Offset);
        Assert.Equal(TestHost.StartTime, ticket.ReportedAt);
        Assert.Equal("Remote access", ticket.AffectedService);
        Assert.Equal(12, ticket.AffectedUsers);
        Assert.Equal(("Network", "VPN"), (ticket.Category, ticket.Subcategory));
        Assert.Null(ticket.HoldReason);
        Assert.Null(ticket.ResolutionCode);
        Assert.Equal(TestHost.StartTime, ticket.CreatedAt);
        Assert.Equal(TestHost.StartTime, ticket.UpdatedAt);
    }

    [Theory]
    [InlineData("High", "High", "1", "1", "High")]
    [InlineData("Medium", "High", "2", "1", "High")]
    [InlineData("High", "Low", "1", "3", "Medium")]
    [InlineData("2", "2", "2", "2", "Medium")]
    [InlineData("3 - Low", "1 - High", "3", "1", "Medium")]
    [InlineData("Medium", "Low", "2", "3", "Low")]
    [InlineData("low", "medium", "3", "2", "Low")]
    public async Task PostTicket_ImpactAndUrgency_PriorityComesFromTheServiceDeskMatrix(
        string impact,
        string urgency,
        string impactCode,
        string urgencyCode,
        string priority)
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid();
        body["impact"] = impact;
        body["urgency"] = urgency;

        var ticket = await host.CreateTicketAsync(body);

        Assert.Equal("service-desk", ticket.PriorityScheme);
        Assert.Equal((impactCode, urgencyCode), (ticket.Impact, ticket.Urgency));
        Assert.Equal(priority, ticket.Priority);
    }

    [Fact]
    public async Task PostTicket_NoImpactOrUrgency_TakesTheSchemeDefaultsAndPriorityLow()
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid();
        body.Remove("impact");
        body.Remove("urgency");
        body.Remove("affectedUsers");

        // Remote access is a service of high criticality in the shipped directory, which would raise the impact.
        body.Remove("affectedService");

        var ticket = await host.CreateTicketAsync(body);

        Assert.Equal(("3", "3"), (ticket.Impact, ticket.Urgency));
        Assert.Equal("Low", ticket.Priority);
    }

    [Fact]
    public async Task PostTicket_NoImpactButTwelveUsers_DefaultRuleSetsMediumImpactAndSaysWhy()
    {
        await using var host = await TestHost.StartAsync();
        var body = TicketRequests.Valid();
        body.Remove("impact");
        body.Remove("urgency");

        var ticket = await host.CreateTicketAsync(body);

        Assert.Equal(("2", "3", "Low"), (ticket.Impact, ticket.Urgency, ticket.Priority));
        var prioritised = Assert.Single(ticket.Journal, j => j.Action == "prioritise");
        Assert.Contains("rule 'Default: medium impact' (default pack)", prioritised.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostTicket_ValidTicket_WaitsAtTriageWithItsActionsAndABookmark()
    {
        await using var host = await TestHost.StartAsync();

        var ticket = await host.CreateTicketAsync();

        var workflow = ticket.Workflow;
        Assert.Equal(("incident-default", 1), (workflow.Definition, workflow.Version));
        Assert.Equal(InstanceStatus.Suspended, workflow.Status);
        Assert.Equal("triage", workflow.Node);
        Assert.Equal(TriageActions, workflow.Actions);
        Assert.NotNull(workflow.BookmarkId);
        Assert.NotEqual(Guid.Empty, workflow.BookmarkId);
        Assert.Null(workflow.DueAt);
    }

    [Fact]
    public async Task PostTicket_ValidTicket_JournalsACreatedEntryListingEveryLoggedField()
    {
        await using var host = await TestHost.StartAsync();

        var ticket = await host.CreateTicketAsync(actor: "desk.agent");

        var created = ticket.Journal[0];
        Assert.Equal((1, "created", "desk.agent"), (created.Sequence, created.Action, created.Actor));
        Assert.Equal("logged through Phone", created.Reason);
        Assert.Equal(TestHost.StartTime, created.At);
        FieldChange[] logged =
        [
            new("Kind", null, "Incident"),
            new("Channel", null, "Phone"),
            new("State", null, "New"),
            new("Reporter.Name", null, "Ada Lovelace"),
            new("Reporter.UserName", null, "alovelace"),
            new("Reporter.Mail", null, "ada@example.org"),
            new("Reporter.Department", null, "Finance"),
            new("Subject", null, "VPN drops every few minutes"),
            new("Description", null, "Since this morning the VPN client disconnects."),
            new("OccurredAt", null, "2026-03-02T08:30:00.0000000+00:00"),
            new("ReportedAt", null, "2026-03-02T09:00:00.0000000+00:00"),
            new("AffectedService", null, "Remote access"),
            new("AffectedUsers", null, "12"),
            new("Category", null, "Network"),
            new("Subcategory", null, "VPN"),
            new("Impact", null, "2"),
            new("Urgency", null, "1"),
        ];
        Assert.Equal(logged, created.Changes);
    }

    [Fact]
    public async Task PostTicket_ValidTicket_JournalsThePriorityTheWorkflowDerived()
    {
        await using var host = await TestHost.StartAsync();

        var ticket = await host.CreateTicketAsync(actor: "desk.agent");

        Assert.Equal(2, ticket.Journal.Count);
        var prioritised = ticket.Journal[1];
        Assert.Equal((2, "prioritise", "workflow"), (prioritised.Sequence, prioritised.Action, prioritised.Actor));
        Assert.Equal("workflow incident-default v1, node 'prioritise'", prioritised.Reason);
        Assert.Equal(TestHost.StartTime, prioritised.At);
        FieldChange[] changes =
        [
            new("PriorityScheme", null, "service-desk"),
            new("Priority", null, "High"),
            new("SlaPriority", null, "High"),
            new("ResponseWarnAt", null, "2026-03-02T09:22:30.0000000+00:00"),
            new("ResponseDueAt", null, "2026-03-02T09:30:00.0000000+00:00"),
            new("ResponseStage", null, "Running"),
            new("ResolutionWarnAt", null, "2026-03-02T12:00:00.0000000+00:00"),
            new("ResolutionDueAt", null, "2026-03-02T13:00:00.0000000+00:00"),
            new("ResolutionStage", null, "Running"),
        ];
        Assert.Equal(changes, prioritised.Changes);
    }

    [Fact]
    public async Task PostTicket_NoActorHeader_JournalsTheKeysName()
    {
        await using var host = await TestHost.StartAsync();

        var ticket = await host.CreateTicketAsync();

        Assert.Equal("administrator", ticket.Journal[0].Actor);
    }

    [Fact]
    public async Task PostTicket_TwoTickets_GetConsecutiveIdsAndNumbers()
    {
        await using var host = await TestHost.StartAsync();

        var first = await host.CreateTicketAsync();
        var second = await host.CreateTicketAsync();

        Assert.Equal((1L, "TKT0000001"), (first.Id, first.Number));
        Assert.Equal((2L, "TKT0000002"), (second.Id, second.Number));
        Assert.NotEqual(first.Workflow.BookmarkId, second.Workflow.BookmarkId);
    }
}
