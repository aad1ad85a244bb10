using Workflow.Engine.Priority;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>
/// The ticket fields a workflow's own nodes (set field, script) may write, each checked against the category
/// tree, the priority scheme and the lifecycle before anything changes, so a refused write changes nothing.
/// </summary>
internal static class TicketWrites
{
    public static readonly IReadOnlyList<string> Fields =
        ["kind", "category", "subcategory", "impact", "urgency", "assignmentGroup", "assignedTo", "tag"];

    /// <summary>The problem with a category and subcategory, or null when the tree holds them.</summary>
    public static FieldError? CheckCategory(ActivityContext context, string? category, string? subcategory)
    {
        if (category is null || context.Categories.Contains(category, subcategory))
        {
            return null;
        }

        return context.Categories.Contains(category, null)
            ? new FieldError("subcategory", $"'{subcategory}' is not in category '{category}' of the tree.")
            : new FieldError("category", $"'{category}' is not in the category tree.");
    }

    /// <summary>The scheme the ticket was prioritised with, so codes of two schemes never mix on one ticket.</summary>
    public static PriorityScheme SchemeOf(ActivityContext context) =>
        context.Ticket.PriorityScheme is { } own && own != context.PriorityScheme.Id
            ? PrioritySchemeLoader.TryBuiltIn(own) ?? context.PriorityScheme
            : context.PriorityScheme;

    /// <summary>
    /// The new impact, urgency and priority, or the problem with them; the priority comes from the matrix unless
    /// a level overrides it.
    /// </summary>
    public static (PriorityLevel Impact, PriorityLevel Urgency, PriorityLevel Priority)? Prioritise(
        ActivityContext context,
        string? impactText,
        string? urgencyText,
        string? overrideText,
        List<FieldError> errors)
    {
        var scheme = SchemeOf(context);
        var impact = impactText is null ? scheme.DefaultImpact : scheme.FindImpact(impactText);
        var urgency = urgencyText is null ? scheme.DefaultUrgency : scheme.FindUrgency(urgencyText);
        var level = overrideText is null ? null : scheme.FindLevel(overrideText);
        if (impact is null)
        {
            errors.Add(new("impact", Unknown(impactText, scheme.Impacts)));
        }

        if (urgency is null)
        {
            errors.Add(new("urgency", Unknown(urgencyText, scheme.Urgencies)));
        }

        if (overrideText is not null && level is null)
        {
            errors.Add(new("priority", Unknown(overrideText, scheme.Levels)));
        }

        return impact is null || urgency is null || (overrideText is not null && level is null)
            ? null
            : (impact, urgency, level ?? scheme.PriorityFor(impact.Code, urgency.Code));
    }

    public static void ApplyPriority(
        Ticket ticket,
        (PriorityLevel Impact, PriorityLevel Urgency, PriorityLevel Priority) levels,
        PriorityScheme scheme) =>
        ticket.Prioritise(levels.Impact.Code, levels.Urgency.Code, levels.Priority.Code, scheme.Id);

    /// <summary>The problem with changing a field of a ticket in its state, or null when it may change.</summary>
    public static FieldError? CheckState(Ticket ticket, string field)
    {
        var assignment = field is "assignmentGroup" or "assignedTo";
        if (assignment ? TicketLifecycle.IsOpen(ticket.State) : !TicketLifecycle.IsFinal(ticket.State))
        {
            return null;
        }

        return new FieldError(field, $"cannot change on a ticket that is {ticket.State}.");
    }

    public static TicketKind? ParseKind(string? text) => text switch
    {
        _ when string.Equals(text, "incident", StringComparison.OrdinalIgnoreCase) => TicketKind.Incident,
        _ when string.Equals(text, "serviceRequest", StringComparison.OrdinalIgnoreCase) => TicketKind.ServiceRequest,
        _ => null,
    };

    private static string Unknown(string? value, IReadOnlyList<PriorityLevel> scale) =>
        $"'{value}' is not one of {string.Join(", ", scale.Select(l => $"{l.Code} ({l.Label})"))}.";
}
