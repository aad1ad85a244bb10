using System.Text.RegularExpressions;
using Workflow.Engine.Priority;
using Workflow.Engine.Tickets;

namespace Workflow.Engine.Explanations;

/// <summary>
/// Answers "why does this ticket have this priority and category" from its journal: every change names its
/// step and, when rules decided it, the rules and their rule-set version; the evaluation entry of the same step
/// says which rules fired and what they set.
/// </summary>
public static partial class TicketExplainer
{
    private const string RulesAction = "rules";

    private static readonly string[] Explained =
        ["Kind", "Category", "Subcategory", "Impact", "Urgency", "Priority", "AssignmentGroup"];

    public static TicketExplanation Explain(Ticket ticket, PriorityScheme scheme)
    {
        var fields = Explained.Select(field => Field(ticket, field)).ToList();
        return new TicketExplanation(ticket.Id, fields, PriorityCell(ticket, scheme));
    }

    private static FieldExplanation Field(Ticket ticket, string field)
    {
        var value = Value(ticket, field);
        var entry = ticket.Journal.LastOrDefault(e => e.Action != RulesAction && e.Changes.Any(c => c.Field == field));
        if (entry is null)
        {
            return new FieldExplanation(field, value, null, null, null, null, [], null);
        }

        var rules = RuleMention().Matches(entry.Reason)
            .Select(m => new DecidingRule(m.Groups["name"].Value, m.Groups["version"].Value))
            .ToList();

        // The evaluation of a step is journaled just before the step's own entry, at the same moment.
        var evaluation = rules.Count == 0
            ? null
            : ticket.Journal.LastOrDefault(e => e.Action == RulesAction && e.Sequence < entry.Sequence
                && e.At == entry.At)?.Reason;
        return new FieldExplanation(field, value, entry.At, entry.Actor, entry.Action, entry.Reason, rules, evaluation);
    }

    private static string? Value(Ticket ticket, string field) => field switch
    {
        "Kind" => ticket.Kind.ToString(),
        "Category" => ticket.Category,
        "Subcategory" => ticket.Subcategory,
        "Impact" => ticket.Impact,
        "Urgency" => ticket.Urgency,
        "Priority" => ticket.Priority,
        "AssignmentGroup" => ticket.AssignmentGroup,
        _ => null,
    };

    /// <summary>The matrix cell behind the priority, in words; says so when an override departs from it.</summary>
    private static string? PriorityCell(Ticket ticket, PriorityScheme installed)
    {
        if (ticket.Impact is null || ticket.Urgency is null || ticket.Priority is null)
        {
            return null;
        }

        var scheme = ticket.PriorityScheme is { } own && own != installed.Id
            ? PrioritySchemeLoader.TryBuiltIn(own) ?? installed
            : installed;
        var impact = scheme.FindImpact(ticket.Impact);
        var urgency = scheme.FindUrgency(ticket.Urgency);
        var level = scheme.FindLevel(ticket.Priority);
        if (impact is null || urgency is null || level is null)
        {
            return null;
        }

        var cell = scheme.PriorityFor(impact.Code, urgency.Code);
        var text = $"impact {Name(impact)} and urgency {Name(urgency)} give {Name(cell)} in the '{scheme.Id}' matrix";
        return cell.Code == level.Code ? text + "." : $"{text}; a rule overrode it to {Name(level)}.";
    }

    private static string Name(PriorityLevel level) => level.Code == level.Name ? level.Name : level.Label;

    [GeneratedRegex(@"rule '(?<name>[^']+)' \((?<version>[^)]+)\)")]
    private static partial Regex RuleMention();
}
