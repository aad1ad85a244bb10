using NRules.Fluent;
using NRules.RuleModel;
using Workflow.Engine.Rules;
using Workflow.Engine.Scripting;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Tests.Rules;

/// <summary>Company rules, compiled sets, engines and tickets for the rule tests.</summary>
internal static class TestRules
{
    public const string Key = "INC-0042";

    public const string Version = "company test";

    public static TicketFact Ticket(string subject = "VPN drops every ten minutes") => new(Key) { Subject = subject };

    public static CompanyRule Statement(string name, int salience, string condition, string code) =>
        new(name, salience, condition, RuleActionKind.Statement, code);

    /// <summary>Compiles the rules under a name of their own, so every call is a new version.</summary>
    public static CompiledRuleSet Compile(params CompanyRule[] rules) =>
        new CompanyRuleCompiler().Compile($"test-{Guid.NewGuid():N}", rules);

    public static RuleEngine Engine(params CompanyRule[] rules) => RuleEngine.Build([], [Compile(rules)], Version);

    public static IReadOnlyList<RuleCompileError> Refusals(params CompanyRule[] rules) =>
        Assert.Throws<RuleCompileException>(() => Compile(rules)).Errors;

    /// <summary>The definitions of NRules rule classes (nested ones too), as a product pack gives them.</summary>
    public static IEnumerable<IRuleDefinition> Pack(params Type[] ruleTypes)
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.NestedTypes().From(ruleTypes));
        return repository.GetRuleSets().SelectMany(set => set.Rules);
    }
}
