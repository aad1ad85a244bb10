using Workflow.Engine.Tests.Tickets;
using Workflow.Engine.Validation;
using static Workflow.Engine.Tests.Workflows.Activities.ActivityScenario;
using static Workflow.Engine.Tests.Workflows.TestDefinitions;

namespace Workflow.Engine.Tests.Workflows.Activities;

public sealed class SetFieldAndEscalateTests
{
    private static System.Text.Json.Nodes.JsonObject SetField(string field, string value) =>
        Around(Node("set", "setField", Inputs(("field", field), ("value", value))), "done");

    private static System.Text.Json.Nodes.JsonObject Escalate(string mode) =>
        Around(Node("escalate", "escalate", Inputs(("mode", mode))), "done");

    [Fact]
    public void SetField_Urgency_SetsItAndDerivesThePriority()
    {
        var details = TestTickets.Details() with { Impact = "1", Urgency = "3" };

        var instance = Run(SetField("urgency", "1"), details);

        var ticket = instance.Ticket;
        Assert.Equal(("1", "1", "1"), (ticket.Impact, ticket.Urgency, ticket.Priority));
        Assert.Contains(ticket.Journal.Single(e => e.Action == "setField").Changes, c => c.Field == "Urgency");
    }

    [Fact]
    public void SetField_Subcategory_KeepsTheCategory()
    {
        var instance = Run(SetField("subcategory", "Wi-Fi"));

        Assert.Equal(("Network", "Wi-Fi"), (instance.Ticket.Category, instance.Ticket.Subcategory));
    }

    [Fact]
    public void SetField_AssignmentGroup_AssignsTheGroup()
    {
        var instance = Run(SetField("assignmentGroup", "Second line"));

        Assert.Equal("Second line", instance.Ticket.AssignmentGroup);
    }

    [Theory]
    [InlineData("category", "Plumbing", "not in the category tree")]
    [InlineData("impact", "9", "expected one of 1, 2, 3")]
    [InlineData("kind", "complaint", "expected incident or serviceRequest")]
    [InlineData("colour", "red", "expected one of kind, category")]
    public void Parse_SetFieldWithAValueTheInstallationRefuses_IsRefusedBeforePublishing(
        string field,
        string value,
        string expected)
    {
        var ex = Assert.Throws<ValidationException>(() => Parser().Parse(SetField(field, value)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("nodes[0].inputs", error.Field);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Escalate_Both_RaisesPriorityOneLevelAndMovesToTheNextTierInOneEntry()
    {
        var details = TestTickets.Details() with { Impact = "2", Urgency = "2", AssignmentGroup = "Service desk" };
        var document = Escalate("both");
        var nodes = Nodes(document);
        nodes.Insert(0, Node("prioritise", "prioritise"));
        Links(document).Add(Link("prioritise", "done", "escalate"));
        document["start"] = "prioritise";

        var instance = Run(document, details);

        var ticket = instance.Ticket;
        Assert.Equal("2", ticket.Priority);
        Assert.Equal("Second line", ticket.AssignmentGroup);
        var entry = Assert.Single(ticket.Journal, e => e.Action == "escalate");
        Assert.Contains("priority raised to 2", entry.Reason);
        Assert.Contains("escalated to tier 'Second line'", entry.Reason);
        Assert.Contains(entry.Changes, c => c.Field == "Priority" && c.Old == "3" && c.New == "2");
    }

    [Fact]
    public void Escalate_TopTierAndNoPriority_ChangesNothingButIsJournaled()
    {
        var details = TestTickets.Details() with { AssignmentGroup = "Third line" };

        var instance = Run(Escalate("both"), details);

        var ticket = instance.Ticket;
        Assert.Equal("Third line", ticket.AssignmentGroup);
        var entry = Assert.Single(ticket.Journal, e => e.Action == "escalate");
        Assert.Empty(entry.Changes);
        Assert.Contains("'Third line' is the top support tier", entry.Reason);
        Assert.Contains("no priority to raise yet", entry.Reason);
    }

    [Fact]
    public void Parse_EscalateWithUnknownMode_IsRefused()
    {
        var ex = Assert.Throws<ValidationException>(() => Parser().Parse(Escalate("everything")));

        Assert.Contains("expected one of priority, tier, both", Assert.Single(ex.Errors).Message);
    }
}
