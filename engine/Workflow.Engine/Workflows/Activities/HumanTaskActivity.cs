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
            new InputDescriptor("timeout", "duration", "Take an outcome by itself after this long (ISO 8601)"),
            new InputDescriptor("timeoutOutcome", "text", "The outcome taken when the timeout passes"),
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

        var timeout = node.Text("timeout");
        var timeoutOutcome = node.Text("timeoutOutcome");
        if (timeout is not null && TimerActivity.ParseWait(timeout) is null)
        {
            yield return $"input 'timeout' is '{timeout}'; expected an ISO 8601 duration such as P5D.";
        }

        if ((timeout is null) != (timeoutOutcome is null))
        {
            yield return "inputs 'timeout' and 'timeoutOutcome' go together: give both or neither.";
        }
        else if (timeoutOutcome is not null && !outcomes.Contains(timeoutOutcome))
        {
            yield return $"input 'timeoutOutcome' is '{timeoutOutcome}', which is not one of the outcomes.";
        }
    }

    /// <summary>Waits for a person; with a timeout the bookmark also carries the time it is taken by itself.</summary>
    public ActivityResult Execute(ActivityContext context)
    {
        var timeout = TimerActivity.ParseWait(context.Node.Text("timeout"));
        return ActivityResult.Block(
            new BookmarkRequest(BookmarkRequest.Task, context.Node.List("outcomes"), context.Now + timeout));
    }

    public ActivityResult Resume(ActivityContext context)
    {
        var outcomes = context.Node.List("outcomes");
        var chosen = context.Action?.Outcome;
        if (chosen == TimerActivity.Elapsed && context.Node.Text("timeoutOutcome") is { } onTimeout)
        {
            return ActivityResult.Done(onTimeout);
        }

        if (chosen is null || !outcomes.Contains(chosen))
        {
            throw new ValidationException(
                "outcome",
                $"'{chosen}' is not offered at '{context.Node.Id}'; offered: {string.Join(", ", outcomes)}.");
        }

        return ActivityResult.Done(chosen);
    }
}
