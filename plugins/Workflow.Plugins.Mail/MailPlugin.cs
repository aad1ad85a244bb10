using Workflow.Sdk.Plugins;

namespace Workflow.Plugins.Mail;

/// <summary>
/// Intake from a mail folder (.eml files or a Maildir) and notifications by SMTP. Each half is registered only
/// when configured: <c>Folder</c> turns on intake, <c>SmtpHost</c> turns on notifications.
/// </summary>
public sealed class MailPlugin : IPlugin
{
    public PluginInfo Info { get; } = new(
        "Mail",
        "1.0.0",
        "Opens tickets from mail in a folder, threads replies into them, and notifies reporters by SMTP.");

    public void Register(IPluginRegistry registry, PluginContext context)
    {
        if (context.Settings.ContainsKey("Folder"))
        {
            registry.AddIntakeChannel(new MailFolderChannel(MailFolder.Read(context)));
        }

        if (context.Settings.ContainsKey("SmtpHost"))
        {
            var smtp = SmtpSettings.Read(context);
            registry.AddNotifier(new MailNotifier(smtp, context.Jobs));
            registry.AddJobHandler(new SmtpSendHandler(smtp));
        }
    }
}
