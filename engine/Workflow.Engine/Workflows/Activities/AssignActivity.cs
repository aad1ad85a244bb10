namespace Workflow.Engine.Workflows.Activities;

/// <summary>Routes the ticket to a group (and a person), from the node's inputs or from the action.</summary>
public sealed class AssignActivity : IActivity
{
    public string Type => "assign";

    public ActivityDescriptor Descriptor { get; } = new(
        "assign",
        "Assign",
        "response",
        "Hands the ticket to the group named by the action that led here, else to the node's group.",
        [
            new InputDescriptor("group", "text", "Assignment group used when the action names none"),
            new InputDescriptor("assignee", "text", "Person used when the action names none"),
            new InputDescriptor("fromAction", "boolean", "Refuse an action that does not name the new values"),
        ],
        ["done"]);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => Descriptor.Outcomes;

    public ActivityResult Execute(ActivityContext context)
    {
        var ticket = context.Ticket;
        var action = context.Action;
        var fromAction = action is not null && (action.AssignmentGroup is not null || action.AssignedTo is not null);
        if (context.Node.Flag("fromAction") && !fromAction)
        {
            throw new Validation.ValidationException(
                "assignmentGroup",
                $"'{action?.Outcome}' needs an assignmentGroup or an assignedTo.");
        }

        // Routing is the last decision of a step, so the rules run here even when nothing is left to decide:
        // their tags and proposals (a major incident on a busy item) must not depend on what a reporter filled in.
        var evaluation = context.EvaluateRules();
        var group = fromAction
            ? action!.AssignmentGroup ?? ticket.AssignmentGroup
            : context.Node.Text("group") ?? ticket.AssignmentGroup;
        if (group is null && evaluation is { Fact.AssignmentGroup: { } routed })
        {
            group = routed;
            context.BecauseOfRules(evaluation, "AssignmentGroup");
        }

        // A new group picks its own person, so a group change without a named assignee clears the old one.
        var groupChanged = !string.Equals(group, ticket.AssignmentGroup, StringComparison.Ordinal);
        var assignee = fromAction
            ? action!.AssignedTo ?? (groupChanged ? null : ticket.AssignedTo)
            : context.Node.Text("assignee") ?? (groupChanged ? null : ticket.AssignedTo);

        ticket.Assign(group, assignee);
        return ActivityResult.Done("done");
    }
}
