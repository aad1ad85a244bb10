using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Workflow.Engine.Scripting;

/// <summary>
/// Which fields of <c>ticket</c> a company condition reads, from its text, carried on the compiled rule as a
/// tag (<c>reads:Category,Subject</c>) so the engine knows which changes need a fact update. Any use of
/// <c>ticket</c> it cannot follow gives <c>reads:*</c>, everything; reading too much only costs time.
/// </summary>
internal static class RuleReads
{
    public const string Prefix = "reads:";

    public const string Everything = Prefix + "*";

    public static string Tag(string condition)
    {
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        var expression = SyntaxFactory.ParseExpression(condition);
        foreach (var name in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.Text != "ticket")
            {
                continue;
            }

            if (name.Parent is not MemberAccessExpressionSyntax access || access.Expression != name)
            {
                return Everything;
            }

            var member = access.Name.Identifier.Text;
            if (access.Parent is InvocationExpressionSyntax)
            {
                switch (member)
                {
                    case "Mentions":
                        fields.Add("Subject");
                        fields.Add("Description");
                        continue;
                    case "HasTag":
                        fields.Add("Tags");
                        continue;
                    default:
                        return Everything;
                }
            }

            if (member == "Changes")
            {
                return Everything;
            }

            fields.Add(member);
        }

        return Prefix + string.Join(",", fields);
    }
}
