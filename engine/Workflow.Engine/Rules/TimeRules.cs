using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NRules.RuleModel;
using Workflow.Engine.Scripting;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Rules;

/// <summary>
/// Which company rules the recurring sweep runs: those whose condition reads a time or SLA fact, and those that
/// ask for an escalation (which only the sweep carries out). The others run only when a workflow evaluates the
/// rules, so a sweep with no such rules evaluates nothing.
/// </summary>
public static class TimeRules
{
    /// <summary>The tag a compiled rule carries when its action asks for an escalation.</summary>
    public const string EscalatesTag = "escalates";

    /// <summary>The facts only the sweep fills in.</summary>
    public static readonly IReadOnlySet<string> TimeFacts = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(TicketFact.Age),
        nameof(TicketFact.UnassignedFor),
        nameof(TicketFact.SlaStatus),
        nameof(TicketFact.SlaShareUsed),
    };

    private static readonly HashSet<string> EscalationMethods = new(StringComparer.Ordinal)
    {
        nameof(TicketFact.Notify),
        nameof(TicketFact.RaisePriority),
        nameof(TicketFact.ReassignToNextTier),
        nameof(TicketFact.RaiseUrgency),
    };

    /// <summary>Actions whose value may be left out: the proposals and the escalations (a notice's text).</summary>
    public static bool TakesNoValue(RuleActionKind action) => action is RuleActionKind.ProposeMajorIncident
        or RuleActionKind.ProposeProblem or RuleActionKind.Notify or RuleActionKind.RaisePriority
        or RuleActionKind.Reassign or RuleActionKind.RaiseUrgency;

    /// <summary>True when the rule's action asks for an escalation, directly or in its statements.</summary>
    public static bool Escalates(CompanyRule rule)
    {
        if (rule.Action is RuleActionKind.Notify or RuleActionKind.RaisePriority or RuleActionKind.Reassign
            or RuleActionKind.RaiseUrgency)
        {
            return true;
        }

        if (rule.Action != RuleActionKind.Statement || string.IsNullOrWhiteSpace(rule.Value))
        {
            return false;
        }

        var block = SyntaxFactory.ParseStatement("{" + rule.Value + "\n}");
        return block.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Any(call => call.Expression is MemberAccessExpressionSyntax access
                && EscalationMethods.Contains(access.Name.Identifier.Text));
    }

    /// <summary>True for a compiled company rule the sweep must run.</summary>
    public static bool IsTimed(IRuleDefinition rule)
    {
        if (rule.Tags.Contains(EscalatesTag))
        {
            return true;
        }

        var reads = rule.Tags.FirstOrDefault(t => t.StartsWith(RuleReads.Prefix, StringComparison.Ordinal));

        // A condition whose reads cannot be followed may read the time facts too.
        return reads == RuleReads.Everything
            || reads is not null && reads[RuleReads.Prefix.Length..].Split(',').Any(TimeFacts.Contains);
    }

    /// <summary>True for a compiled rule that belongs in the evaluations workflows run (it asks no escalation).
    /// </summary>
    public static bool RunsInWorkflows(IRuleDefinition rule) => !rule.Tags.Contains(EscalatesTag);
}
