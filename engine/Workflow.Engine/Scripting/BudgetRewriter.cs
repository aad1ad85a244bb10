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

        return visited.Body is { } body
            ? visited.WithBody(body.WithStatements(body.Statements.Insert(0, Tick)))
            : visited.WithExpressionBody(Pass(visited.ExpressionBody!))
                .WithSemicolonToken(visited.SemicolonToken);
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        Lambda(node, (LambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!);

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        Lambda(node, (LambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!);

    /// <summary>Only the process owners' own text is guarded; the generated frame around it is left alone.</summary>
    private bool Owned(SyntaxNode original) =>
        company.Any(c => original.Span.Start >= c.Start && original.Span.End <= c.End);

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

        // A lambda that returns nothing cannot pass a value through the guard; it is left as written.
        var symbol = model.GetSymbolInfo(original).Symbol as IMethodSymbol;
        return symbol is { ReturnsVoid: false } && visited.ExpressionBody is { } body
            ? visited.WithExpressionBody(Pass(body))
            : visited;
    }

    private static ExpressionSyntax Pass(ExpressionSyntax body) =>
        SyntaxFactory.ParseExpression($"{RuleSource.GuardHolder}.Guard.Pass(0)") is InvocationExpressionSyntax call
            ? call.WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Argument(SyntaxFactory.ParenthesizedExpression(body)))))
            : body;

    private static ArrowExpressionClauseSyntax Pass(ArrowExpressionClauseSyntax arrow) =>
        arrow.WithExpression(Pass(arrow.Expression));

    private static StatementSyntax Guarded(StatementSyntax body) => body is BlockSyntax block
        ? block.WithStatements(block.Statements.Insert(0, Tick))
        : SyntaxFactory.Block(Tick, body);
}
