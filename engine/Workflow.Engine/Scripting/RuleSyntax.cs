using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Workflow.Engine.Rules;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Scripting;

/// <summary>
/// Reads each rule's own text on its own before it is placed into the generated rule set: a condition must be
/// one whole expression and an action whole statements, so that a stray parenthesis or brace is reported where
/// the author wrote it and can never close a piece of the generated code around it.
/// </summary>
internal static class RuleSyntax
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    public static IEnumerable<RuleCompileError> Check(CompanyRule rule)
    {
        if (string.IsNullOrWhiteSpace(rule.Condition))
        {
            return [];
        }

        var condition = SyntaxFactory.ParseExpression(rule.Condition, options: Parse);
        var errors = Errors(rule, RuleSource.ConditionFile, condition, rule.Condition, firstLine: 0).ToList();
        if (rule.Action == RuleActionKind.Statement)
        {
            // The braces around the action are ours; line 1 of the author's text is line 2 of what is parsed.
            var action = SyntaxFactory.ParseStatement("{\n" + (rule.Value ?? "") + "\n}", options: Parse);
            errors.AddRange(Errors(rule, RuleSource.ActionFile, action, rule.Value ?? "", firstLine: 1));
        }
        else if (rule.Action == RuleActionKind.SetKind && !Enum.GetNames<TicketKind>().Contains(rule.Value))
        {
            errors.Add(new RuleCompileError(rule.Name, RuleSource.ActionFile, 1, 1,
                $"'{rule.Value}' is not a ticket kind; use {string.Join(" or ", Enum.GetNames<TicketKind>())}."));
        }

        return errors;
    }

    /// <summary>Clamps a position into the author's text: past its end means at its end.</summary>
    public static (int Line, int Column) Within(string text, int line, int column)
    {
        var lines = text.Split('\n');
        if (line > lines.Length)
        {
            return (lines.Length, lines[^1].TrimEnd('\r').Length + 1);
        }

        var length = lines[Math.Max(line, 1) - 1].TrimEnd('\r').Length;
        return (Math.Max(line, 1), Math.Clamp(column, 1, length + 1));
    }

    private static IEnumerable<RuleCompileError> Errors(
        CompanyRule rule,
        string part,
        SyntaxNode parsed,
        string text,
        int firstLine)
    {
        // One error per line: an unclosed parenthesis makes the parser complain more than once about one slip.
        return parsed.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d =>
            {
                var start = d.Location.GetLineSpan().StartLinePosition;
                var (line, column) = Within(text, start.Line + 1 - firstLine, start.Character + 1);
                return new RuleCompileError(rule.Name, part, line, column, d.GetMessage());
            })
            .DistinctBy(e => e.Line);
    }
}
