using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Workflow.Plugins.Webhook;

/// <summary>One alert of an Alertmanager webhook payload (version 4), as far as intake needs it.</summary>
internal sealed record Alert(
    bool Firing,
    string Fingerprint,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary>
    /// One firing episode of one alert: Alertmanager keeps the fingerprint and the start while it repeats the
    /// alert, and gives a new start when the alert fires again after resolving.
    /// </summary>
    public string Number => $"AM-{Fingerprint}-{StartsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";

    public string Name => Labels.GetValueOrDefault("alertname") ?? "alert";

    public string Subject => Annotations.GetValueOrDefault("summary")
        ?? (Labels.GetValueOrDefault("instance") is { } instance ? $"{Name} on {instance}" : Name);
}

/// <summary>
/// Reads Alertmanager's webhook JSON. Every alert is checked before any is acted on, so a bad payload changes
/// nothing; the error names the field, as <c>alerts[2].startsAt</c>.
/// </summary>
internal static class AlertmanagerPayload
{
    public static IReadOnlyList<Alert> Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var position = (ex.BytePositionInLine ?? 0) + 1;
            throw new PayloadException("$", $"is not valid JSON at line {line}, position {position}.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("alerts", out var alerts) || alerts.ValueKind != JsonValueKind.Array)
            {
                throw new PayloadException("alerts", "is required: the list of alerts.");
            }

            return [.. alerts.EnumerateArray().Select((alert, i) => ReadAlert(alert, $"alerts[{i}]"))];
        }
    }

    private static Alert ReadAlert(JsonElement alert, string path)
    {
        if (alert.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadException(path, "is not an object.");
        }

        var status = Text(alert, "status", path);
        if (status is not ("firing" or "resolved"))
        {
            throw new PayloadException($"{path}.status", $"'{status}' is neither 'firing' nor 'resolved'.");
        }

        var labels = Map(alert, "labels", path);
        var starts = Time(alert, "startsAt", path)
            ?? throw new PayloadException($"{path}.startsAt", "is required.");
        var ends = Time(alert, "endsAt", path);
        var fingerprint = alert.TryGetProperty("fingerprint", out var f) && f.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(f.GetString())
                ? f.GetString()!
                : Fingerprint(labels);

        return new Alert(status == "firing", fingerprint, starts, ends, labels, Map(alert, "annotations", path));
    }

    private static string Text(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new PayloadException($"{path}.{name}", "is required as text.");

    /// <summary>Alertmanager writes the zero time for "not ended yet"; that is no time at all.</summary>
    private static DateTimeOffset? Time(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var styles = DateTimeStyles.AssumeUniversal;
        if (value.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, styles, out var time))
        {
            throw new PayloadException($"{path}.{name}", $"'{value}' is not an RFC 3339 time.");
        }

        return time.Year <= 1 ? null : time;
    }

    private static Dictionary<string, string> Map(JsonElement element, string name, string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadException($"{path}.{name}", "is not an object of text values.");
        }

        foreach (var property in value.EnumerateObject())
        {
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : throw new PayloadException($"{path}.{name}.{property.Name}", "is not text.");
        }

        return map;
    }

    /// <summary>Alertmanager before 0.20 sent no fingerprint; the sorted labels identify the alert as well.</summary>
    private static string Fingerprint(IReadOnlyDictionary<string, string> labels)
    {
        var sorted = labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}");
        var text = string.Join('\n', sorted);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}

/// <summary>A payload that cannot be used; the message names the field.</summary>
internal sealed class PayloadException(string field, string reason) : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;
}
