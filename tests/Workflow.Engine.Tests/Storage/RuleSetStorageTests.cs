using Microsoft.Extensions.Time.Testing;
using Workflow.Engine.Rules;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Testing;

namespace Workflow.Engine.Tests.Storage;

public sealed class RuleSetStorageTests
{
    private const string RouteVpn = """
        {"id":"company","rules":[
          {"name":"VPN to the network team","salience":50,"condition":"ticket.Mentions(\"vpn\")",
           "action":"setAssignmentGroup","value":"Network team"}]}
        """;

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [StorageProviders]
    public async Task PublishAsync_CompanyRule_NewTicketsAreRoutedAndTheJournalNamesTheVersion(string provider)
    {
        await using var engine = await TestEngine.StartAsync(provider, new FakeTimeProvider(Start));
        await engine.Engine.RuleSets.SaveDraftAsync(RuleSetStore.CompanyId, RouteVpn, "owner", null);

        var published = await engine.Engine.RuleSets.PublishAsync(RuleSetStore.CompanyId);
        var ticket = await engine.Engine.Tickets.CreateAsync(Details("VPN drops"), "ann");

        Assert.Equal(1, published.Version);
        Assert.Equal("Network team", ticket.AssignmentGroup);
        var rules = Assert.Single(ticket.Journal, j => j.Action == "rules");
        Assert.Contains("rule set company v1 fired", rules.Reason, StringComparison.Ordinal);
        Assert.Contains("'VPN to the network team' (AssignmentGroup - -> Network team)", rules.Reason, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task PublishAsync_DraftThatDoesNotCompile_IsRefusedWithLineAndColumnAndNothingIsPublished(string provider)
    {
        await using var engine = await TestEngine.StartAsync(provider, new FakeTimeProvider(Start));
        var broken = RouteVpn.Replace("ticket.Mentions(\\\"vpn\\\")", "ticket.Mentoins(\\\"vpn\\\")", StringComparison.Ordinal);
        await engine.Engine.RuleSets.SaveDraftAsync(RuleSetStore.CompanyId, broken, "owner", null);

        var ex = await Assert.ThrowsAsync<RuleCompileException>(() => engine.Engine.RuleSets.PublishAsync(RuleSetStore.CompanyId));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("VPN to the network team", "condition", 1, 8), (error.Rule, error.Part, error.Line, error.Column));
        var versions = await engine.Engine.RuleSets.VersionsAsync(RuleSetStore.CompanyId);
        Assert.Equal(Workflow.Engine.Storage.DefinitionStatus.Draft, Assert.Single(versions).Status);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task SaveDraftAsync_StaleRevision_IsAConflict(string provider)
    {
        await using var engine = await TestEngine.StartAsync(provider, new FakeTimeProvider(Start));
        var first = await engine.Engine.RuleSets.SaveDraftAsync(RuleSetStore.CompanyId, RouteVpn, "ann", null);
        await engine.Engine.RuleSets.SaveDraftAsync(RuleSetStore.CompanyId, RouteVpn, "bob", first.Revision);

        await Assert.ThrowsAsync<WorkflowConflictException>(
            () => engine.Engine.RuleSets.SaveDraftAsync(RuleSetStore.CompanyId, RouteVpn, "ann", first.Revision));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Simulate_DraftAgainstStoredTickets_ListsEachChangeWithTheRule(string provider)
    {
        await using var engine = await TestEngine.StartAsync(provider, new FakeTimeProvider(Start));
        var vpn = await engine.Engine.Tickets.CreateAsync(Details("VPN drops"), "ann");
        await engine.Engine.Tickets.CreateAsync(Details("Printer jams"), "ann");
        var (draft, set) = engine.Engine.Rules.Trial("company draft", RuleSetDocument.Parse(RouteVpn).Rules);

        var changes = await engine.Engine.Simulator.SimulateAsync(engine.Engine.Rules.Current, draft, 100);

        var change = Assert.Single(changes);
        Assert.Equal(
            (vpn.Id, "AssignmentGroup", (string?)null, (string?)"Network team", (string?)"VPN to the network team"),
            (change.TicketId, change.Field, change.Before, change.After, change.Rule));
        set.Unload();
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task ExportAsync_PublishedVersion_RoundTripsThroughImport(string provider)
    {
        await using var engine = await TestEngine.StartAsync(provider, new FakeTimeProvider(Start));
        await engine.Engine.RuleSets.SaveDraftAsync(RuleSetStore.CompanyId, RouteVpn, "owner", null);
        await engine.Engine.RuleSets.PublishAsync(RuleSetStore.CompanyId);

        var exported = await engine.Engine.RuleSets.ExportAsync(RuleSetStore.CompanyId, 1);
        var draft = await engine.Engine.RuleSets.SaveDraftAsync(RuleSetStore.CompanyId, exported, "owner", null);

        Assert.Equal(2, draft.Version);
        Assert.Equal(RuleSetDocument.Parse(RouteVpn).Rules, RuleSetDocument.Parse(draft.Json).Rules);
    }

    private static TicketDetails Details(string subject) => new()
    {
        Subject = subject,
        Reporter = new Reporter { Name = "Ann" },
        OccurredAt = Start,
        ReportedAt = Start,
    };
}
