using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine;
using Workflow.Engine.Access;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Host.Api.Access;
using Workflow.Host.Telemetry;

namespace Workflow.Host.Api;

/// <summary>
/// Logs tickets for the API. With an idempotency key the key is stored with the ticket in the same
/// transaction, so a retry finds the first ticket instead of making a second, even when both arrive at once.
/// </summary>
internal sealed class TicketCreation(WorkflowEngine engine, ApiMetrics metrics)
{
    /// <returns>The ticket's id, and whether it was made by an earlier request with the same key.</returns>
    /// <exception cref="WorkflowConflictException">The key was used before for a different ticket.</exception>
    public async Task<(long Id, bool Replayed)> CreateAsync(
        TicketDetails details,
        NewTicket body,
        string actor,
        Caller caller,
        string? key,
        CancellationToken cancellationToken)
    {
        if (key is null)
        {
            var ticket = await engine.Tickets.CreateAsync(details, actor, cancellationToken);
            metrics.TicketCreated(ticket);
            return (ticket.Id, false);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body)));
        if (await FindAsync(caller.Name, key, hash, cancellationToken) is { } earlier)
        {
            return (earlier, true);
        }

        var record = new IdempotencyRecord
        {
            Owner = caller.Name,
            Key = key,
            RequestHash = hash,
            CreatedAt = engine.Time.GetUtcNow(),
        };
        try
        {
            var ticket = await engine.Tickets.CreateAsync(details, actor, record, cancellationToken);
            metrics.TicketCreated(ticket);
            return (ticket.Id, false);
        }
        catch (DbUpdateException)
        {
            // The same key arrived twice at once; the other request's ticket stands and this one wrote nothing.
            if (await FindAsync(caller.Name, key, hash, cancellationToken) is { } raced)
            {
                return (raced, true);
            }

            throw;
        }
    }

    private async Task<long?> FindAsync(string owner, string key, string hash, CancellationToken cancellationToken)
    {
        await using var db = engine.Contexts.Create();
        var found = await db.IdempotencyKeys.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Owner == owner && i.Key == key, cancellationToken);
        if (found is null)
        {
            return null;
        }

        return found.RequestHash == hash
            ? found.TicketId
            : throw new WorkflowConflictException(
                $"The {Idempotency.Header} '{key}' was used before for a different ticket "
                + $"({TicketNumber(found.TicketId)}); use a new key for a new ticket.");
    }

    private static string TicketNumber(long id) => $"TKT{id:D7}";
}
