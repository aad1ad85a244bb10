using Microsoft.EntityFrameworkCore;
using Workflow.Engine;
using Workflow.Engine.Sla;
using Workflow.Sdk.Tickets;
using Workflow.Host.Api.Access;

namespace Workflow.Host.Api;

/// <summary>
/// The designer's live view: how many open tickets stand at each node of one workflow version, how many of them
/// have breached a response or resolution target, and which they are.
/// </summary>
internal static class LiveViewEndpoints
{
    /// <summary>Tickets listed per node; the count is always complete.</summary>
    private const int ListedPerNode = 50;

    public static void MapLiveViewEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/workflows/{id}/versions/{version:int}/live", LiveAsync)
            .WithTags("Workflows")
            .WithSummary("Open tickets standing at each node of a workflow version, with the first 50 of each node.")
            .RequireAuthorization(Policies.Agent)
            .Produces<LiveView>().ApiProblems(404);

    private static Task<IResult> LiveAsync(string id, int version, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var versions = await engine.Definitions.VersionsAsync(id, http.RequestAborted);
            if (!versions.Any(v => v.Version == version))
            {
                throw new KeyNotFoundException($"Workflow '{id}' has no version {version}.");
            }

            await using var db = engine.Contexts.Create();
            var rows = await db.Instances.AsNoTracking()
                .Where(i => i.DefinitionId == id && i.DefinitionVersion == version && i.CurrentNodeId != null)
                .Where(i => i.Ticket.State == TicketState.New
                    || i.Ticket.State == TicketState.InProgress
                    || i.Ticket.State == TicketState.OnHold)
                .OrderBy(i => i.TicketId)
                .Select(i => new
                {
                    Node = i.CurrentNodeId!,
                    i.Ticket.Id,
                    i.Ticket.Subject,
                    i.Ticket.State,
                    i.Ticket.Priority,
                    Breached = i.Ticket.ResponseStage == SlaStage.Breached
                        || i.Ticket.ResolutionStage == SlaStage.Breached,
                })
                .ToListAsync(http.RequestAborted);

            var nodes = rows.GroupBy(r => r.Node, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new LiveNodeView(
                    g.Key,
                    g.Count(),
                    g.Count(r => r.Breached),
                    [.. g.Take(ListedPerNode).Select(r => new LiveTicketView(r.Id, r.Subject, r.State, r.Priority))]))
                .ToList();
            return Results.Ok(new LiveView(id, version, nodes));
        });
}

/// <summary>Open tickets per node of one workflow version.</summary>
internal sealed record LiveView(string Id, int Version, IReadOnlyList<LiveNodeView> Nodes);

/// <summary>
/// One node's open tickets and how many of them have breached a response or resolution target.
/// </summary>
internal sealed record LiveNodeView(string NodeId, int Open, int? Breached, IReadOnlyList<LiveTicketView> Tickets);

/// <summary>A ticket standing at a node.</summary>
internal sealed record LiveTicketView(long Id, string Subject, TicketState State, string? Priority);
