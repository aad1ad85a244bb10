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

        var errors = ExpressionErrors(rule.Condition)
            .Select(e => new RuleCompileError(rule.Name, RuleSource.ConditionFile, e.Line, e.Column, e.Message))
            .ToList();
        if (rule.Action == RuleActionKind.Statement)
        {
            errors.AddRange(StatementErrors(rule.Value ?? "")
                .Select(e => new RuleCompileError(rule.Name, RuleSource.ActionFile, e.Line, e.Column, e.Message)));
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

    /// <summary>Syntax errors of a text that must be C# expression, at its author's line and column.</summary>
    public static IEnumerable<(int Line, int Column, string Message)> ExpressionErrors(string text) =>
        Errors(SyntaxFactory.ParseExpression(text, options: Parse), text, firstLine: 0);

    /// <summary>Syntax errors of a text that must be whole C# statements, at the author's line and column.</summary>
    public static IEnumerable<(int Line, int Column, string Message)> StatementErrors(string text) =>
        // The braces around the statements are ours; line 1 of the author's text is line 2 of what is parsed.
        Errors(SyntaxFactory.ParseStatement("{\n" + text + "\n}", options: Parse), text, firstLine: 1);

    private static IEnumerable<(int Line, int Column, string Message)> Errors(
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
                return (line, column, d.GetMessage());
            })
            .DistinctBy(e => e.line);
    }
}
