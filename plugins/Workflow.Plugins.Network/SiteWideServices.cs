using Workflow.Sdk.Rules;

namespace Workflow.Plugins.Network;

/// <summary>
/// Marks the affected service as site-wide when its name is one of the configured network services, so the
/// product's impact rules treat it as such. The list comes from the <c>SiteWideServices</c> setting
/// (comma-separated). Immutable and thread-safe.
/// </summary>
public sealed class SiteWideServices(string names) : IFactEnricher
{
    public const string Default = "DNS, DHCP, Internet, VPN, VPN gateway, Wi-Fi, Firewall, Proxy, Core switch";

    private readonly HashSet<string> _names = names
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public ServiceFact EnrichService(ServiceFact service) =>
        service.Name is { } name && _names.Contains(name.Trim())
            ? service with { SiteWide = true, Criticality = ServiceCriticality.Critical }
            : service;
}
