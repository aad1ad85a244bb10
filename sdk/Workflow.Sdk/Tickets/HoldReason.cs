namespace Workflow.Sdk.Tickets;

/// <summary>
/// Why work on a ticket is paused while it is <see cref="TicketState.OnHold"/>.
/// </summary>
public enum HoldReason
{
    /// <summary>Waiting for the caller to answer or to confirm something.</summary>
    AwaitingCaller,

    /// <summary>Waiting for an outside vendor.</summary>
    AwaitingVendor,

    /// <summary>Waiting for the underlying problem to be fixed.</summary>
    AwaitingProblem,

    /// <summary>Waiting for evidence (logs, screenshots, a reproduction).</summary>
    AwaitingEvidence,
}
