using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tickets;

/// <summary>Thrown when an action would move a ticket between two states the lifecycle does not connect.</summary>
public sealed class IllegalTransitionException(TicketState from, TicketState to, string action)
    : InvalidOperationException($"A ticket cannot go from {from} to {to} ('{action}' is not allowed while {from}).")
{
    public TicketState From { get; } = from;

    public TicketState To { get; } = to;

    public string ActionName { get; } = action;
}
