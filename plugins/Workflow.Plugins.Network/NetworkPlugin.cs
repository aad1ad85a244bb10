using NRules.Fluent;
using Workflow.Sdk.Plugins;

namespace Workflow.Plugins.Network;

/// <summary>
/// The network category pack: network, VPN, Wi-Fi, DNS, firewall and their neighbours, rules that categorise
/// from the subject and description, and high impact when a site-wide network service is down for a whole site.
/// </summary>
public sealed class NetworkPlugin : IPlugin
{
    public PluginInfo Info { get; } = new(
        "Network",
        "1.0.0",
        "Network categories, keyword rules for them, and high impact for site-wide network outages.");

    public void Register(IPluginRegistry registry, PluginContext context)
    {
        registry.AddCategory("Network", "LAN", "VPN", "Wi-Fi", "DNS", "DHCP", "Firewall", "Proxy");
        registry.AddRules(Rules());
        registry.AddEnricher(new SiteWideServices(context.Optional("SiteWideServices", SiteWideServices.Default)));
    }

    internal static IEnumerable<NRules.RuleModel.IRuleDefinition> Rules()
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(typeof(NetworkPlugin).Assembly));
        return repository.GetRuleSets().SelectMany(set => set.Rules);
    }
}
