namespace Workflow.Engine.Queries;

/// <summary>
/// Where a ticket stands against its SLA as a whole, from the stages and the pause its view shows. Each ticket
/// with an SLA has exactly one status; the first that holds wins, in the order listed. A ticket whose priority
/// has no targets has none.
/// </summary>
public enum TicketSlaStatus
{
    /// <summary>The response or the resolution clock is breached (even if it stopped since).</summary>
    Breached,

    /// <summary>Resolved (or closed) before the resolution target.</summary>
    Met,

    /// <summary>The clocks stand still: on hold awaiting the caller or a vendor.</summary>
    Paused,

    /// <summary>A clock is past its warning share.</summary>
    Warning,

    /// <summary>Counting, below every warning.</summary>
    Running,
}
