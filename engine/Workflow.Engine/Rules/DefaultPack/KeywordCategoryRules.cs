using NRules.Fluent.Dsl;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Rules.DefaultPack;

/// <summary>
/// Categorises an uncategorised ticket from words in its subject or description. Each subclass is one entry of
/// the shipped category tree; more specific entries have a higher salience, so "VPN" wins over "network".
/// </summary>
public abstract class KeywordCategoryRule(string category, string? subcategory, params string[] keywords) : Rule
{
    public override void Define()
    {
        TicketFact ticket = null!;

        When().Match(() => ticket, t => t.Category == null && keywords.Any(k => t.Mentions(k)));
        Then().Do(ctx => Categorise(ctx, ticket));
    }

    private void Categorise(NRules.RuleModel.IContext ctx, TicketFact ticket)
    {
        ticket.Category = category;
        ticket.Subcategory = subcategory;
        ctx.Update(ticket);
    }
}

[Name("Default: VPN"), Priority(20)]
public sealed class VpnRule() : KeywordCategoryRule("Network", "VPN", "vpn", "anyconnect", "tunnel");

[Name("Default: Wi-Fi"), Priority(20)]
public sealed class WifiRule() : KeywordCategoryRule("Network", "Wi-Fi", "wifi", "wi-fi", "wireless", "hotspot");

[Name("Default: DNS"), Priority(20)]
public sealed class DnsRule() : KeywordCategoryRule("Network", "DNS", "dns", "name resolution");

[Name("Default: firewall"), Priority(20)]
public sealed class FirewallRule() : KeywordCategoryRule("Network", "Firewall", "firewall", "port blocked");

[Name("Default: network"), Priority(10)]
public sealed class NetworkRule() : KeywordCategoryRule("Network", "LAN", "network", "internet", "ethernet", "lan");

[Name("Default: password reset"), Priority(20)]
public sealed class PasswordRule() : KeywordCategoryRule("Access", "Password reset", "password", "locked out", "lockout");

[Name("Default: permissions"), Priority(15)]
public sealed class PermissionsRule() : KeywordCategoryRule("Access", "Permissions", "permission", "access denied");

[Name("Default: new account"), Priority(15)]
public sealed class AccountRule() : KeywordCategoryRule("Access", "New account", "new account", "new starter");

[Name("Default: printer"), Priority(20)]
public sealed class PrinterRule() : KeywordCategoryRule("Hardware", "Printer", "printer", "printing", "toner");

[Name("Default: laptop"), Priority(15)]
public sealed class LaptopRule() : KeywordCategoryRule("Hardware", "Laptop", "laptop", "notebook", "docking");

[Name("Default: monitor"), Priority(15)]
public sealed class MonitorRule() : KeywordCategoryRule("Hardware", "Monitor", "monitor", "screen", "display");

[Name("Default: mailbox"), Priority(15)]
public sealed class MailRule() : KeywordCategoryRule("Email", "Mailbox", "mailbox", "outlook", "email", "e-mail");

[Name("Default: installation"), Priority(10)]
public sealed class InstallRule() : KeywordCategoryRule("Software", "Installation", "install", "setup");

[Name("Default: software error"), Priority(5)]
public sealed class SoftwareErrorRule() : KeywordCategoryRule("Software", "Error", "crash", "error", "exception");

[Name("Default: shared drive"), Priority(15)]
public sealed class StorageRule() : KeywordCategoryRule("Storage", "Shared drive", "shared drive", "file share", "quota");
