using System.Globalization;
using MailKit.Security;
using Workflow.Sdk.Notifications;
using Workflow.Sdk.Plugins;

namespace Workflow.Plugins.Mail;

/// <summary>The SMTP server notifications go through, and which ticket events are sent.</summary>
internal sealed record SmtpSettings(
    string Host,
    int Port,
    SecureSocketOptions Security,
    string From,
    string? User,
    string? Password,
    IReadOnlySet<TicketEventKind> Events)
{
    private static readonly string EventNames = string.Join(", ", Enum.GetNames<TicketEventKind>());

    public static SmtpSettings Read(PluginContext context)
    {
        var portText = context.Optional("SmtpPort", "25");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            throw new PluginSettingException("SmtpPort", $"'{portText}' is not a port number.");
        }

        var securityText = context.Optional("SmtpSecurity", "None");
        if (!Enum.TryParse<SecureSocketOptions>(securityText, ignoreCase: true, out var security))
        {
            throw new PluginSettingException(
                "SmtpSecurity",
                $"'{securityText}' is not one of {string.Join(", ", Enum.GetNames<SecureSocketOptions>())}.");
        }

        var events = new HashSet<TicketEventKind>();
        foreach (var name in context.Optional("Events", "Created, Resolved").Split(',', StringSplitOptions.TrimEntries))
        {
            events.Add(Enum.TryParse<TicketEventKind>(name, ignoreCase: true, out var kind)
                ? kind
                : throw new PluginSettingException("Events", $"'{name}' is not one of {EventNames}."));
        }

        return new SmtpSettings(
            context.Required("SmtpHost"),
            port,
            security,
            context.Optional("From", "service-desk@localhost"),
            context.Settings.GetValueOrDefault("SmtpUser"),
            context.Settings.GetValueOrDefault("SmtpPassword"),
            events);
    }
}
