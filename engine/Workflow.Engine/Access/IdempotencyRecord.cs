using Workflow.Engine.Tickets;

namespace Workflow.Engine.Access;

/// <summary>
/// A create request that named an <c>Idempotency-Key</c>: the ticket it made and a hash of its body, so a retry
/// returns that ticket and a different body under the same key is refused.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The key's owner (the API key's name), so two callers choosing the same key never collide.</summary>
    public string Owner { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the request body, in lower-case hex.</summary>
    public string RequestHash { get; set; } = "";

    public long TicketId { get; set; }

    public Ticket? Ticket { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
