using Workflow.Engine.Categories;
using Workflow.Engine.Priority;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;

namespace Workflow.Engine.Tests.Workflows;

public sealed class EditActionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("reassign", "assignmentGroup")]
    [InlineData("reprioritise", "impact")]
    [InlineData("recategorise", "category")]
    public void Resume_EditNamingNoNewValue_RefusedNamingTheField(string outcome, string field)
    {
        var (runtime, definition, instance) = Started("servicenow-base");
        var before = instance.Ticket.JournalLength;

        var ex = Assert.Throws<ValidationException>(
            () => runtime.Resume(definition, instance, new TaskAction(outcome, "agent"), Now));

        Assert.Equal(field, Assert.Single(ex.Errors).Field);
        Assert.Equal(before, instance.Ticket.JournalLength);
    }

    [Fact]
    public void Resume_ReprioritiseTicketOfAnotherScheme_KeepsTheTicketsScheme()
    {
        var (_, definition, instance) = Started("servicenow-incident");
        var other = Runtime("service-desk");

        other.Resume(definition, instance, new TaskAction("reprioritise", "agent") { Impact = "3", Urgency = "3" }, Now);

        Assert.Equal(("servicenow-incident", "4"), (instance.Ticket.PriorityScheme, instance.Ticket.Priority));
    }

    private static (WorkflowRuntime, WorkflowDefinition, WorkflowInstance) Started(string scheme)
    {
        var runtime = Runtime(scheme);
        var definition = new WorkflowDefinitionParser(ActivityCatalog.BuiltIn()).Parse(WorkflowDefinitionStore.DefaultJson());
        var details = new TicketDetails
        {
            Subject = "Slow",
            Reporter = new Reporter { Name = "Ann" },
            Impact = "2",
            Urgency = "2",
            OccurredAt = Now,
            ReportedAt = Now,
        };
        var instance = WorkflowInstance.Start(Ticket.Log(details, Now), definition.Id, 1, Now);
        runtime.Start(definition, instance, Now);
        return (runtime, definition, instance);
    }

    private static WorkflowRuntime Runtime(string scheme) =>
        new(ActivityCatalog.BuiltIn(), PrioritySchemeLoader.Resolve(scheme), CategoryTree.Default());
}
