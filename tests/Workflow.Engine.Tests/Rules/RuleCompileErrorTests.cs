using Workflow.Engine.Rules;

namespace Workflow.Engine.Tests.Rules;

public sealed class RuleCompileErrorTests
{
    private const string NoSubjekt = "'TicketFact' does not contain a definition for 'Subjekt'";

    [Fact]
    public void Compile_UnknownMemberInCondition_ReportedAtTheAuthorsPosition()
    {
        var rule = new CompanyRule("typo", 1, "ticket.Subjekt == \"x\"", RuleActionKind.AddTag, "x");

        var error = Assert.Single(TestRules.Refusals(rule));

        Assert.Equal(("typo", "condition", 1, 8), (error.Rule, error.Part, error.Line, error.Column));
        Assert.StartsWith(NoSubjekt, error.Message);
    }

    [Fact]
    public void Compile_UnknownMemberOnTheSecondLineOfACondition_ReportedAtTheAuthorsPosition()
    {
        var condition = "ticket.Subject.Length > 0\n    && ticket.Subjekt == \"x\"";
        var rule = new CompanyRule("typo", 1, condition, RuleActionKind.AddTag, "x");

        var error = Assert.Single(TestRules.Refusals(rule));

        Assert.Equal(("typo", "condition", 2, 15), (error.Rule, error.Part, error.Line, error.Column));
    }

    [Fact]
    public void Compile_UnknownMemberOnTheSecondLineOfAnAction_ReportedAtTheAuthorsPosition()
    {
        var rule = TestRules.Statement("typo", 1, "true", "ticket.AddTag(\"a\");\n  ticket.Categry = \"x\";");

        var error = Assert.Single(TestRules.Refusals(rule));

        Assert.Equal(("typo", "action", 2, 10), (error.Rule, error.Part, error.Line, error.Column));
        Assert.StartsWith("'TicketFact' does not contain a definition for 'Categry'", error.Message);
    }

    /// <summary>
    /// The condition is compiled as <c>Guard.Enter(i) &amp;&amp; (condition)</c>, so Roslyn alone would report a
    /// non-boolean condition at that generated operator, a line and an operator the author never wrote.
    /// </summary>
    [Fact]
    public void Compile_ConditionThatIsNotABoolean_ReportedAtTheAuthorsPosition()
    {
        var rule = new CompanyRule("not bool", 1, "ticket.Subject", RuleActionKind.AddTag, "x");

        var error = Assert.Single(TestRules.Refusals(rule));

        Assert.Equal(("not bool", "condition", 1, 1), (error.Rule, error.Part, error.Line, error.Column));
    }

    /// <summary>A missing parenthesis is reported on the author's line, not past the end of their text.</summary>
    [Fact]
    public void Compile_UnclosedParenthesisInCondition_ReportedOnTheAuthorsLine()
    {
        var rule = new CompanyRule("unclosed", 1, "(ticket.Subject == \"x\"", RuleActionKind.AddTag, "x");

        var error = Assert.Single(TestRules.Refusals(rule));

        Assert.Equal(("unclosed", "condition", 1), (error.Rule, error.Part, error.Line));
    }

    [Fact]
    public void Compile_MissingSemicolonInAction_ReportedAtTheEndOfTheAuthorsText()
    {
        var rule = TestRules.Statement("semicolon", 1, "true", "ticket.AddTag(\"x\")");

        var error = Assert.Single(TestRules.Refusals(rule));

        Assert.Equal(new RuleCompileError("semicolon", "action", 1, 19, "; expected"), error);
    }

    /// <summary>
    /// For a set-kind rule the author writes only the value, so the error must point into that value and not at
    /// column 26 of the generated <c>ticket.Kind = TicketKind.Problem;</c>.
    /// </summary>
    [Fact]
    public void Compile_UnknownKind_ReportedWithinTheAuthorsValue()
    {
        var rule = new CompanyRule("kind", 1, "true", RuleActionKind.SetKind, "Problem");

        var error = Assert.Single(TestRules.Refusals(rule));

        Assert.Equal(("kind", "action", 1), (error.Rule, error.Part, error.Line));
        Assert.InRange(error.Column, 1, "Problem".Length);
    }

    [Fact]
    public void Compile_ErrorInTheThirdRule_NamesThatRule()
    {
        CompanyRule[] rules =
        [
            new("first", 3, "true", RuleActionKind.AddTag, "a"),
            new("second", 2, "true", RuleActionKind.AddTag, "b"),
            new("third", 1, "ticket.Subjekt == \"x\"", RuleActionKind.AddTag, "c"),
        ];

        var error = Assert.Single(TestRules.Refusals(rules));

        Assert.Equal(("third", "condition", 1, 8), (error.Rule, error.Part, error.Line, error.Column));
    }

    [Fact]
    public void Compile_DuplicateNames_Refused()
    {
        CompanyRule[] rules =
        [
            new("twice", 1, "true", RuleActionKind.AddTag, "a"),
            new("twice", 2, "true", RuleActionKind.AddTag, "b"),
        ];

        var errors = TestRules.Refusals(rules);

        Assert.Equal(
            [new RuleCompileError("twice", "name", 1, 1, "the name is used by another rule in the set.")],
            errors);
    }

    [Fact]
    public void Compile_EmptyCondition_Refused()
    {
        var rule = new CompanyRule("empty", 1, "  ", RuleActionKind.AddTag, "a");

        var errors = TestRules.Refusals(rule);

        Assert.Equal([new RuleCompileError("empty", "condition", 1, 1, "the condition is empty.")], errors);
    }

    [Fact]
    public void Compile_RuleWithoutAName_Refused()
    {
        var rule = new CompanyRule(" ", 1, "true", RuleActionKind.AddTag, "a");

        var errors = TestRules.Refusals(rule);

        Assert.Equal([new RuleCompileError("(unnamed)", "name", 1, 1, "every rule needs a name.")], errors);
    }

    [Fact]
    public void Compile_RefusedSet_ExceptionMessageListsEveryError()
    {
        var ex = Assert.Throws<RuleCompileException>(() => TestRules.Compile(
            new CompanyRule("typo", 1, "ticket.Subjekt == \"x\"", RuleActionKind.AddTag, "x")));

        Assert.StartsWith("The rule set does not compile: typo condition (1,8): " + NoSubjekt, ex.Message);
    }
}
