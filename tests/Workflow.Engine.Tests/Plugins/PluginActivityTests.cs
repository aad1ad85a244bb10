using System.Text.Json;
using Workflow.Engine.Categories;
using Workflow.Engine.Plugins;
using Workflow.Engine.Priority;
using Workflow.Engine.Tests.Tickets;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Activities;

namespace Workflow.Engine.Tests.Plugins;

public sealed class PluginActivityTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Descriptor_PluginDescription_IsWhatTheDesignerShows()
    {
        var activity = new PluginActivity(new CheckSite());

        Assert.Equal(
            new InputDescriptor("sites", "list", "Sites that count as critical", Required: true),
            Assert.Single(activity.Descriptor.Inputs));
        Assert.Equal(
            ("checkSite", "Check site", "prioritisation"),
            (activity.Type, activity.Descriptor.DisplayName, activity.Descriptor.Stage));
        Assert.Equal(["critical", "other"], activity.Descriptor.Outcomes);
    }

    [Fact]
    public void Validate_RequiredInputMissing_NamesIt()
    {
        var activity = new PluginActivity(new CheckSite());

        var problems = activity.Validate(Node("{}"));

        Assert.Equal(["input 'sites' is required."], problems);
    }

    [Fact]
    public void Execute_ListInput_ReachesThePluginAndItsNoteTheJournalReasons()
    {
        var context = Context("""{ "sites": ["Leeds", "Anytown"] }""");

        var result = new PluginActivity(new CheckSite()).Execute(context);

        Assert.Equal("critical", result.Outcome);
        Assert.Equal(["Anytown is critical"], context.Reasons);
    }

    [Fact]
    public void Execute_PluginRefusesAnInput_IsAValidationErrorNamingNodeAndInput()
    {
        var context = Context("""{ "sites": "" }""");

        var error = Assert.Throws<ValidationException>(() => new PluginActivity(new CheckSite()).Execute(context));

        Assert.Equal("check.sites", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void Execute_PluginAnswersAnUndeclaredOutcome_IsAWorkflowError()
    {
        var context = Context("""{ "sites": ["Nowhere"] }""");

        var error = Assert.Throws<WorkflowException>(() => new PluginActivity(new CheckSite()).Execute(context));

        Assert.Equal("Activity 'checkSite' ended with 'maybe', which is not one of its outcomes.", error.Message);
    }

    private static NodeDefinition Node(string inputs) => new(
        "check",
        "checkSite",
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(inputs)!,
        null);

    private static ActivityContext Context(string inputs) => new()
    {
        Ticket = TestTickets.Logged(),
        Node = Node(inputs),
        PriorityScheme = PrioritySchemeLoader.Resolve("service-desk"),
        Categories = CategoryTree.Default(),
        Now = Now,
        Step = new StepScope(),
    };

    /// <summary>Names the last listed site critical; a list holding "Nowhere" gets an undeclared outcome.</summary>
    private sealed class CheckSite : IWorkflowActivity
    {
        public ActivityDescription Description { get; } = new(
            "checkSite",
            "Check site",
            "prioritisation",
            "Sends tickets from critical sites one way and the rest another.",
            [new("sites", InputKind.List, "Sites that count as critical", Required: true)],
            ["critical", "other"]);

        public ActivityOutcome Execute(ActivityInvocation invocation)
        {
            var sites = invocation.Inputs["sites"];
            if (string.IsNullOrWhiteSpace(sites))
            {
                throw new ActivityInputException("sites", "names no site.");
            }

            if (sites.Contains("Nowhere", StringComparison.Ordinal))
            {
                return new ActivityOutcome("maybe");
            }

            var site = sites.Split('\n').Last();
            return new ActivityOutcome("critical", $"{site} is critical");
        }
    }
}
