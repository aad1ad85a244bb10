namespace Workflow.Engine.Tickets;

/// <summary>
/// Thrown when a write names the version of the ticket it was based on and the ticket has changed since;
/// nothing of the write was applied.
/// </summary>
public sealed class StaleTicketException(string number, int expected, int current) : Exception(
    $"Ticket {number} is at version {current}, not {expected}; reload it and apply the change again.")
{
    public int Current { get; } = current;
}
