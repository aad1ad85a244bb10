using Microsoft.EntityFrameworkCore;
using Workflow.Engine;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Host.Api.Access;

namespace Workflow.Host.Api;

/// <summary>
/// Which tickets a caller may see: a reporter only those whose <c>reporter.userName</c> is theirs, everyone else
/// all of them. Another reporter's ticket answers 404, as if it did not exist, so ids reveal nothing.
/// </summary>
internal static class TicketAccess
{
    /// <exception cref="KeyNotFoundException">No such ticket, or not one the caller may see.</exception>
    public static async Task<(Ticket Ticket, WorkflowInstance Instance)> ReadAsync(
        WorkflowEngine engine,
        long id,
        Caller caller,
        CancellationToken cancellationToken)
    {
        var found = await engine.Tickets.GetAsync(id, cancellationToken);
        if (found is not { } pair || !MaySee(caller, pair.Ticket))
        {
            throw NotFound(id);
        }

        return pair;
    }

    /// <summary>Checks a reporter's claim on a ticket before a write; agents pass without a query.</summary>
    /// <exception cref="KeyNotFoundException">The ticket is not one the reporter may see.</exception>
    public static async Task EnsureVisibleAsync(
        WorkflowEngine engine,
        long id,
        Caller caller,
        CancellationToken cancellationToken)
    {
        if (!caller.IsReporter)
        {
            return;
        }

        await using var db = engine.Contexts.Create();
        var own = await db.Tickets.AnyAsync(
            t => t.Id == id && t.Reporter.UserName == caller.UserName,
            cancellationToken);
        if (!own)
        {
            throw NotFound(id);
        }
    }

    public static bool MaySee(Caller caller, Ticket ticket) =>
        !caller.IsReporter || (caller.UserName is not null && ticket.Reporter.UserName == caller.UserName);

    public static KeyNotFoundException NotFound(long id) => new($"There is no ticket {id}.");
}
