using NRules.Fluent.Dsl;
using Workflow.Sdk.Rules;

namespace Workflow.Plugins.Network;

/// <summary>
/// A network service everybody depends on, reported as down for a whole site, is high impact: impact 1 when
/// nobody judged the impact yet, and the ticket is tagged <c>site-wide</c> either way.
/// </summary>
[Name("Network: site-wide outage"), Priority(45)]
public sealed class SiteWideOutageRule : Rule
{
    /// <summary>Services a whole site depends on.</summary>
    public static readonly string[] Services =
    [
        "dns", "dhcp", "internet", "vpn", "wi-fi", "wifi", "firewall", "proxy", "core switch", "network",
    ];

    /// <summary>Words saying that the whole site, not one person, is affected.</summary>
    public static readonly string[] WholeSite =
    [
        "everyone", "everybody", "all users", "nobody can", "no one can", "whole site", "whole office",
        "entire office", "entire site", "whole building", "entire building", "site-wide", "company-wide",
    ];

    public override void Define()
    {
        TicketFact ticket = null!;

        When().Match(() => ticket, t => !t.HasTag("site-wide")
            && Services.Any(s => t.Mentions(s))
            && WholeSite.Any(w => t.Mentions(w)));
        Then().Do(ctx => Raise(ctx, ticket));
    }

    private static void Raise(NRules.RuleModel.IContext ctx, TicketFact ticket)
    {
        ticket.AddTag("site-wide");
        ticket.Impact ??= "1";
        ctx.Update(ticket);
    }
}
