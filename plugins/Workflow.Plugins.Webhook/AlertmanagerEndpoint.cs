using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Workflow.Sdk.Endpoints;
using Workflow.Sdk.Intake;
using Workflow.Sdk.Tickets;

namespace Workflow.Plugins.Webhook;

/// <summary>
/// Receives Alertmanager's webhook. A firing alert opens an incident; the same alert firing again (Alertmanager
/// repeats it until it resolves) adds a note to that incident; a resolved alert resolves it. With a token
/// configured (<c>AlertmanagerToken</c>), requests must carry <c>Authorization: Bearer TOKEN</c>.
/// </summary>
internal sealed class AlertmanagerEndpoint(string? token) : IInboundEndpoint
{
    public const string Actor = "alertmanager";
    public const string ResolutionCode = "Resolved by monitoring";

    public string Path => "alertmanager";

    public async Task<InboundResponse> HandleAsync(
        InboundRequest request,
        ITicketSink tickets,
        CancellationToken cancellationToken)
    {
        if (!Authorised(request))
        {
            return Error(401, "Authorization", "a valid bearer token is required.");
        }

        IReadOnlyList<Alert> alerts;
        try
        {
            alerts = AlertmanagerPayload.Read(request.Body);
        }
        catch (PayloadException ex)
        {
            return Error(400, ex.Field, ex.Message[(ex.Field.Length + 2)..]);
        }

        var outcome = new Outcome();
        foreach (var alert in alerts)
        {
            try
            {
                await HandleAsync(alert, tickets, outcome, cancellationToken);
            }
            catch (TicketRefusedException ex)
            {
                outcome.Refused.Add($"{alert.Number}: {ex.Message}");
            }
        }

        return new InboundResponse(200, JsonSerializer.Serialize(outcome, JsonSerializerOptions.Web));
    }

    private static async Task HandleAsync(
        Alert alert,
        ITicketSink tickets,
        Outcome outcome,
        CancellationToken cancellationToken)
    {
        var existing = await tickets.FindAsync(alert.Number, cancellationToken);
        if (alert.Firing && existing is null)
        {
            await tickets.OpenAsync(Incident(alert), cancellationToken);
            outcome.Opened.Add(alert.Number);
        }
        else if (alert.Firing)
        {
            var note = new TicketNote(Actor, $"The alert is still firing: {alert.Subject}");
            await tickets.AddNoteAsync(existing!.Number, note, cancellationToken);
            outcome.Repeated.Add(alert.Number);
        }
        else if (existing is { State: TicketState.New or TicketState.InProgress or TicketState.OnHold })
        {
            var comment = $"The alert resolved at {alert.EndsAt:O}.";
            await tickets.ResolveAsync(existing.Number, ResolutionCode, comment, Actor, cancellationToken);
            outcome.Resolved.Add(alert.Number);
        }
        else
        {
            outcome.Ignored.Add(alert.Number);
        }
    }

    private static IncomingTicket Incident(Alert alert)
    {
        var description = new StringBuilder();
        if (alert.Annotations.GetValueOrDefault("description") is { } text)
        {
            description.AppendLine(text).AppendLine();
        }

        foreach (var (name, value) in alert.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            description.AppendLine($"{name}: {value}");
        }

        return new IncomingTicket
        {
            Channel = IntakeChannel.MonitoringAlert,
            Kind = TicketKind.Incident,
            Subject = alert.Subject,
            Description = description.ToString().TrimEnd(),
            ReporterName = "Alertmanager",
            OccurredAt = alert.StartsAt,
            ConfigurationItem = alert.Labels.GetValueOrDefault("instance"),
            AffectedService = alert.Labels.GetValueOrDefault("service") ?? alert.Labels.GetValueOrDefault("job"),
            ExternalKey = $"alertmanager:{alert.Number}",
        };
    }

    private bool Authorised(InboundRequest request)
    {
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        var given = request.Headers.GetValueOrDefault("Authorization") ?? "";
        var expected = Encoding.UTF8.GetBytes($"Bearer {token}");
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected);
    }

    private static InboundResponse Error(int status, string field, string message) =>
        new(status, JsonSerializer.Serialize(new { errors = new Dictionary<string, string> { [field] = message } }));

    private sealed class Outcome
    {
        public List<string> Opened { get; } = [];

        public List<string> Repeated { get; } = [];

        public List<string> Resolved { get; } = [];

        public List<string> Ignored { get; } = [];

        public List<string> Refused { get; } = [];
    }
}
