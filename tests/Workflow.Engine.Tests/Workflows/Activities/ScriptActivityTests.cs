using Workflow.Engine.Tests.Tickets;
using Workflow.Engine.Validation;
using static Workflow.Engine.Tests.Workflows.Activities.ActivityScenario;
using static Workflow.Engine.Tests.Workflows.TestDefinitions;

namespace Workflow.Engine.Tests.Workflows.Activities;

public sealed class ScriptActivityTests
{
    private static System.Text.Json.Nodes.JsonObject Script(string code) =>
        Around(Node("script", "script", Inputs(("code", code))), "done");

    [Fact]
    public void Execute_StatementsChangingFields_ChangeTheTicketAndJournalTheNode()
    {
        var code = """
            if (ticket.Mentions("vpn"))
            {
                ticket.AssignmentGroup = "Network team";
                ticket.Impact = "1";
                ticket.AddTag("remote-work");
            }
            """;

        var instance = Run(Script(code));

        var ticket = instance.Ticket;
        Assert.Equal("at-done", instance.CurrentNodeId);
        Assert.Equal("Network team", ticket.AssignmentGroup);
        Assert.Equal(("1", "3", "3"), (ticket.Impact, ticket.Urgency, ticket.Priority));
        Assert.Equal(["remote-work"], ticket.Tags);
        var entry = Assert.Single(ticket.Journal, e => e.Action == "script");
        Assert.Contains(entry.Changes, c => c.Field == "AssignmentGroup" && c.New == "Network team");
    }

    [Fact]
    public void Execute_CategoryOutsideTheTree_ChangesNothingAndJournalsTheRefusal()
    {
        var code = "ticket.AssignmentGroup = \"Network team\";\nticket.Category = \"Plumbing\";";

        var instance = Run(Script(code));

        var ticket = instance.Ticket;
        Assert.Equal("at-done", instance.CurrentNodeId);
        Assert.Null(ticket.AssignmentGroup);
        Assert.Equal("Network", ticket.Category);
        var entry = Assert.Single(ticket.Journal, e => e.Action == "script");
        Assert.Contains("script failed, nothing changed", entry.Reason);
        Assert.Contains("'Plumbing' is not in the category tree", entry.Reason);
    }

    [Fact]
    public void Execute_EndlessLoop_IsStoppedAndChangesNothing()
    {
        var code = "ticket.AddTag(\"before\");\nwhile (true) { }";

        var instance = Run(Script(code));

        Assert.Empty(instance.Ticket.Tags);
        var entry = Assert.Single(instance.Ticket.Journal, e => e.Action == "script");
        Assert.Contains("ran longer than", entry.Reason);
    }

    [Fact]
    public void Parse_StatementWithTypo_IsRefusedAtTheLineAndColumnOfTheInput()
    {
        var document = Script("ticket.AddTag(\"a\");\n    ticket.AssignmentGrup = \"x\";");

        var ex = Assert.Throws<ValidationException>(() => Parser().Parse(document));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("nodes[0].inputs.code", error.Field);
        Assert.Equal((2, 12), (error.Line, error.Column));
        Assert.Contains("AssignmentGrup", error.Message);
    }

    [Fact]
    public void Parse_StrayClosingBrace_CannotCloseTheFrameAroundTheScript()
    {
        var document = Script("ticket.AddTag(\"a\");\n}\nvoid Escape() { }");

        var ex = Assert.Throws<ValidationException>(() => Parser().Parse(document));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("nodes[0].inputs.code", error.Field);
        Assert.Contains("Unexpected token", error.Message);
    }

    [Fact]
    public void Parse_ScriptUsingEnvironment_IsRefused()
    {
        var ex = Assert.Throws<ValidationException>(
            () => Parser().Parse(Script("ticket.AddTag(Environment.MachineName);")));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("nodes[0].inputs.code", error.Field);
        Assert.Contains("System.Environment", error.Message);
    }

    [Fact]
    public void Scripts_PublishedDefinition_AreCompiledOncePerVersion()
    {
        var definition = Parser().Parse(Script("ticket.AddTag(\"a\");"));

        var first = definition.Scripts;
        var second = definition.Scripts;

        Assert.Same(first, second);
        Assert.Single(definition.ScriptSources);
    }
}
