namespace Workflow.Sdk.Notifications;

/// <summary>What happened to a ticket.</summary>
public enum TicketEventKind
{
    /// <summary>The ticket was logged.</summary>
    Created,

    /// <summary>Its priority changed; <see cref="TicketEvent.Previous"/> holds the old level.</summary>
    PriorityChanged,

    /// <summary>One of its SLA clocks ran out.</summary>
    SlaBreached,

    /// <summary>It was resolved.</summary>
    Resolved,
}

/// <summary>One thing that happened to a ticket, after it was committed. Immutable.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Ticket">The ticket right after it happened.</param>
/// <param name="At">When it happened.</param>
/// <param name="Previous">The value before the change, for <see cref="TicketEventKind.PriorityChanged"/>.</param>
public sealed record TicketEvent(TicketEventKind Kind, TicketSnapshot Ticket, DateTimeOffset At, string? Previous = null);
