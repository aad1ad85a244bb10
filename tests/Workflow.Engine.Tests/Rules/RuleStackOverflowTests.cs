using Workflow.Engine.Rules;

namespace Workflow.Engine.Tests.Rules;

/// <summary>
/// Company code that recurses without end overflows the stack, which .NET cannot catch: the test host dies and
/// every other test's result with it. The test runs only when WORKFLOW_RULES_CRASH_TESTS=1, so that the rest of
/// the suite still reports; it should pass (a fault, not a crash) once the guard bounds the stack depth, for
/// example by calling RuntimeHelpers.EnsureSufficientExecutionStack in RuleGuard.Tick.
/// </summary>
public sealed class RuleStackOverflowTests
{
    private const string OptIn = "WORKFLOW_RULES_CRASH_TESTS";

    [SkippableFact]
    public void Evaluate_UnboundedRecursion_ReportedAsAFaultInsteadOfEndingTheProcess()
    {
        Skip.IfNot(
            Environment.GetEnvironmentVariable(OptIn) == "1",
            $"Endless recursion in a rule crashes the test host today (stack overflow); set {OptIn}=1 to run it.");
        var engine = TestRules.Engine(
            TestRules.Statement("recurse", 10, "true", "int Depth(int n) => Depth(n + 1) + 1;\nDepth(0);"),
            new CompanyRule("tag", 1, "true", RuleActionKind.AddTag, "checked"));

        var evaluation = engine.Evaluate(TestRules.Ticket());

        Assert.Equal("recurse", Assert.Single(evaluation.Faults).Rule);
        Assert.Equal(["checked"], evaluation.Fact.Tags);
    }
}
