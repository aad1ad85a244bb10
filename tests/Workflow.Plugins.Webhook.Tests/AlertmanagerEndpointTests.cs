using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Sdk.Endpoints;
using Workflow.Sdk.Tickets;

namespace Workflow.Plugins.Webhook.Tests;

public sealed class AlertmanagerEndpointTests
{
    private const string Number = "AM-6f2a91c0d3b4e5f6-1772439300";

    private readonly TicketBook _book = new();
    private readonly AlertmanagerEndpoint _endpoint = new(token: null);

    [Fact]
    public async Task Handle_FiringAlert_OpensAnIncidentFromIt()
    {
        var response = await PostAsync(Alerts.Payload(Alerts.Alert("firing")));

        Assert.Equal(200, response.Status);
        var (ticket, state, _) = Assert.Single(_book.Tickets).Value;
        Assert.Equal(Number, _book.Tickets.Keys.Single());
        Assert.Equal(TicketState.New, state);
        Assert.Equal(IntakeChannel.MonitoringAlert, ticket.Channel);
        Assert.Equal("Disk almost full on db01", ticket.Subject);
        Assert.Equal("db01:9100", ticket.ConfigurationItem);
        Assert.Equal("node", ticket.AffectedService);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 15, 0, TimeSpan.Zero), ticket.OccurredAt);
        Assert.Equal(
            "/var/lib/postgresql is 97% full.\n\nalertname: DiskFull\ninstance: db01:9100\njob: node\nseverity: critical",
            ticket.Description!.ReplaceLineEndings("\n"));
        Assert.Equal(Number, Outcome(response)["opened"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Handle_SameAlertRepeated_AddsToTheIncidentInsteadOfOpeningAnother()
    {
        await PostAsync(Alerts.Payload(Alerts.Alert("firing")));

        var response = await PostAsync(Alerts.Payload(Alerts.Alert("firing")));

        var (_, _, journal) = Assert.Single(_book.Tickets).Value;
        Assert.Equal(["note by alertmanager: The alert is still firing: Disk almost full on db01"], journal);
        Assert.Equal(Number, Outcome(response)["repeated"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Handle_AlertResolves_ResolvesTheIncident()
    {
        await PostAsync(Alerts.Payload(Alerts.Alert("firing")));

        await PostAsync(Alerts.Payload(Alerts.Alert("resolved", endsAt: "2026-03-02T09:05:00Z")));

        var (_, state, journal) = Assert.Single(_book.Tickets).Value;
        Assert.Equal(TicketState.Resolved, state);
        Assert.Equal(["resolved by alertmanager (Resolved by monitoring): The alert resolved at 2026-03-02T09:05:00.0000000+00:00."], journal);
    }

    [Fact]
    public async Task Handle_AlertFiresAgainAfterResolving_OpensANewIncident()
    {
        await PostAsync(Alerts.Payload(Alerts.Alert("firing")));
        await PostAsync(Alerts.Payload(Alerts.Alert("resolved", endsAt: "2026-03-02T09:05:00Z")));

        await PostAsync(Alerts.Payload(Alerts.Alert("firing", startsAt: "2026-03-02T11:00:00Z")));

        Assert.Equal([Number, "AM-6f2a91c0d3b4e5f6-1772449200"], _book.Tickets.Keys);
    }

    [Fact]
    public async Task Handle_ResolvedAlertNeverSeen_IsIgnored()
    {
        var response = await PostAsync(Alerts.Payload(Alerts.Alert("resolved", endsAt: "2026-03-02T09:05:00Z")));

        Assert.Empty(_book.Tickets);
        Assert.Equal(Number, Outcome(response)["ignored"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Handle_GroupWithOneBadAlert_RefusesTheWholePayloadNamingTheField()
    {
        var bad = Alerts.Alert("firing", fingerprint: "aa11");
        bad["startsAt"] = "yesterday";

        var response = await PostAsync(Alerts.Payload(Alerts.Alert("firing"), bad));

        Assert.Equal(400, response.Status);
        Assert.Equal("'yesterday' is not an RFC 3339 time.", Error(response, "alerts[1].startsAt"));
        Assert.Empty(_book.Tickets);
    }

    [Fact]
    public async Task Handle_MalformedJson_IsRefusedWithTheLine()
    {
        var response = await _endpoint.HandleAsync(new InboundRequest("{\n  \"alerts\": [\n  }", new Dictionary<string, string>()), _book, default);

        Assert.Equal(400, response.Status);
        Assert.StartsWith("is not valid JSON at line 3", Error(response, "$"));
    }

    [Fact]
    public async Task Handle_TokenConfiguredButMissing_IsUnauthorised()
    {
        var guarded = new AlertmanagerEndpoint("t0ken");
        var body = Alerts.Payload(Alerts.Alert("firing")).ToJsonString();

        var without = await guarded.HandleAsync(new InboundRequest(body, new Dictionary<string, string>()), _book, default);
        var with = await guarded.HandleAsync(
            new InboundRequest(body, new Dictionary<string, string> { ["Authorization"] = "Bearer t0ken" }),
            _book,
            default);

        Assert.Equal(401, without.Status);
        Assert.Equal(200, with.Status);
        Assert.Single(_book.Tickets);
    }

    [Fact]
    public async Task Handle_AlertWithoutFingerprint_IsIdentifiedByItsLabels()
    {
        var first = Alerts.Alert("firing");
        first.Remove("fingerprint");
        var repeat = Alerts.Alert("firing");
        repeat.Remove("fingerprint");

        await PostAsync(Alerts.Payload(first));
        await PostAsync(Alerts.Payload(repeat));

        var (number, (_, _, journal)) = Assert.Single(_book.Tickets);
        Assert.Matches("^AM-[0-9a-f]{16}-1772439300$", number);
        Assert.Single(journal);
    }

    private Task<InboundResponse> PostAsync(JsonObject payload) =>
        _endpoint.HandleAsync(new InboundRequest(payload.ToJsonString(), new Dictionary<string, string>()), _book, default);

    private static JsonObject Outcome(InboundResponse response) => JsonNode.Parse(response.Json)!.AsObject();

    private static string Error(InboundResponse response, string field)
    {
        using var json = JsonDocument.Parse(response.Json);
        return json.RootElement.GetProperty("errors").GetProperty(field).GetString()!;
    }
}
