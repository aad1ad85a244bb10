using Workflow.Engine.Rules;
using Workflow.Engine.Scripting;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Tests.Rules;

public sealed class RuleSmokeTests
{
    [Fact]
    public void Evaluate_CompanyRuleMatching_SetsCategoryNamingTheRule()
    {
        var set = new CompanyRuleCompiler().Compile("t1", [
            new CompanyRule("vpn", 10, "ticket.Mentions(\"vpn\")", RuleActionKind.SetCategory, "Network"),
            new CompanyRule("loop", 5, "ticket.Tags.All(t => t.Length > 0)", RuleActionKind.Statement,
                "for (var i = 0; i < 3; i++) { ticket.AddTag(\"t\" + i); }"),
        ]);
        var engine = RuleEngine.Build([], [set], "company v1");

        var evaluation = engine.Evaluate(new TicketFact("T1") { Subject = "VPN is down" });

        Assert.Equal("Network", evaluation.Fact.Category);
        Assert.Equal(["vpn", "loop"], evaluation.Fired.Select(f => f.Name));
        Assert.Equal("vpn", evaluation.Fact.Changes[0].Rule);
        Assert.Empty(evaluation.Faults);
    }

    [Fact]
    public void Compile_FileAccess_RefusedWithLineAndColumn()
    {
        var ex = Assert.Throws<RuleCompileException>(() => new CompanyRuleCompiler().Compile("t2", [
            new CompanyRule("files", 1, "ticket.Subject.Length > 0", RuleActionKind.Statement,
                "var x = 1;\n  System.IO.File.Delete(\"x\");"),
        ]));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("files", "action", 2), (error.Rule, error.Part, error.Line));
    }

    [Fact]
    public void Evaluate_EndlessLoop_QuarantinesTheRuleAndOthersGoOn()
    {
        var set = new CompanyRuleCompiler().Compile("t3", [
            new CompanyRule("spin", 10, "true", RuleActionKind.Statement, "while (true) { }"),
            new CompanyRule("tag", 5, "true", RuleActionKind.AddTag, "ok"),
        ]);
        var engine = RuleEngine.Build([], [set], "company v1");

        var evaluation = engine.Evaluate(new TicketFact("T1"));

        Assert.Equal(["spin"], evaluation.Quarantined);
        Assert.Contains("ok", evaluation.Fact.Tags);
        Assert.Equal("spin", Assert.Single(evaluation.Faults).Rule);
    }
}
