using System.Globalization;
using Workflow.Sdk.Notifications;
using Workflow.Sdk.Plugins;

namespace Workflow.Plugins.Webhook;

/// <summary>Where events go, which events, the signing secret and how long one delivery may take.</summary>
internal sealed record OutgoingSettings(
    IReadOnlyList<Uri> Urls,
    string Secret,
    IReadOnlySet<TicketEventKind> Events,
    TimeSpan Timeout)
{
    public static OutgoingSettings Read(PluginContext context)
    {
        var urls = new List<Uri>();
        const StringSplitOptions Parts = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        foreach (var text in context.Required("Urls").Split(',', Parts))
        {
            urls.Add(Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? url
                : throw new PluginSettingException("Urls", $"'{text}' is not an http or https URL."));
        }

        var events = new HashSet<TicketEventKind>();
        var eventNames = string.Join(", ", Enum.GetNames<TicketEventKind>());
        foreach (var name in context.Optional("Events", eventNames).Split(',', Parts))
        {
            events.Add(Enum.TryParse<TicketEventKind>(name, ignoreCase: true, out var kind)
                ? kind
                : throw new PluginSettingException("Events", $"'{name}' is not one of {eventNames}."));
        }

        var seconds = context.Optional("TimeoutSeconds", "10");
        if (!int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var timeout) || timeout < 1)
        {
            throw new PluginSettingException("TimeoutSeconds", $"'{seconds}' is not a whole number of at least 1.");
        }

        return new OutgoingSettings(urls, context.Required("Secret"), events, TimeSpan.FromSeconds(timeout));
    }
}
