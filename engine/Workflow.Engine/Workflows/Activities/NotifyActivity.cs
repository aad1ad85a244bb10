namespace Workflow.Engine.Workflows.Activities;

/// <summary>
/// Sends a message to a channel and, optionally, a recipient, through the outbox: it is written with the step's
/// changes and delivered after they commit, with an idempotency key per ticket, node and step.
/// </summary>
public sealed class NotifyActivity : IActivity
{
    public const string Kind = "workflow.notify";

    public string Type => "notify";

    public ActivityDescriptor Descriptor { get; } = new(
        "notify",
        "Notify",
        "response",
        "Sends a message to a channel (mail, chat, a team) and recipient through the outbox, once per step.",
        [
            new InputDescriptor("channel", "text", "Where the message goes, e.g. mail or teams", Required: true),
            new InputDescriptor("recipient", "text", "Who gets it, e.g. a mail address or a group"),
            new InputDescriptor("message", "text", "What it says", Required: true),
        ],
        ["done"]);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => Descriptor.Outcomes;

    public IEnumerable<string> Validate(NodeDefinition node)
    {
        foreach (var input in new[] { "channel", "message" }.Where(i => string.IsNullOrWhiteSpace(node.Text(i))))
        {
            yield return $"input '{input}' is required.";
        }
    }

    public ActivityResult Execute(ActivityContext context)
    {
        var node = context.Node;
        var instance = context.Instance
            ?? throw new WorkflowException($"Node '{node.Id}' can only notify from within a workflow instance.");
        var channel = node.Text("channel") ?? throw new WorkflowException($"Node '{node.Id}' names no channel.");

        // The instance's version counts its committed steps, so the key names the ticket, the node and the step;
        // a node passed twice in one step gets a sequence number of its own.
        var notices = context.Step.Notices;
        var sequence = notices.Count(n => n.NodeId == node.Id);
        var key = $"notify:{instance.Id:N}:{instance.Version}:{node.Id}:{sequence}";
        notices.Add(new WorkflowNotice(key, node.Id, channel, node.Text("recipient"), node.Text("message") ?? ""));

        context.Reasons.Add($"notice to {channel}" + (node.Text("recipient") is { } to ? $" ({to})" : ""));
        context.AlwaysJournal = true;
        return ActivityResult.Done("done");
    }
}
