namespace Workflow.Engine.Jobs;

/// <summary>
/// A side effect (a notification, a webhook call, an escalation notice) written in the same transaction as
/// the change that caused it and delivered afterwards. Its idempotency key is unique: the step that writes it
/// commits once, and a receiver that sees the key twice (after a crash between delivery and bookkeeping)
/// knows it is the same message.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }

    public string IdempotencyKey { get; private set; } = "";

    /// <summary>What the message is about, for example <c>sla.breached</c>.</summary>
    public string Kind { get; private set; } = "";

    public long? TicketId { get; private set; }

    /// <summary>The message as JSON.</summary>
    public string Payload { get; private set; } = "{}";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    private OutboxMessage()
    {
    }

    public static OutboxMessage Create(
        string idempotencyKey,
        string kind,
        long? ticketId,
        string payload,
        DateTimeOffset at) => new()
    {
        IdempotencyKey = idempotencyKey,
        Kind = kind,
        TicketId = ticketId,
        Payload = payload,
        CreatedAt = at,
    };

    internal void Delivered(DateTimeOffset at)
    {
        Attempts++;
        DeliveredAt = at;
        LastError = null;
    }

    internal void Failed(string error)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
    }
}
