using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Workflow.Engine.Scripting;

/// <summary>
/// Puts a budget check into every loop and lambda of company code, so a condition or action that would run
/// forever is stopped by <see cref="Rules.RuleGuard"/> instead. Runs after the code compiled cleanly, so the
/// positions reported to the process owner come from their own text.
/// </summary>
internal sealed class BudgetRewriter(SemanticModel model, IReadOnlyList<(int Start, int End)> company)
    : CSharpSyntaxRewriter
{
    private readonly CompanySpans _spans = new(company);

    private static readonly StatementSyntax Tick =
        SyntaxFactory.ParseStatement($"{RuleSource.GuardHolder}.Guard.Tick();");

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return Owned(node) ? visited.WithStatement(Guarded(visited.Statement)) : visited;
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return Owned(node) ? visited.WithStatement(Guarded(visited.Statement)) : visited;
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return Owned(node) ? visited.WithStatement(Guarded(visited.Statement)) : visited;
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return Owned(node) ? visited.WithStatement(Guarded(visited.Statement)) : visited;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        if (!Owned(node))
        {
            return visited;
        }

        if (visited.Body is { } body)
        {
            return visited.WithBody(body.WithStatements(body.Statements.Insert(0, Tick)));
        }

        // The check must come before the body runs, or a function that recurses never reaches it.
        var expression = visited.ExpressionBody!.Expression;
        var returnsVoid = model.GetDeclaredSymbol(node) is IMethodSymbol { ReturnsVoid: true };
        StatementSyntax last = returnsVoid
            ? SyntaxFactory.ExpressionStatement(expression)
            : SyntaxFactory.ReturnStatement(expression);
        return visited.WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithBody(SyntaxFactory.Block(Tick, last));
    }

    /// <summary>Static Regex searches go through <see cref="Rules.GuardedRegex"/>, which keeps to the budget.</summary>
    public override SyntaxNode? VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
    {
        var visited = (MemberAccessExpressionSyntax)base.VisitMemberAccessExpression(node)!;
        if (!Owned(node) || model.GetSymbolInfo(node).Symbol is not IMethodSymbol { IsStatic: true } method
            || method.ContainingType.ToDisplayString() != "System.Text.RegularExpressions.Regex")
        {
            return visited;
        }

        return SyntaxFactory.ParseExpression($"global::{typeof(Rules.GuardedRegex).FullName}.{method.Name}")
            .WithTriviaFrom(visited);
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        Lambda(node, (LambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!);

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        Lambda(node, (LambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!);

    /// <summary>Only the process owners' own text is guarded; the generated frame around it is left alone.</summary>
    private bool Owned(SyntaxNode original) =>
        _spans.Contains(original.Span);

    private SyntaxNode Lambda(LambdaExpressionSyntax original, LambdaExpressionSyntax visited)
    {
        if (!Owned(original))
        {
            return visited;
        }

        if (visited.Block is { } block)
        {
            return visited.WithBlock(block.WithStatements(block.Statements.Insert(0, Tick)));
        }

        var symbol = model.GetSymbolInfo(original).Symbol as IMethodSymbol;
        if (visited.ExpressionBody is not { } body || symbol is null)
        {
            return visited;
        }

        if (!symbol.ReturnsVoid)
        {
            return visited.WithExpressionBody(Pass(body));
        }

        // An expression tree cannot hold a block; a void lambda there is rare and is left as written.
        var converted = model.GetTypeInfo(original).ConvertedType?.OriginalDefinition.ToDisplayString();
        return converted == "System.Linq.Expressions.Expression<TDelegate>"
            ? visited
            : visited.WithExpressionBody(null)
                .WithBlock(SyntaxFactory.Block(Tick, SyntaxFactory.ExpressionStatement(body)));
    }

    /// <summary><c>Guard.Pass(Guard.Check(), body)</c>: arguments run left to right, so the check comes first.</summary>
    private static ExpressionSyntax Pass(ExpressionSyntax body) =>
        SyntaxFactory.ParseExpression($"{RuleSource.GuardHolder}.Guard.Pass({RuleSource.GuardHolder}.Guard.Check(), 0)")
            is InvocationExpressionSyntax call
            ? call.WithArgumentList(call.ArgumentList.WithArguments(call.ArgumentList.Arguments.Replace(
                call.ArgumentList.Arguments[1],
                SyntaxFactory.Argument(SyntaxFactory.ParenthesizedExpression(body)))))
            : body;

    private static StatementSyntax Guarded(StatementSyntax body) => body is BlockSyntax block
        ? block.WithStatements(block.Statements.Insert(0, Tick))
        : SyntaxFactory.Block(Tick, body);
}
