using Workflow.Engine.Rules;
using Workflow.Engine.Validation;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>
/// Gives a node's C# the ticket through the same narrow surface company rules see (a <see cref="TicketFact"/>),
/// and takes back what the code changed on it, all of it or, when one value is refused, none of it.
/// </summary>
internal static class ScriptFacts
{
    /// <summary>The ticket as rules see it; changes are recorded under the node's name.</summary>
    public static TicketFact Of(ActivityContext context, bool recordChanges)
    {
        var fact = TicketFacts.From(context.Ticket, context.Step.Trend, context.Rules?.Enrichers, context.Directory);
        fact.ActiveRule = recordChanges ? $"node '{context.Node.Id}'" : null;
        return fact;
    }

    /// <summary>Writes the fact's changes to the ticket.</summary>
    /// <exception cref="ValidationException">A changed value is not in the tree or the scheme, or may not change
    /// in the ticket's state; nothing was written.</exception>
    public static void Apply(ActivityContext context, TicketFact fact)
    {
        var ticket = context.Ticket;
        var changed = fact.Changes.Select(c => c.Field).ToHashSet(StringComparer.Ordinal);
        var errors = new List<FieldError>();

        var category = changed.Contains("Category") || changed.Contains("Subcategory");
        if (category && TicketWrites.CheckCategory(context, fact.Category, fact.Subcategory) is { } wrongCategory)
        {
            errors.Add(wrongCategory);
        }

        var priority = changed.Contains("Impact") || changed.Contains("Urgency") || changed.Contains("PriorityOverride");
        var levels = priority
            ? TicketWrites.Prioritise(context, fact.Impact, fact.Urgency, fact.PriorityOverride, errors)
            : null;
        var group = changed.Contains("AssignmentGroup");
        foreach (var field in new[] { (changed.Count > 0, "kind"), (group, "assignmentGroup") })
        {
            if (field.Item1 && TicketWrites.CheckState(ticket, field.Item2) is { } wrongState)
            {
                errors.Add(wrongState);
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        if (changed.Contains("Kind"))
        {
            ticket.Identify(fact.Kind, ticket.Channel);
        }

        if (category)
        {
            ticket.Categorise(fact.Category, fact.Subcategory);
        }

        if (levels is { } found)
        {
            TicketWrites.ApplyPriority(ticket, found, TicketWrites.SchemeOf(context));
        }

        if (group)
        {
            // A new group picks its own person, as an assignment by the assign node does.
            ticket.Assign(fact.AssignmentGroup, null);
        }

        ticket.TakeRuleOutcomes(fact.Tags, fact.ProposeMajorIncident, fact.ProposeProblem);
    }
}
