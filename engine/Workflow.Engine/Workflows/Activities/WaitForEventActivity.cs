using Workflow.Engine.Validation;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>
/// Stops until a named event arrives for the ticket (<c>POST /api/tickets/{id}/events/{name}</c>), then
/// continues on <c>received</c>.
/// </summary>
public sealed class WaitForEventActivity : IActivity
{
    public const string Received = "received";

    public string Type => "waitForEvent";

    public ActivityDescriptor Descriptor { get; } = new(
        "waitForEvent",
        "Wait for event",
        "response",
        "Stops until the named event is posted for the ticket, for example a vendor's reply or a change closing.",
        [new InputDescriptor("event", "text", "The event's name, e.g. vendor-replied", Required: true)],
        [Received],
        Blocks: true);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => Descriptor.Outcomes;

    public IEnumerable<string> Validate(NodeDefinition node)
    {
        if (!IsEventName(node.Text("event")))
        {
            yield return $"input 'event' is '{node.Text("event")}'; expected a name of letters, digits, '-', '_' "
                + "or '.', at most 100 characters.";
        }
    }

    public ActivityResult Execute(ActivityContext context) =>
        ActivityResult.Block(new BookmarkRequest(BookmarkRequest.Event, [Received]));

    /// <summary>Only the event the node names resumes it; a person's action cannot take its place.</summary>
    public ActivityResult Resume(ActivityContext context)
    {
        var expected = context.Node.Text("event");
        if (context.Action?.Event is not { } name || !string.Equals(name, expected, StringComparison.Ordinal))
        {
            throw new ValidationException(
                "outcome",
                $"'{context.Action?.Event ?? context.Action?.Outcome}' does not resume '{context.Node.Id}'; it waits "
                + $"for the event '{expected}'.");
        }

        // An event changes no field, but when it arrived and from whom belongs in the journal.
        context.Reasons.Add($"event '{name}' received");
        context.AlwaysJournal = true;
        return ActivityResult.Done(Received);
    }

    /// <summary>Event names travel in URLs, so they keep to a small alphabet.</summary>
    public static bool IsEventName(string? name) =>
        name is { Length: > 0 and <= 100 }
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
