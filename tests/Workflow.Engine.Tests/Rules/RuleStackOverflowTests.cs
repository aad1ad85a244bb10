using Workflow.Engine.Rules;

namespace Workflow.Engine.Tests.Rules;

/// <summary>
/// Company code that recurses without end would overflow the stack, which .NET cannot catch: the whole process
/// would end. The guard refuses to go deeper while the stack can still unwind, so the rule faults instead.
/// </summary>
public sealed class RuleStackOverflowTests
{
    [Theory]
    [InlineData("int Depth(int n) => Depth(n + 1) + 1;\nDepth(0);")]
    [InlineData("int Depth(int n) { return Depth(n + 1) + 1; }\nDepth(0);")]
    [InlineData("void Down(int n) => Down(n + 1);\nDown(0);")]
    [InlineData("Func<int, int> depth = null!;\ndepth = n => depth(n + 1) + 1;\ndepth(0);")]
    public void Evaluate_UnboundedRecursion_ReportedAsAFaultInsteadOfEndingTheProcess(string code)
    {
        var engine = TestRules.Engine(
            TestRules.Statement("recurse", 10, "true", code),
            new CompanyRule("tag", 1, "true", RuleActionKind.AddTag, "checked"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal("recurse", Assert.Single(evaluation.Faults).Rule);
        Assert.Equal(["checked"], evaluation.Fact.Tags);
    }
}
