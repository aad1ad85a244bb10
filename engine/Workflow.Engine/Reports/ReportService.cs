using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Sla;
using Workflow.Engine.Storage;
using Workflow.Engine.Tickets;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Reports;

/// <summary>
/// Service-desk figures over the tickets logged in a time range (<c>from</c> inclusive, <c>to</c> exclusive).
/// Counts are grouped by the database; times are averaged here from one narrow row per ticket. Thread-safe.
/// </summary>
public sealed class ReportService(WorkflowDbContextFactory contexts)
{
    /// <summary>Journal actors that are the engine itself, whose entries are not a response.</summary>
    private static readonly string[] EngineActors = ["workflow", "system", "rules"];

    public async Task<IReadOnlyList<CountRow>> CountsAsync(
        CountBy by,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var tickets = InRange(db, from, to);
        var rows = by switch
        {
            CountBy.Category => await tickets.GroupBy(t => t.Category)
                .Select(g => new CountRow(g.Key, g.Count())).ToListAsync(cancellationToken),
            CountBy.Priority => await tickets.GroupBy(t => t.Priority)
                .Select(g => new CountRow(g.Key, g.Count())).ToListAsync(cancellationToken),
            _ => (await tickets.GroupBy(t => t.State)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
                .Select(g => new CountRow(g.Key.ToString(), g.Count)).ToList(),
        };
        return [.. rows.OrderByDescending(r => r.Count).ThenBy(r => r.Value, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<ResponseTimeRow>> ResponseTimesAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var tickets = await InRange(db, from, to)
            .Select(t => new { t.Id, t.Priority, t.CreatedAt, t.ResolvedAt })
            .ToListAsync(cancellationToken);
        var responses = await db.Journal.AsNoTracking()
            .Where(j => InRange(db, from, to).Any(t => t.Id == j.TicketId)
                && j.Action != "created" && !EngineActors.Contains(j.Actor))
            .Select(j => new { j.TicketId, j.At })
            .ToListAsync(cancellationToken);
        var firstResponse = responses.GroupBy(r => r.TicketId).ToDictionary(g => g.Key, g => g.Min(r => r.At));

        return [.. tickets.GroupBy(t => t.Priority)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var respond = g.Where(t => firstResponse.ContainsKey(t.Id))
                    .Select(t => (firstResponse[t.Id] - t.CreatedAt).TotalMinutes).ToList();
                var resolve = g.Where(t => t.ResolvedAt is not null)
                    .Select(t => (t.ResolvedAt!.Value - t.CreatedAt).TotalMinutes).ToList();
                return new ResponseTimeRow(
                    g.Key,
                    g.Count(),
                    respond.Count,
                    respond.Count > 0 ? Math.Round(respond.Average(), 2) : null,
                    resolve.Count,
                    resolve.Count > 0 ? Math.Round(resolve.Average(), 2) : null);
            })];
    }

    public async Task<ReopenRate> ReopenRateAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var everResolved = InRange(db, from, to).Where(t => t.ResolvedAt != null || t.ReopenCount > 0);
        var resolved = await everResolved.CountAsync(cancellationToken);
        var reopened = await everResolved.CountAsync(t => t.ReopenCount > 0, cancellationToken);
        return new ReopenRate(resolved, reopened, resolved > 0 ? Math.Round((double)reopened / resolved, 4) : null);
    }

    public async Task<IReadOnlyList<CountRow>> TopConfigurationItemsAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        int limit,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var rows = await InRange(db, from, to)
            .Where(t => t.ConfigurationItem != null && t.Kind == TicketKind.Incident)
            .GroupBy(t => t.ConfigurationItem)
            .Select(g => new CountRow(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Count).ThenBy(r => r.Value, StringComparer.Ordinal).Take(limit)];
    }

    /// <summary>
    /// Per SLA priority, the targets whose due time falls in the range: met when the clock stopped in time
    /// (<see cref="SlaStage.Met"/>), missed when it is breached or still running past its due time at
    /// <paramref name="now"/>. A target not yet due, or on a paused clock, is not decided and not counted; nor
    /// are cancelled tickets, which had nothing left to meet.
    /// </summary>
    public async Task<IReadOnlyList<SlaComplianceRow>> SlaComplianceAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.SlaPriority != null && t.State != TicketState.Cancelled
                && ((t.ResponseDueAt >= from && t.ResponseDueAt < to)
                    || (t.ResolutionDueAt >= from && t.ResolutionDueAt < to)))
            .Select(t => new
            {
                Priority = t.SlaPriority!,
                Paused = t.SlaPausedSince != null,
                t.ResponseDueAt,
                t.ResponseStage,
                t.ResolutionDueAt,
                t.ResolutionStage,
            })
            .ToListAsync(cancellationToken);

        return [.. rows.GroupBy(r => r.Priority)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var response = g.Select(r => Decided(r.ResponseDueAt, r.ResponseStage, r.Paused))
                    .Where(d => d is not null).ToList();
                var resolution = g.Select(r => Decided(r.ResolutionDueAt, r.ResolutionStage, r.Paused))
                    .Where(d => d is not null).ToList();
                var responseMet = response.Count(d => d == true);
                var resolutionMet = resolution.Count(d => d == true);
                return new SlaComplianceRow(
                    g.Key,
                    response.Count,
                    responseMet,
                    Share(responseMet, response.Count),
                    resolution.Count,
                    resolutionMet,
                    Share(resolutionMet, resolution.Count));
            })
            .Where(r => r.ResponseTargets + r.ResolutionTargets > 0)];

        // Whether a target in the range was met, or null when it is outside the range or not decided yet.
        bool? Decided(DateTimeOffset? due, SlaStage? stage, bool paused) => stage switch
        {
            _ when due is not { } d || d < from || d >= to => null,
            SlaStage.Met => true,
            SlaStage.Breached => false,
            _ when paused || due > now => null,
            _ => false,
        };
    }

    private static double? Share(int part, int whole) => whole > 0 ? Math.Round((double)part / whole, 4) : null;

    private static IQueryable<Ticket> InRange(WorkflowDbContext db, DateTimeOffset from, DateTimeOffset to) =>
        db.Tickets.AsNoTracking().Where(t => t.CreatedAt >= from && t.CreatedAt < to);
}
