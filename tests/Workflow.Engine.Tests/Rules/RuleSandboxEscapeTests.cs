using Workflow.Engine.Rules;

namespace Workflow.Engine.Tests.Rules;

/// <summary>Company code that would get past a looser sandbox; each test says what it would reach.</summary>
public sealed class RuleSandboxEscapeTests
{
    private const string Expression = "System.Linq.Expressions.Expression";

    /// <summary>
    /// System.Linq.Expressions is referenced and not denied, and its string-named Call and Property find methods
    /// by name at run time, which is reflection without naming a reflection type. Were it allowed, the
    /// evaluation would set the category to "exists": the rule would call System.IO.File.Exists on the path. (No
    /// <c>var</c> may hold a System.Type here: the sandbox does refuse that, on the line where it happens.)
    /// </summary>
    [Fact]
    public void Compile_MethodsFoundByNameThroughExpressionTrees_Refused()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Workflow.Engine.dll");
        var code = $"""
            var text = {Expression}.Constant("");
            var assembly = {Expression}.Property({Expression}.Constant(text.Type), "Assembly");
            var file = {Expression}.Call(assembly, "GetType", null, {Expression}.Constant("System.IO.File"));
            var exists = {Expression}.Call(file, "GetMethod", null, {Expression}.Constant("Exists"));
            var path = {Expression}.NewArrayInit(
                {Expression}.Constant(new object()).Type,
                {Expression}.Constant({Quote(path)}));
            var call = {Expression}.Call(exists, "Invoke", null, {Expression}.Constant(null), path);
            var result = {Expression}.Lambda<Func<object>>(call).Compile()();
            ticket.Category = result.ToString() == "True" ? "exists" : "missing";
            """;

        var errors = Record.Exception(() => TestRules.Compile(TestRules.Statement("escape", 1, "true", code)));

        var first = Assert.IsType<RuleCompileException>(errors).Errors[0];
        Assert.Equal(("escape", "action", 1), (first.Rule, first.Part, first.Line));
    }

    /// <summary>
    /// An action is pasted into the generated method as text, so a closing brace ends that method and what
    /// follows would become members of the generated rule class; a finalizer declared the same way with an
    /// endless loop would block the process's finalizer thread for good, outside any time budget. Each action is
    /// therefore read on its own first, as whole statements.
    /// </summary>
    [Fact]
    public void Compile_ActionClosingItsGeneratedMethod_Refused()
    {
        const string Code = """
            ticket.AddTag("inside");
            }
            private static int Outside() => 42;
            private static void Reopened(TicketFact ticket)
            {
                var __before = 0;
                var __ctx = new { Update = (Action<TicketFact>)(t => { }) };
            """;

        var errors = Record.Exception(() => TestRules.Compile(TestRules.Statement("injected", 1, "true", Code)));

        var first = Assert.IsType<RuleCompileException>(errors).Errors[0];
        Assert.Equal(("injected", "action"), (first.Rule, first.Part));
    }

    /// <summary>
    /// stackalloc needs no unsafe context with a Span, and a large one overflows the stack, which ends the whole
    /// process: <c>stackalloc byte[100000000]</c> in an action crashes the host with "Stack overflow".
    /// </summary>
    [Fact]
    public void Compile_Stackalloc_Refused()
    {
        var rule = TestRules.Statement("stack", 1, "true", "Span<byte> buffer = stackalloc byte[16];\nbuffer[0] = 1;");

        var errors = Record.Exception(() => TestRules.Compile(rule));

        var first = Assert.IsType<RuleCompileException>(errors).Errors[0];
        Assert.Equal(("stack", "action", 1), (first.Rule, first.Part, first.Line));
    }

    private static string Quote(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, true);
}
