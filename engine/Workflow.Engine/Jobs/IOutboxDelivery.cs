namespace Workflow.Engine.Jobs;

/// <summary>
/// Takes outbox messages to the outside world: a mail notifier, a webhook, a chat channel. The dispatcher
/// hands each message to every delivery that accepts its kind. A message can arrive twice when a host dies
/// between delivering it and recording that it did, so a delivery passes the idempotency key on (as a
/// header or a message id) or checks it itself. Implementations must be thread-safe.
/// </summary>
public interface IOutboxDelivery
{
    /// <summary>Whether this delivery wants messages of <paramref name="kind"/>, such as <c>sla.breached</c>.</summary>
    bool Accepts(string kind);

    /// <summary>Delivers one message; an exception leaves it in the outbox for the next attempt.</summary>
    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
