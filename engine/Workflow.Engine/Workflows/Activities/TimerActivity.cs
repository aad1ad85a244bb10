using System.Xml;
using Workflow.Engine.Validation;

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
            yield return $"input 'after' is '{node.Text("after")}'; expected an ISO 8601 duration such as PT30M, "
                + $"more than zero and at most {MaxWait.TotalDays:N0} days.";
        }
    }

    public ActivityResult Execute(ActivityContext context)
    {
        var after = Duration(context.Node)
            ?? throw new WorkflowException($"Timer '{context.Node.Id}' has no valid 'after' duration.");

        return ActivityResult.Block(new BookmarkRequest(BookmarkRequest.Timer, [Elapsed], context.Now + after));
    }

    /// <summary>A person cannot take a timer's place: only its own outcome resumes it.</summary>
    public ActivityResult Resume(ActivityContext context)
    {
        if (context.Action?.Outcome != Elapsed)
        {
            throw new ValidationException(
                "outcome",
                $"'{context.Action?.Outcome}' is not offered at '{context.Node.Id}'; a timer only accepts '{Elapsed}'.");
        }

        return ActivityResult.Done(Elapsed);
    }

    /// <summary>The longest wait a timer accepts; longer ones are almost surely a typing mistake.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromDays(3660);

    private static TimeSpan? Duration(NodeDefinition node) => ParseWait(node.Text("after"));

    /// <summary>An ISO 8601 duration above zero and at most <see cref="MaxWait"/>; null for anything else.</summary>
    internal static TimeSpan? ParseWait(string? text)
    {
        try
        {
            var duration = text is null ? (TimeSpan?)null : XmlConvert.ToTimeSpan(text);
            return duration > TimeSpan.Zero && duration <= MaxWait ? duration : null;
        }
        catch (OverflowException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
