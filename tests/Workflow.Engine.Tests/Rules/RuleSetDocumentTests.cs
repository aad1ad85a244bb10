using Workflow.Engine.Rules;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Rules;

public sealed class RuleSetDocumentTests
{
    [Fact]
    public void Parse_SalienceGivenAsText_NamesTheRulesFieldAndThePosition()
    {
        const string Json = """{"id":"x","rules":[{"name":"a","salience":"high","condition":"true","action":"addTag"}]}""";

        var error = Assert.Single(Assert.Throws<ValidationException>(() => RuleSetDocument.Parse(Json)).Errors);

        Assert.Equal(new FieldError("rules[0].salience", "has a value of the wrong type (at line 1, position 49)."), error);
    }

    [Fact]
    public void Parse_BrokenJson_SaysWhereItBroke()
    {
        var error = Assert.Single(
            Assert.Throws<ValidationException>(() => RuleSetDocument.Parse("{\"id\": \"x\",\n \"rules\": [,]}")).Errors);

        Assert.Equal(new FieldError("$", "not valid JSON at line 2, position 12."), error);
    }

    [Fact]
    public void Parse_UnknownAction_ListsTheActionNames()
    {
        const string Json = """{"id":"x","rules":[{"name":"a","salience":1,"condition":"true","action":"statements"}]}""";

        var error = Assert.Single(Assert.Throws<ValidationException>(() => RuleSetDocument.Parse(Json)).Errors);

        Assert.Equal("rules[0].action", error.Field);
        Assert.EndsWith(
            "proposeProblem, statement, notify, raisePriority, reassign, raiseUrgency.",
            error.Message);
    }

    [Theory]
    [InlineData("notify")]
    [InlineData("raisePriority")]
    [InlineData("reassign")]
    [InlineData("raiseUrgency")]
    public void Parse_EscalationWithoutValue_IsAccepted(string action)
    {
        var json = $$"""{"id":"x","rules":[{"name":"a","salience":1,"condition":"true","action":"{{action}}"}]}""";

        var (_, rules) = RuleSetDocument.Parse(json);

        Assert.Equal(Names.TryParse<RuleActionKind>(action, out var kind) ? kind : default, Assert.Single(rules).Action);
        Assert.Null(rules[0].Value);
    }

    [Fact]
    public void Parse_NameLongerThanTwoHundred_RefusedNamingTheField()
    {
        var name = new string('n', 201);
        var json = $$"""{"id":"x","rules":[{"name":"{{name}}","salience":1,"condition":"true","action":"notify"}]}""";

        var error = Assert.Single(Assert.Throws<ValidationException>(() => RuleSetDocument.Parse(json)).Errors);

        Assert.Equal(new FieldError("rules[0].name", "is longer than 200 characters."), error);
    }
}
