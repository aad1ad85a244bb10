using System.Text;
using Workflow.Engine.Rules;

namespace Workflow.Engine.Scripting;

/// <summary>
/// Writes the C# of a rule set: one NRules rule class per company rule. The process owner's text is placed
/// behind <c>#line</c> directives, so every diagnostic points at the line and column they wrote.
/// </summary>
internal static class RuleSource
{
    public const string Namespace = "CompanyRules";
    public const string GuardHolder = "__RuleSet";
    public const string ConditionFile = "condition";
    public const string ActionFile = "action";

    /// <summary>
    /// The start every generated file shares: the namespace, the usings the authors may rely on, and the budget
    /// holder the budget rewriter's checks call, with one guard slot per piece of the authors' code.
    /// </summary>
    public static StringBuilder Prelude(string ns, int guarded)
    {
        var code = new StringBuilder();
        code.AppendLine("#nullable enable");
        code.AppendLine($"namespace {ns};");
        code.AppendLine("using System;");
        code.AppendLine("using System.Linq;");
        code.AppendLine("using Workflow.Sdk.Rules;");
        code.AppendLine("using Workflow.Sdk.Tickets;");
        code.AppendLine($"public static class {GuardHolder}");
        code.AppendLine("{");
        code.AppendLine($"    public static readonly global::Workflow.Engine.Rules.RuleGuard Guard = new({guarded});");
        code.AppendLine("}");
        return code;
    }

    /// <summary>The rule set's code, and where in it each piece of the process owners' own text stands.</summary>
    public static (string Code, IReadOnlyList<(int Start, int End)> Company) Write(IReadOnlyList<CompanyRule> rules)
    {
        var code = Prelude(Namespace, rules.Count);
        var company = new List<(int Start, int End)>();

        for (var i = 0; i < rules.Count; i++)
        {
            WriteRule(code, company, i, rules[i]);
        }

        return (code.ToString(), company);
    }

    /// <summary>The file name a rule's condition or action is reported under.</summary>
    public static string FileOf(string part, int rule) => $"{part}:{rule}";

    private static void WriteRule(
        StringBuilder code,
        List<(int Start, int End)> company,
        int index,
        CompanyRule rule)
    {
        code.AppendLine("#line hidden");
        code.AppendLine($"[global::NRules.Fluent.Dsl.Name({Literal(rule.Name)})]");
        // The author's salience, not a rank within this set: the engine ranks every source's rules together.
        code.AppendLine($"[global::NRules.Fluent.Dsl.Priority({rule.Salience})]");
        code.AppendLine("[global::NRules.Fluent.Dsl.Repeatability(");
        code.AppendLine("    global::NRules.RuleModel.RuleRepeatability.NonRepeatable)]");
        code.AppendLine($"[global::NRules.Fluent.Dsl.Tag({Literal(RuleReads.Tag(rule.Condition))})]");
        if (TimeRules.Escalates(rule))
        {
            code.AppendLine($"[global::NRules.Fluent.Dsl.Tag({Literal(TimeRules.EscalatesTag)})]");
        }

        code.AppendLine($"public sealed class Rule{index} : global::NRules.Fluent.Dsl.Rule");
        code.AppendLine("{");
        code.AppendLine("    public override void Define()");
        code.AppendLine("    {");
        code.AppendLine("        TicketFact __fact = null!;");
        code.AppendLine("        When().Match<TicketFact>(() => __fact, ticket => Test(ticket));");
        code.AppendLine("        Then().Do(__ctx => Act(__ctx, __fact));");
        code.AppendLine("    }");
        code.AppendLine();

        // The condition is compiled code NRules calls, not an expression tree it compiles: it runs as fast as
        // hand-written code and may use everything C# allows in an expression.
        code.AppendLine("    private static bool Test(TicketFact ticket)");
        code.AppendLine("    {");
        code.AppendLine($"        return {GuardHolder}.Guard.Enter({index}) && (");
        code.AppendLine($"#line 1 \"{FileOf(ConditionFile, index)}\"");
        Company(code, company, rule.Condition);
        code.AppendLine("#line hidden");
        code.AppendLine("        );");
        code.AppendLine("    }");
        code.AppendLine();
        code.AppendLine("    private static void Act(global::NRules.RuleModel.IContext __ctx, TicketFact ticket)");
        code.AppendLine("    {");
        code.AppendLine($"        {GuardHolder}.Guard.EnterAction({index});");
        code.AppendLine("        var __before = ticket.Changes.Count;");
        code.AppendLine($"#line 1 \"{FileOf(ActionFile, index)}\"");
        Company(code, company, ActionCode(rule));
        code.AppendLine("#line hidden");
        code.AppendLine("        if (ticket.Changes.Count != __before");
        code.AppendLine("            && global::Workflow.Engine.Rules.FactWatch.Touches(ticket, __before))");
        code.AppendLine("        {");
        code.AppendLine("            __ctx.Update(ticket);");
        code.AppendLine("        }");
        code.AppendLine("    }");
        code.AppendLine("}");
    }

    private static void Company(StringBuilder code, List<(int Start, int End)> company, string text)
    {
        var start = code.Length;
        code.AppendLine(text);
        company.Add((start, start + text.Length));
    }

    /// <summary>The C# an action stands for: the author's statements, or the line a set-field action means.</summary>
    public static string ActionCode(CompanyRule rule) => rule.Action switch
    {
        RuleActionKind.Statement => rule.Value ?? "",
        RuleActionKind.SetKind => $"ticket.Kind = TicketKind.{rule.Value};",
        RuleActionKind.SetCategory => $"ticket.Category = {Literal(rule.Value)};",
        RuleActionKind.SetSubcategory => $"ticket.Subcategory = {Literal(rule.Value)};",
        RuleActionKind.SetImpact => $"ticket.Impact = {Literal(rule.Value)};",
        RuleActionKind.SetUrgency => $"ticket.Urgency = {Literal(rule.Value)};",
        RuleActionKind.OverridePriority => $"ticket.PriorityOverride = {Literal(rule.Value)};",
        RuleActionKind.SetAssignmentGroup => $"ticket.AssignmentGroup = {Literal(rule.Value)};",
        RuleActionKind.AddTag => $"ticket.AddTag({Literal(rule.Value)});",
        RuleActionKind.ProposeMajorIncident => "ticket.ProposeMajorIncident = true;",
        RuleActionKind.ProposeProblem => "ticket.ProposeProblem = true;",
        RuleActionKind.Notify => $"ticket.Notify({Literal(NoteOf(rule))});",
        RuleActionKind.RaisePriority => "ticket.RaisePriority();",
        RuleActionKind.Reassign => "ticket.ReassignToNextTier();",
        RuleActionKind.RaiseUrgency => "ticket.RaiseUrgency();",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Action, "Unknown rule action."),
    };

    private static string? NoteOf(CompanyRule rule) => string.IsNullOrWhiteSpace(rule.Value) ? null : rule.Value;

    private static string Literal(string? value) =>
        value is null ? "null" : Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
