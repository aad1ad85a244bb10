using Workflow.Engine;
using Workflow.Engine.Explanations;

namespace Workflow.Host.Api;

/// <summary>Why a ticket has its category and priority: the journal's answer, field by field.</summary>
internal static class ExplanationEndpoints
{
    public static void MapExplanationEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/tickets/{id:long}/explanation", ExplainAsync);

    private static Task<IResult> ExplainAsync(long id, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var found = await engine.Tickets.GetAsync(id, http.RequestAborted)
                ?? throw new KeyNotFoundException($"There is no ticket {id}.");
            return Results.Ok(TicketExplainer.Explain(found.Ticket, engine.PriorityScheme));
        });
}
