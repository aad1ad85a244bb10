using Workflow.Sdk.Plugins;

namespace Workflow.Plugins.Webhook;

/// <summary>
/// Outgoing webhooks: ticket events posted as signed JSON to the URLs in <c>Urls</c>, retried with back-off.
/// Incoming alerts: <c>POST /api/plugins/webhook/alertmanager</c> takes Prometheus Alertmanager's webhook
/// payload and opens, annotates and resolves incidents from it.
/// </summary>
public sealed class WebhookPlugin : IPlugin
{
    public PluginInfo Info { get; } = new(
        "Webhook",
        "1.0.0",
        "Posts signed ticket events to configured URLs and opens incidents from Alertmanager alerts.");

    public void Register(IPluginRegistry registry, PluginContext context)
    {
        if (context.Settings.ContainsKey("Urls"))
        {
            var settings = OutgoingSettings.Read(context);
            registry.AddNotifier(new WebhookNotifier(settings, context.Jobs));
            registry.AddJobHandler(new WebhookDelivery(settings.Secret, new HttpClient { Timeout = settings.Timeout }));
        }

        registry.AddEndpoint(new AlertmanagerEndpoint(context.Settings.GetValueOrDefault("AlertmanagerToken")));
    }
}
