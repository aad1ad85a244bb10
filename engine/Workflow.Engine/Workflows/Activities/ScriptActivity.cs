using Workflow.Engine.Validation;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>Runs C# statements that may change the ticket's fields through the surface company rules use.</summary>
public sealed class ScriptActivity : IActivity
{
    public const string Code = "code";

    public string Type => "script";

    public ActivityDescriptor Descriptor { get; } = new(
        "script",
        "Script",
        "response",
        "Runs C# statements over 'ticket' (kind, category, impact, urgency, priority override, assignment group, "
            + "tags); a script that fails, runs too long or sets a value the tree or scheme refuses changes "
            + "nothing and is journaled.",
        [
            new InputDescriptor(
                Code,
                InputKinds.Script,
                "C# statements, e.g. if (ticket.Mentions(\"printer\")) ticket.AddTag(\"printing\");",
                Required: true),
        ],
        ["done"]);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => Descriptor.Outcomes;

    public IEnumerable<string> Validate(NodeDefinition node)
    {
        if (node.Text(Code) is null)
        {
            yield return $"input '{Code}' is required: C# statements over 'ticket'.";
        }
    }

    public ActivityResult Execute(ActivityContext context)
    {
        var fact = ScriptFacts.Of(context, recordChanges: true);
        try
        {
            context.Scripts.Run(context.Node.Id, Code, fact);
            ScriptFacts.Apply(context, fact);
        }
        catch (ValidationException ex)
        {
            Failed(context, string.Join("; ", ex.Errors));
        }
        catch (Exception ex) when (ex is not WorkflowException)
        {
            // Whatever the author's code threw, the step goes on without its changes, as a failing rule does.
            Failed(context, ex.Message);
        }

        return ActivityResult.Done("done");
    }

    private static void Failed(ActivityContext context, string why)
    {
        context.Reasons.Add($"script failed, nothing changed: {why}");
        context.AlwaysJournal = true;
    }
}
