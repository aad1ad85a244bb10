using NRules.Fluent.Dsl;
using Workflow.Sdk.Rules;

namespace Workflow.Plugins.Network;

/// <summary>
/// Puts an uncategorised ticket under Network from words in its subject or description. The pack's saliences
/// sit above the product's default keyword rules so its more specific words decide first.
/// </summary>
public abstract class NetworkKeywordRule(string subcategory, params string[] keywords) : Rule
{
    public override void Define()
    {
        TicketFact ticket = null!;

        When().Match(() => ticket, t => t.Category == null && keywords.Any(k => t.Mentions(k)));
        Then().Do(ctx => Categorise(ctx, ticket));
    }

    private void Categorise(NRules.RuleModel.IContext ctx, TicketFact ticket)
    {
        ticket.Category = "Network";
        ticket.Subcategory = subcategory;
        ctx.Update(ticket);
    }
}

[Name("Network: VPN"), Priority(28)]
public sealed class VpnRule() : NetworkKeywordRule(
    "VPN", "vpn", "globalprotect", "anyconnect", "forticlient", "wireguard", "ipsec", "remote access");

[Name("Network: Wi-Fi"), Priority(27)]
public sealed class WifiRule() : NetworkKeywordRule(
    "Wi-Fi", "wi-fi", "wifi", "wireless", "ssid", "access point", "eduroam", "hotspot");

[Name("Network: DNS"), Priority(27)]
public sealed class DnsRule() : NetworkKeywordRule(
    "DNS", "dns", "name resolution", "nslookup", "cannot resolve", "could not resolve");

[Name("Network: DHCP"), Priority(27)]
public sealed class DhcpRule() : NetworkKeywordRule("DHCP", "dhcp", "no ip address", "169.254.", "ip conflict");

[Name("Network: firewall"), Priority(26)]
public sealed class FirewallRule() : NetworkKeywordRule(
    "Firewall", "firewall", "port blocked", "blocked port", "connection refused", "whitelist");

[Name("Network: proxy"), Priority(26)]
public sealed class ProxyRule() : NetworkKeywordRule("Proxy", "proxy", "pac file", "web filter");

[Name("Network: LAN"), Priority(21)]
public sealed class LanRule() : NetworkKeywordRule(
    "LAN", "network", "ethernet", "lan", "switch port", "network cable", "no connectivity", "packet loss");
