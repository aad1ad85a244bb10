using Workflow.Engine.Plugins;
using Workflow.Engine.Rules;
using Workflow.Engine.Rules.DefaultPack;
using Workflow.Sdk.Rules;

namespace Workflow.Plugins.Network.Tests;

public sealed class NetworkRulesTests
{
    private static readonly RuleEngine Engine = RuleEngine.Build(
        [.. DefaultRulePack.Load(), .. NetworkPlugin.Rules()],
        [],
        "default pack and network",
        enrichers: [new SiteWideServices(SiteWideServices.Default)]);

    [Theory]
    [InlineData("GlobalProtect keeps disconnecting", "", "VPN", "Network: VPN")]
    [InlineData("Cannot resolve intranet.example.com", "nslookup times out", "DNS", "Network: DNS")]
    [InlineData("Laptop only gets a 169.254.10.4 address", "", "DHCP", "Network: DHCP")]
    [InlineData("Meeting room", "The eduroam SSID is not visible", "Wi-Fi", "Network: Wi-Fi")]
    [InlineData("Supplier portal", "Connection refused on port 8443 since the change", "Firewall", "Network: firewall")]
    [InlineData("Browser asks for the PAC file", "", "Proxy", "Network: proxy")]
    [InlineData("Packet loss on floor 3", "", "LAN", "Network: LAN")]
    public void Evaluate_NetworkWords_CategoriseUnderNetwork(string subject, string description, string sub, string rule)
    {
        var fact = new TicketFact("T1") { Subject = subject, Description = description };

        var evaluation = Engine.Evaluate(fact);

        Assert.Equal("Network", fact.Category);
        Assert.Equal(sub, fact.Subcategory);
        Assert.Contains(fact.Changes, c => c.Field == "Subcategory" && c.Rule == rule);
        Assert.Empty(evaluation.Faults);
    }

    [Fact]
    public void Evaluate_SiteWideServiceDownForEveryone_RaisesImpactAndTags()
    {
        var fact = new TicketFact("T1") { Subject = "DNS is down", Description = "Nobody can reach anything, whole office" };

        Engine.Evaluate(fact);

        Assert.Equal("1", fact.Impact);
        Assert.True(fact.HasTag("site-wide"));
        Assert.Equal("DNS", fact.Subcategory);
        Assert.Contains(fact.Changes, c => c.Field == "Impact" && c.Rule == "Network: site-wide outage");
    }

    [Fact]
    public void Evaluate_SameServiceForOnePerson_LeavesImpactUnset()
    {
        var fact = new TicketFact("T1") { Subject = "DNS error on my laptop", Description = "only me" };

        Engine.Evaluate(fact);

        Assert.Null(fact.Impact);
        Assert.False(fact.HasTag("site-wide"));
    }

    [Fact]
    public void Evaluate_ImpactAlreadyJudged_KeepsItButTagsSiteWide()
    {
        var fact = new TicketFact("T1") { Subject = "Wi-Fi down for everyone on site", Impact = "3" };

        Engine.Evaluate(fact);

        Assert.Equal("3", fact.Impact);
        Assert.True(fact.HasTag("site-wide"));
    }

    [Fact]
    public void Evaluate_AffectedServiceIsASiteWideService_DefaultImpactRuleSeesItAsSiteWide()
    {
        var service = new SiteWideServices(SiteWideServices.Default).EnrichService(new ServiceFact { Name = "VPN gateway" });
        var fact = new TicketFact("T1") { Subject = "Slow logons", Service = service };

        Engine.Evaluate(fact);

        Assert.True(service.SiteWide);
        Assert.Equal("1", fact.Impact);
        Assert.Contains(fact.Changes, c => c.Field == "Impact" && c.Rule == "Default: high impact");
    }

    [Fact]
    public void EnrichService_ConfiguredList_OnlyMarksTheNamedServices()
    {
        var enricher = new SiteWideServices("Radius, Core switch");

        var radius = enricher.EnrichService(new ServiceFact { Name = " radius " });
        var dns = enricher.EnrichService(new ServiceFact { Name = "DNS" });

        Assert.True(radius.SiteWide);
        Assert.False(dns.SiteWide);
    }

    [Fact]
    public void Register_CategoryPack_AddsNetworkSubcategoriesAndEveryRule()
    {
        var contributions = new PluginContributions();
        var context = new Workflow.Sdk.Plugins.PluginContext(
            new Dictionary<string, string>(),
            TimeProvider.System,
            new InProcessJobScheduler(TimeProvider.System));

        new NetworkPlugin().Register(contributions, context);

        Assert.Equal(
            ["DHCP", "DNS", "Firewall", "LAN", "Proxy", "VPN", "Wi-Fi"],
            contributions.Categories["Network"]);
        Assert.Equal(8, contributions.Rules.Count);
        Assert.Single(contributions.Enrichers);
    }
}
