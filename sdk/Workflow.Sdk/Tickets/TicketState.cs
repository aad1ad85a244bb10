namespace Workflow.Sdk.Tickets;

/// <summary>
/// Where a ticket stands in its lifecycle. The legal moves between states are enforced by the engine.
/// </summary>
public enum TicketState
{
    /// <summary>Logged, nobody has started working on it yet.</summary>
    New,

    /// <summary>Somebody is working on it.</summary>
    InProgress,

    /// <summary>Work is paused; the ticket carries a <see cref="HoldReason"/>.</summary>
    OnHold,

    /// <summary>
    /// A fix or answer was given; the ticket carries a resolution code and waits to be closed or reopened.
    /// </summary>
    Resolved,

    /// <summary>Finished for good.</summary>
    Closed,

    /// <summary>Withdrawn without a resolution.</summary>
    Cancelled,
}
