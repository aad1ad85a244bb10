using System.Xml;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>Waits for a duration (ISO 8601, for example <c>PT30M</c>) and then continues on <c>elapsed</c>.</summary>
public sealed class TimerActivity : IActivity
{
    public const string Elapsed = "elapsed";

    public string Type => "timer";

    public ActivityDescriptor Descriptor { get; } = new(
        "timer",
        "Timer",
        "response",
        "Waits for the given duration, counted from when the node is reached.",
        [new InputDescriptor("after", "duration", "How long to wait (ISO 8601, e.g. PT4H)", Required: true)],
        [Elapsed],
        Blocks: true);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => Descriptor.Outcomes;

    public IEnumerable<string> Validate(NodeDefinition node)
    {
        if (Duration(node) is null)
        {
            yield return $"input 'after' is '{node.Text("after")}'; expected an ISO 8601 duration such as PT30M.";
        }
    }

    public ActivityResult Execute(ActivityContext context)
    {
        var after = Duration(context.Node)
            ?? throw new WorkflowException($"Timer '{context.Node.Id}' has no valid 'after' duration.");

        return ActivityResult.Block(new BookmarkRequest(BookmarkRequest.Timer, [Elapsed], context.Now + after));
    }

    public ActivityResult Resume(ActivityContext context) => ActivityResult.Done(Elapsed);

    private static TimeSpan? Duration(NodeDefinition node)
    {
        try
        {
            var text = node.Text("after");
            return text is null ? null : XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
