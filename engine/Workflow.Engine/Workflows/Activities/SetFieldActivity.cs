using Workflow.Engine.Catalog;
using Workflow.Engine.Priority;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>
/// Sets one field of the ticket to a fixed value. The value is checked before publishing against the category
/// tree and the priority scheme in force then, and again when the node runs.
/// </summary>
public sealed class SetFieldActivity(TicketCatalog? catalog = null) : IActivity
{
    public string Type => "setField";

    public ActivityDescriptor Descriptor { get; } = new(
        "setField",
        "Set field",
        "response",
        "Sets a field of the ticket: kind, category, subcategory, impact or urgency (the priority follows), "
            + "assignment group, assignee, or adds a tag.",
        [
            new InputDescriptor("field", "choice", "The field to set", Required: true, Choices: TicketWrites.Fields),
            new InputDescriptor("value", "text", "The new value (a category, an impact code, a group, ...)", true),
        ],
        ["done"]);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => Descriptor.Outcomes;

    public IEnumerable<string> Validate(NodeDefinition node)
    {
        var field = node.Text("field");
        var value = node.Text("value");
        if (field is null || !TicketWrites.Fields.Contains(field))
        {
            yield return $"input 'field' is '{field}'; expected one of {string.Join(", ", TicketWrites.Fields)}.";
            yield break;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            yield return "input 'value' is required.";
            yield break;
        }

        var categories = catalog?.Current.Categories;
        var scheme = catalog?.Current.Scheme;
        var problem = field switch
        {
            "kind" when TicketWrites.ParseKind(value) is null => "expected incident or serviceRequest",
            "category" when categories is not null && !categories.Contains(value, null) => "not in the category tree",
            "impact" when scheme is not null && scheme.FindImpact(value) is null => Scale(scheme.Impacts),
            "urgency" when scheme is not null && scheme.FindUrgency(value) is null => Scale(scheme.Urgencies),
            _ => null,
        };
        if (problem is not null)
        {
            yield return $"input 'value' is '{value}' for field '{field}': {problem}.";
        }
    }

    public ActivityResult Execute(ActivityContext context)
    {
        var field = context.Node.Text("field") ?? "";
        var value = context.Node.Text("value")
            ?? throw new WorkflowException($"Node '{context.Node.Id}' has no value to set.");
        var ticket = context.Ticket;
        if (TicketWrites.CheckState(ticket, field) is { } wrongState)
        {
            throw new ValidationException([wrongState]);
        }

        switch (field)
        {
            case "kind":
                ticket.Identify(
                    TicketWrites.ParseKind(value) ?? throw new ValidationException("kind", $"'{value}' is no kind."),
                    ticket.Channel);
                break;
            case "category" or "subcategory":
                var category = field == "category" ? value : ticket.Category;
                var subcategory = field == "subcategory" ? value : null;
                if (TicketWrites.CheckCategory(context, category, subcategory) is { } wrong)
                {
                    throw new ValidationException([wrong]);
                }

                ticket.Categorise(category, subcategory);
                break;
            case "impact" or "urgency":
                var errors = new List<FieldError>();
                var levels = TicketWrites.Prioritise(
                    context,
                    field == "impact" ? value : ticket.Impact,
                    field == "urgency" ? value : ticket.Urgency,
                    null,
                    errors);
                TicketWrites.ApplyPriority(
                    ticket,
                    levels ?? throw new ValidationException(errors),
                    TicketWrites.SchemeOf(context));
                break;
            case "assignmentGroup":
                var sameGroup = string.Equals(value, ticket.AssignmentGroup, StringComparison.Ordinal);
                ticket.Assign(value, sameGroup ? ticket.AssignedTo : null);
                break;
            case "assignedTo":
                ticket.Assign(ticket.AssignmentGroup, value);
                break;
            case "tag":
                ticket.TakeRuleOutcomes([value.Trim()], false, false);
                break;
            default:
                throw new WorkflowException($"Node '{context.Node.Id}' names no field it can set ('{field}').");
        }

        return ActivityResult.Done("done");
    }

    private static string Scale(IReadOnlyList<PriorityLevel> levels) =>
        $"expected one of {string.Join(", ", levels.Select(l => l.Code))}";
}
