using System.Text.Json.Nodes;

namespace Workflow.Plugins.Webhook.Tests;

/// <summary>Alertmanager webhook payloads (version 4) as Alertmanager sends them.</summary>
internal static class Alerts
{
    public const string StartsAt = "2026-03-02T08:15:00Z";

    public static JsonObject Payload(params JsonObject[] alerts) => new()
    {
        ["version"] = "4",
        ["groupKey"] = "{}:{alertname=\"DiskFull\"}",
        ["truncatedAlerts"] = 0,
        ["status"] = alerts.Any(a => (string?)a["status"] == "firing") ? "firing" : "resolved",
        ["receiver"] = "service-desk",
        ["groupLabels"] = new JsonObject { ["alertname"] = "DiskFull" },
        ["commonLabels"] = new JsonObject { ["alertname"] = "DiskFull" },
        ["commonAnnotations"] = new JsonObject(),
        ["externalURL"] = "http://alertmanager.invalid:9093",
        ["alerts"] = new JsonArray([.. alerts]),
    };

    public static JsonObject Alert(
        string status,
        string fingerprint = "6f2a91c0d3b4e5f6",
        string startsAt = StartsAt,
        string endsAt = "0001-01-01T00:00:00Z") => new()
    {
        ["status"] = status,
        ["labels"] = new JsonObject
        {
            ["alertname"] = "DiskFull",
            ["instance"] = "db01:9100",
            ["job"] = "node",
            ["severity"] = "critical",
        },
        ["annotations"] = new JsonObject
        {
            ["summary"] = "Disk almost full on db01",
            ["description"] = "/var/lib/postgresql is 97% full.",
        },
        ["startsAt"] = startsAt,
        ["endsAt"] = endsAt,
        ["generatorURL"] = "http://prometheus.invalid:9090/graph",
        ["fingerprint"] = fingerprint,
    };
}
