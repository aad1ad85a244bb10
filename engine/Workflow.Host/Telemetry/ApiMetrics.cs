using System.Diagnostics.Metrics;
using Workflow.Engine.Tickets;

namespace Workflow.Host.Telemetry;

/// <summary>
/// The host's own instruments, published through OpenTelemetry under the meter <see cref="MeterName"/>:
/// tickets created, by kind and priority.
/// </summary>
internal sealed class ApiMetrics
{
    public const string MeterName = "Workflow.Host";

    private readonly Counter<long> _created;

    public ApiMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _created = meter.CreateCounter<long>("workflow.tickets.created", "{ticket}", "Tickets logged through the API.");
    }

    public void TicketCreated(Ticket ticket) =>
        _created.Add(
            1,
            new KeyValuePair<string, object?>("kind", ticket.Kind.ToString()),
            new KeyValuePair<string, object?>("priority", ticket.Priority ?? "none"));
}
