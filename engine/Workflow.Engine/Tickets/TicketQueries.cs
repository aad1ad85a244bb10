namespace Workflow.Engine.Tickets;

/// <summary>Ticket filters the database can run, kept in one place so every query means the same thing.</summary>
public static class TicketQueries
{
    /// <summary>Tickets that still need work (<see cref="TicketLifecycle.IsOpen"/>), as a query the database runs.</summary>
    public static IQueryable<Ticket> Open(this IQueryable<Ticket> tickets) =>
        tickets.Where(t => t.State == Sdk.Tickets.TicketState.New
            || t.State == Sdk.Tickets.TicketState.InProgress
            || t.State == Sdk.Tickets.TicketState.OnHold);
}
