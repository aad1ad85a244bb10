namespace Workflow.Engine.Workflows.Activities;

/// <summary>
/// A message a notify node sends: to a channel (mail, chat, a team's queue) and, optionally, a recipient. The
/// key is unique per ticket, node and step, so the outbox holds it once however often the step is retried.
/// </summary>
public sealed record WorkflowNotice(
    string IdempotencyKey,
    string NodeId,
    string Channel,
    string? Recipient,
    string Message);
