using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Workflow.Engine.Scripting;

/// <summary>
/// Refuses company code that reaches outside the facts: files, network, processes, threads, reflection, the
/// environment, unsafe code, dynamic binding and jumps that could loop around the time budget.
/// </summary>
internal static class RuleSafety
{
    private static readonly string[] DeniedNamespaces =
    [
        "System.IO", "System.Net", "System.Diagnostics", "System.Reflection", "System.Runtime", "System.Threading",
        "System.Security", "System.Resources", "System.Data", "System.CodeDom", "System.Web", "Microsoft",
        "NRules", "Workflow.Engine", "System.Linq.Expressions",
    ];

    private static readonly HashSet<string> DeniedTypes = new(StringComparer.Ordinal)
    {
        "System.Environment", "System.AppDomain", "System.Activator", "System.GC", "System.Console", "System.Type",
        "System.Delegate", "System.MulticastDelegate", "System.AppContext", "System.Runtime.InteropServices.Marshal",
    };

    private const string RegexType = "System.Text.RegularExpressions.Regex";

    private static readonly HashSet<string> DeniedMembers = new(StringComparer.Ordinal) { "GetType" };

    /// <summary>The reasons this tree's company code is refused, with the location of each.</summary>
    public static IEnumerable<(Location Where, string Reason)> Check(
        SyntaxTree tree,
        SemanticModel model,
        IReadOnlyList<(int Start, int End)> company)
    {
        var spans = new CompanySpans(company);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (!spans.Contains(node.Span))
            {
                continue;
            }

            var refusal = Refusal(node, model);
            if (refusal is not null)
            {
                yield return (node.GetLocation(), refusal);
            }
        }
    }

    private static string? Refusal(SyntaxNode node, SemanticModel model)
    {
        switch (node)
        {
            case GotoStatementSyntax or LabeledStatementSyntax:
                return "jumps (goto and labels) are not allowed in rules.";
            case UnsafeStatementSyntax or FixedStatementSyntax or PointerTypeSyntax:
                return "unsafe code is not allowed in rules.";
            case IdentifierNameSyntax { Identifier.Text: "dynamic" }:
                return "dynamic binding is not allowed in rules.";
            case TypeOfExpressionSyntax:
                return "typeof is not allowed in rules: it leads to reflection.";
            case StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax:
                return "stackalloc is not allowed in rules: a large one ends the whole process.";
        }

        if (node is not (IdentifierNameSyntax or GenericNameSyntax or ObjectCreationExpressionSyntax
            or ImplicitObjectCreationExpressionSyntax))
        {
            return null;
        }

        var symbol = model.GetSymbolInfo(node).Symbol;
        return symbol is null ? null : Denied(symbol);
    }

    private static string? Denied(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } regex
            && regex.ContainingType.ToDisplayString() == RegexType)
        {
            return RegexRefusal(regex);
        }

        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
        {
            symbol = constructor.ContainingType;
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        var name = type?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(
            SymbolDisplayGenericsOptions.None));

        if (symbol is IPropertySymbol { Name: "ActiveRule" } && name == "Workflow.Sdk.Rules.TicketFact")
        {
            return "'ActiveRule' is kept by the engine so that every change names its rule; rules may not use it.";
        }

        if (name == RegexType)
        {
            return RegexRefusal(symbol);
        }

        if (DeniedMembers.Contains(symbol.Name) && symbol is IMethodSymbol)
        {
            return $"'{symbol.Name}' is not allowed in rules: it leads to reflection.";
        }

        if (name is not null && DeniedTypes.Contains(name))
        {
            return $"'{name}' is not allowed in rules.";
        }

        var space = (type?.ContainingNamespace ?? symbol as INamespaceSymbol)?.ToDisplayString() ?? "";
        var denied = DeniedNamespaces.FirstOrDefault(d => space == d || space.StartsWith(d + ".", StringComparison.Ordinal));
        return denied is null
            ? null
            : $"'{name ?? symbol.Name}' is not allowed in rules: {Why(denied)}.";
    }

    /// <summary>
    /// Only the static searches that <see cref="Rules.GuardedRegex"/> offers, each with a pattern and options,
    /// since those are the calls the compiled rule holds to its time budget.
    /// </summary>
    private static string? RegexRefusal(ISymbol symbol)
    {
        if (symbol is INamedTypeSymbol)
        {
            return null;
        }

        var allowed = symbol is IMethodSymbol { IsStatic: true } method
            && Rules.GuardedRegex.Methods.Contains(method.Name)
            && method.Parameters.All(p => p.Type.SpecialType == SpecialType.System_String
                || p.Type.ToDisplayString() == "System.Text.RegularExpressions.RegexOptions");
        return allowed
            ? null
            : $"'Regex.{symbol.Name}' is not allowed in rules; use the static Regex methods "
                + $"{string.Join(", ", Rules.GuardedRegex.Methods)} with a pattern and options, "
                + "which are held to the rule's time budget.";
    }

    private static string Why(string space) => space switch
    {
        "System.IO" => "rules cannot use files",
        "System.Net" => "rules cannot use the network",
        "System.Diagnostics" => "rules cannot start or inspect processes",
        "System.Reflection" => "rules cannot use reflection",
        "System.Threading" => "rules cannot use threads or tasks",
        "System.Runtime" => "rules cannot reach the runtime",
        _ => $"the {space} namespace is outside what rules may use",
    };
}
