using Workflow.Engine.Validation;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>Waits for a person to choose one of the node's outcomes.</summary>
public sealed class HumanTaskActivity : IActivity
{
    public string Type => "humanTask";

    public ActivityDescriptor Descriptor { get; } = new(
        "humanTask",
        "Human task",
        "response",
        "Stops until an agent takes one of the listed actions.",
        [
            new InputDescriptor("title", "text", "What the agent is asked to do"),
            new InputDescriptor("outcomes", "list", "The actions offered", Required: true),
        ],
        [],
        Blocks: true);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => node.List("outcomes");

    public IEnumerable<string> Validate(NodeDefinition node)
    {
        var outcomes = node.List("outcomes");
        if (outcomes.Count == 0)
        {
            yield return "input 'outcomes' must list at least one action.";
        }

        foreach (var twice in outcomes.GroupBy(o => o).Where(g => g.Count() > 1))
        {
            yield return $"outcome '{twice.Key}' is listed twice.";
        }
    }

    public ActivityResult Execute(ActivityContext context) =>
        ActivityResult.Block(new BookmarkRequest(BookmarkRequest.Task, context.Node.List("outcomes")));

    public ActivityResult Resume(ActivityContext context)
    {
        var outcomes = context.Node.List("outcomes");
        var chosen = context.Action?.Outcome;

        if (chosen is null || !outcomes.Contains(chosen))
        {
            throw new ValidationException(
                "outcome",
                $"'{chosen}' is not offered at '{context.Node.Id}'; offered: {string.Join(", ", outcomes)}.");
        }

        return ActivityResult.Done(chosen);
    }
}
