using Workflow.Engine.Validation;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>Branches on a C# condition over the ticket: outcome <c>true</c> or <c>false</c>.</summary>
public sealed class DecisionActivity : IActivity
{
    public const string Condition = "condition";

    public string Type => "decision";

    public ActivityDescriptor Descriptor { get; } = new(
        "decision",
        "Decision",
        "response",
        "Evaluates a C# condition over 'ticket' (the fields rules see) and continues on 'true' or 'false'; "
            + "a condition that fails or runs too long counts as false and is journaled.",
        [
            new InputDescriptor(
                Condition,
                InputKinds.Condition,
                "C# condition, e.g. ticket.Category == \"Network\" && ticket.AffectedUsers > 10",
                Required: true),
        ],
        ["true", "false"]);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => Descriptor.Outcomes;

    public IEnumerable<string> Validate(NodeDefinition node)
    {
        if (node.Text(Condition) is null)
        {
            yield return $"input '{Condition}' is required: a C# condition that gives true or false.";
        }
    }

    public ActivityResult Execute(ActivityContext context)
    {
        var fact = ScriptFacts.Of(context, recordChanges: false);
        bool holds;
        try
        {
            holds = context.Scripts.Test(context.Node.Id, Condition, fact);
        }
        catch (Exception ex) when (ex is not WorkflowException and not ValidationException)
        {
            // The author's code failed (a null, a timeout): like a rule whose condition throws, it does not hold.
            context.Reasons.Add($"condition failed and counts as false: {ex.Message}");
            context.AlwaysJournal = true;
            holds = false;
        }

        return ActivityResult.Done(holds ? "true" : "false");
    }
}
