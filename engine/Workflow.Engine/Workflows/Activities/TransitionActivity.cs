using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>Moves the ticket through its lifecycle; the hold reason and resolution code come from the action.</summary>
public sealed class TransitionActivity : IActivity
{
    public string Type => "transition";

    public ActivityDescriptor Descriptor { get; } = new(
        "transition",
        "Change state",
        "response",
        "Applies a lifecycle action: acknowledge, hold, resume, resolve, close, reopen or cancel.",
        [
            new InputDescriptor(
                "action",
                "choice",
                "The lifecycle action",
                Required: true,
                Choices: [.. Enum.GetValues<TicketAction>().Select(ActionNames.Of)]),
        ],
        ["done"]);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => Descriptor.Outcomes;

    public IEnumerable<string> Validate(NodeDefinition node)
    {
        if (!ActionNames.TryParse(node.Text("action"), out _))
        {
            yield return $"input 'action' is '{node.Text("action")}'; expected one of "
                + string.Join(", ", Enum.GetValues<TicketAction>().Select(ActionNames.Of)) + ".";
        }
    }

    public ActivityResult Execute(ActivityContext context)
    {
        if (!ActionNames.TryParse(context.Node.Text("action"), out var action))
        {
            throw new WorkflowException($"Node '{context.Node.Id}' names no valid lifecycle action.");
        }

        var details = context.Action;
        var at = details?.At ?? context.Now;

        try
        {
            context.Ticket.Apply(action, at, details?.HoldReason, details?.ResolutionCode);
        }
        catch (ArgumentException ex) when (ex.ParamName is not null)
        {
            throw new ValidationException(ex.ParamName, ex.Message.Split(" (Parameter")[0]);
        }

        return ActivityResult.Done("done");
    }
}
