namespace Workflow.Engine.Workflows.Activities;

/// <summary>Completes the workflow instance.</summary>
public sealed class EndActivity : IActivity
{
    public string Type => "end";

    public ActivityDescriptor Descriptor { get; } = new(
        "end",
        "End",
        "response",
        "Finishes the workflow; the ticket keeps its last state.",
        [],
        []);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => [];

    public ActivityResult Execute(ActivityContext context) => ActivityResult.Done("");
}
