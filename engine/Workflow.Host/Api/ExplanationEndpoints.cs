using Workflow.Engine;
using Workflow.Engine.Explanations;
using Workflow.Host.Api.Access;

namespace Workflow.Host.Api;

/// <summary>Why a ticket has its category and priority: the journal's answer, field by field.</summary>
internal static class ExplanationEndpoints
{
    public static void MapExplanationEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/tickets/{id:long}/explanation", ExplainAsync)
            .WithTags("Tickets")
            .WithSummary("Why the ticket has its kind, category, priority and group: the step, rules and version.")
            .RequireAuthorization(Policies.Reporter)
            .Produces<TicketExplanation>().ApiProblems(404);

    private static Task<IResult> ExplainAsync(long id, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var (ticket, _) = await TicketAccess.ReadAsync(engine, id, Caller.Of(http), http.RequestAborted);
            return Results.Ok(TicketExplainer.Explain(ticket, engine.PriorityScheme));
        });
}
