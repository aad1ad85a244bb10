using Workflow.Engine.Categories;
using Workflow.Engine.Priority;
using Workflow.Engine.Rules;
using Workflow.Engine.Rules.DefaultPack;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;

namespace Workflow.Engine.Tests.Rules;

public sealed class DefaultPackWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly RuleRegistry Rules =
        new(DefaultRulePack.Load(), "default pack", directory: DirectoryWith("""
            {"services": [{"name": "Email", "criticality": "Critical", "siteWide": true},
                          {"name": "Payroll", "criticality": "High"}],
             "vips": ["ceo@example.org"]}
            """));

    [Theory]
    [InlineData("VPN drops every ten minutes", "Network", "VPN", "Default: VPN")]
    [InlineData("Cannot connect to the wireless in room 4", "Network", "Wi-Fi", "Default: Wi-Fi")]
    [InlineData("Locked out after a password change", "Access", "Password reset", "Default: password reset")]
    [InlineData("Printer on floor 2 jams", "Hardware", "Printer", "Default: printer")]
    public void Start_UncategorisedTicket_DefaultPackCategorisesAndTheJournalNamesTheRule(
        string subject,
        string category,
        string subcategory,
        string rule)
    {
        var (ticket, _) = Run(new TicketDetails { Subject = subject, Reporter = new Reporter { Name = "Ann" } });

        Assert.Equal((category, subcategory), (ticket.Category, ticket.Subcategory));
        var entry = Assert.Single(ticket.Journal, j => j.Action == "categorise");
        Assert.Contains($"rule '{rule}' (default pack)", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_CategoryGivenByReporter_RulesDoNotOverrideIt()
    {
        var details = new TicketDetails
        {
            Subject = "VPN drops",
            Reporter = new Reporter { Name = "Ann" },
            Category = "Hardware",
            Subcategory = "Laptop",
        };

        var (ticket, _) = Run(details);

        Assert.Equal(("Hardware", "Laptop"), (ticket.Category, ticket.Subcategory));
    }

    [Theory]
    [InlineData(80, "1")]
    [InlineData(12, "2")]
    [InlineData(1, "3")]
    public void Start_NoImpactJudged_ImpactFollowsTheAffectedUsers(int users, string impact)
    {
        var details = new TicketDetails
        {
            Subject = "Slow",
            Reporter = new Reporter { Name = "Ann" },
            AffectedUsers = users,
        };

        var (ticket, _) = Run(details);

        Assert.Equal(impact, ticket.Impact);
    }

    [Theory]
    [InlineData("Email", null, "1", "Default: high impact")]
    [InlineData(null, "email", "1", "Default: high impact")]
    [InlineData("Payroll", null, "2", "Default: medium impact")]
    [InlineData("Canteen menu", null, "3", null)]
    public void Start_ServiceInTheDirectory_ImpactFollowsItsCriticality(
        string? service,
        string? item,
        string impact,
        string? rule)
    {
        var details = new TicketDetails
        {
            Subject = "Cannot open it",
            Reporter = new Reporter { Name = "Ann" },
            AffectedService = service,
            ConfigurationItem = item,
        };

        var (ticket, _) = Run(details);

        Assert.Equal(impact, ticket.Impact);
        var entry = Assert.Single(ticket.Journal, j => j.Action == "prioritise");
        Assert.Equal(rule is not null, entry.Reason.Contains($"rule '{rule}'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ceo@example.org", "1")]
    [InlineData("CEO@Example.org", "1")]
    [InlineData("clerk@example.org", "3")]
    public void Start_ReporterOnTheVipList_UrgencyIsHigh(string mail, string urgency)
    {
        var details = new TicketDetails { Subject = "Slow laptop", Reporter = new Reporter { Name = "Ann", Mail = mail } };

        var (ticket, _) = Run(details);

        Assert.Equal(urgency, ticket.Urgency);
    }

    private static FactDirectory DirectoryWith(string json) =>
        FactDirectory.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "test directory");

    private static (Ticket Ticket, WorkflowInstance Instance) Run(TicketDetails details)
    {
        var catalog = ActivityCatalog.BuiltIn();
        var runtime = new WorkflowRuntime(
            catalog,
            PrioritySchemeLoader.Resolve("servicenow-base"),
            CategoryTree.Default(),
            Rules);
        var definition = new WorkflowDefinitionParser(catalog).Parse(WorkflowDefinitionStore.DefaultJson());
        var ticket = Ticket.Log(details with { OccurredAt = Now, ReportedAt = Now }, Now);
        var instance = WorkflowInstance.Start(ticket, definition.Id, 1, Now);

        runtime.Start(definition, instance, Now);
        return (ticket, instance);
    }
}
