using System.Linq.Expressions;
using NRules.RuleModel;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Rules;

/// <summary>
/// Which fields of the ticket the conditions of a set of rules read, found in their expression trees. A change
/// to a field no condition reads cannot change which rules match, so the fact need not be updated for it; an
/// update makes NRules evaluate every condition again, and that is most of an evaluation's cost.
/// </summary>
internal static class FactReads
{
    /// <summary>The fields read; null when some condition uses the ticket in a way that cannot be followed.</summary>
    public static IReadOnlySet<string>? Of(IEnumerable<IRuleDefinition> rules)
    {
        var visitor = new ReadVisitor();
        foreach (var rule in rules)
        {
            // A compiled company rule says what its condition reads; its expression only calls that condition.
            var tag = rule.Tags.FirstOrDefault(t => t.StartsWith(Scripting.RuleReads.Prefix, StringComparison.Ordinal));
            if (tag is not null)
            {
                if (tag == Scripting.RuleReads.Everything)
                {
                    return null;
                }

                visitor.Fields.UnionWith(tag[Scripting.RuleReads.Prefix.Length..]
                    .Split(',', StringSplitOptions.RemoveEmptyEntries));
                continue;
            }

            if (!Walk(rule.LeftHandSide, visitor) || visitor.Everything)
            {
                return null;
            }
        }

        // Every change adds to Changes, whatever its field, so a condition reading it watches everything.
        return visitor.Fields.Contains(nameof(TicketFact.Changes)) ? null : visitor.Fields;
    }

    private static bool Walk(RuleElement element, ReadVisitor visitor)
    {
        switch (element)
        {
            case GroupElement group:
                return group.ChildElements.All(child => Walk(child, visitor));
            case PatternElement pattern:
                foreach (var expression in pattern.Expressions)
                {
                    visitor.Visit(expression.Expression.Body);
                }

                return pattern.Source is null || Walk(pattern.Source, visitor);
            case ExistsElement exists:
                return Walk(exists.Source, visitor);
            case NotElement not:
                return Walk(not.Source, visitor);
            default:
                // Aggregates, bindings and the like are not followed: the caller updates on every change.
                return false;
        }
    }

    private sealed class ReadVisitor : ExpressionVisitor
    {
        public HashSet<string> Fields { get; } = new(StringComparer.Ordinal);

        public bool Everything { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression?.Type == typeof(TicketFact))
            {
                Fields.Add(node.Member.Name);
                return node.Expression is ParameterExpression ? node : base.VisitMember(node);
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Object?.Type != typeof(TicketFact))
            {
                return base.VisitMethodCall(node);
            }

            switch (node.Method.Name)
            {
                case nameof(TicketFact.Mentions):
                    Fields.Add(nameof(TicketFact.Subject));
                    Fields.Add(nameof(TicketFact.Description));
                    break;
                case nameof(TicketFact.HasTag):
                    Fields.Add(nameof(TicketFact.Tags));
                    break;
                default:
                    Everything = true;
                    break;
            }

            foreach (var argument in node.Arguments)
            {
                Visit(argument);
            }

            return node.Object is ParameterExpression ? node : base.VisitMethodCall(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            // The ticket itself handed to something else: what that reads is unknown.
            if (node.Type == typeof(TicketFact))
            {
                Everything = true;
            }

            return node;
        }
    }
}
