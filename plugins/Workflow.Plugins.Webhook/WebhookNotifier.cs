using System.Text.Json;
using System.Text.Json.Serialization;
using Workflow.Sdk.Jobs;
using Workflow.Sdk.Notifications;

namespace Workflow.Plugins.Webhook;

/// <summary>
/// Turns a ticket event into one delivery job per URL. The body is fixed here, so every retry sends the same
/// bytes with the same delivery id and receivers can drop duplicates.
/// </summary>
internal sealed class WebhookNotifier(OutgoingSettings settings, IJobScheduler jobs) : INotifier
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Name => "webhook";

    public Task NotifyAsync(TicketEvent ticketEvent, CancellationToken cancellationToken)
    {
        if (!settings.Events.Contains(ticketEvent.Kind))
        {
            return Task.CompletedTask;
        }

        var name = EventName(ticketEvent.Kind);
        var delivery = Guid.NewGuid().ToString("N");
        var body = JsonSerializer.Serialize(
            new EventBody(delivery, name, ticketEvent.At, ticketEvent.Previous, ticketEvent.Ticket),
            Json);

        foreach (var url in settings.Urls)
        {
            var job = new DeliveryJob(url.AbsoluteUri, name, delivery, body);
            jobs.Schedule(new PluginJob(WebhookDelivery.JobKind, JsonSerializer.Serialize(job, Json)), TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public static string EventName(TicketEventKind kind) => kind switch
    {
        TicketEventKind.Created => "ticket.created",
        TicketEventKind.PriorityChanged => "ticket.priority_changed",
        TicketEventKind.SlaBreached => "ticket.sla_breached",
        _ => "ticket.resolved",
    };

    private sealed record EventBody(string Id, string Event, DateTimeOffset At, string? Previous, TicketSnapshot Ticket);
}

/// <summary>One event for one URL, as the delivery job carries it.</summary>
internal sealed record DeliveryJob(string Url, string Event, string Delivery, string Body);
