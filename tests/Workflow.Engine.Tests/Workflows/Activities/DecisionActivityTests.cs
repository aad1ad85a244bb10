using Workflow.Engine.Tests.Tickets;
using Workflow.Engine.Validation;
using static Workflow.Engine.Tests.Workflows.Activities.ActivityScenario;
using static Workflow.Engine.Tests.Workflows.TestDefinitions;

namespace Workflow.Engine.Tests.Workflows.Activities;

public sealed class DecisionActivityTests
{
    private static System.Text.Json.Nodes.JsonObject Decision(string condition) =>
        Around(Node("check", "decision", Inputs(("condition", condition))), "true", "false");

    [Fact]
    public void Execute_ConditionHolds_TakesTrue()
    {
        var details = TestTickets.Details() with { AffectedUsers = 40 };

        var instance = Run(Decision("ticket.Category == \"Network\" && ticket.AffectedUsers > 10"), details);

        Assert.Equal("at-true", instance.CurrentNodeId);
    }

    [Fact]
    public void Execute_ConditionDoesNotHold_TakesFalse()
    {
        var details = TestTickets.Details() with { AffectedUsers = 3 };

        var instance = Run(Decision("ticket.AffectedUsers > 10"), details);

        Assert.Equal("at-false", instance.CurrentNodeId);
    }

    [Fact]
    public void Execute_ConditionThrows_TakesFalseAndJournalsWhy()
    {
        var instance = Run(Decision("ticket.AffectedService!.Length > 3"));

        Assert.Equal("at-false", instance.CurrentNodeId);
        var entry = Assert.Single(instance.Ticket.Journal, e => e.Action == "decision");
        Assert.Contains("condition failed and counts as false", entry.Reason);
    }

    [Fact]
    public void Execute_ConditionThatLoopsForEver_IsStoppedWithinItsBudgetAndTakesFalse()
    {
        var condition = "Enumerable.Range(0, int.MaxValue).Select(i => i * 2).Count() < 0";

        var instance = Run(Decision(condition));

        Assert.Equal("at-false", instance.CurrentNodeId);
        var entry = Assert.Single(instance.Ticket.Journal, e => e.Action == "decision");
        Assert.Contains("ran longer than", entry.Reason);
    }

    [Fact]
    public void Parse_ConditionWithUnknownMember_IsRefusedOnTheInputWithLineAndColumn()
    {
        var document = Decision("ticket.Category == \"Network\" &&\n  ticket.Subjekt == \"x\"");

        var ex = Assert.Throws<ValidationException>(() => Parser().Parse(document));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("nodes[0].inputs.condition", error.Field);
        Assert.Equal((2, 10), (error.Line, error.Column));
        Assert.Contains("Subjekt", error.Message);
    }

    [Fact]
    public void Parse_ConditionThatIsNotBoolean_IsRefused()
    {
        var ex = Assert.Throws<ValidationException>(() => Parser().Parse(Decision("ticket.Subject")));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("nodes[0].inputs.condition", error.Field);
        Assert.Contains("bool", error.Message);
    }

    [Fact]
    public void Parse_ConditionReachingForFiles_IsRefusedLikeACompanyRule()
    {
        var document = Decision("System.IO.File.Exists(\"/etc/passwd\")");

        var ex = Assert.Throws<ValidationException>(() => Parser().Parse(document));

        var error = Assert.Single(ex.Errors);
        Assert.Equal((1, 8), (error.Line, error.Column));
        Assert.Contains("cannot use files", error.Message);
    }

    [Fact]
    public void Parse_UnclosedParenthesis_IsReportedWhereItWasTyped()
    {
        var ex = Assert.Throws<ValidationException>(() => Parser().Parse(Decision("(ticket.AffectedUsers > 1")));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("nodes[0].inputs.condition", error.Field);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("line 1, column", error.Message);
    }

    [Fact]
    public void Parse_DecisionWithoutCondition_IsRefused()
    {
        var document = Around(Node("check", "decision"), "true", "false");

        var ex = Assert.Throws<ValidationException>(() => Parser().Parse(document));

        Assert.Contains(ex.Errors, e => e.Field == "nodes[0].inputs" && e.Message.Contains("'condition' is required"));
    }
}
