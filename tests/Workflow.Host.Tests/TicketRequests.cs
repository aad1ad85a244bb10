using System.Text.Json.Nodes;
using Workflow.Host.Api;

namespace Workflow.Host.Tests;

/// <summary>Request bodies as a client sends them; tests change or remove single fields.</summary>
internal static class TicketRequests
{
    /// <summary>When the disruption happened, with a +01:00 offset: 08:30 UTC.</summary>
    public const string OccurredAt = "2026-03-02T09:30:00+01:00";

    public static readonly DateTimeOffset OccurredAtUtc = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    /// <summary>A complete phone report: impact Medium, urgency High, so priority High on the service desk.</summary>
    public static JsonObject Valid() => new()
    {
        ["kind"] = "incident",
        ["channel"] = "phone",
        ["reporter"] = new JsonObject
        {
            ["name"] = "Ada Lovelace",
            ["userName"] = "alovelace",
            ["mail"] = "ada@example.org",
            ["department"] = "Finance",
        },
        ["subject"] = "VPN drops every few minutes",
        ["description"] = "Since this morning the VPN client disconnects.",
        ["occurredAt"] = OccurredAt,
        ["affectedService"] = "Remote access",
        ["affectedUsers"] = 12,
        ["category"] = "Network",
        ["subcategory"] = "VPN",
        ["impact"] = "Medium",
        ["urgency"] = "High",
    };

    /// <summary>An action at the ticket's current task, quoting the bookmark the caller last saw.</summary>
    public static JsonObject Action(string outcome, TicketView seen) => new()
    {
        ["outcome"] = outcome,
        ["bookmarkId"] = seen.Workflow.BookmarkId?.ToString(),
    };
}
