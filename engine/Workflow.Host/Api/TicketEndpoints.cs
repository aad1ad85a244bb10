using Workflow.Engine;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Tickets;

namespace Workflow.Host.Api;

/// <summary>Create a ticket, read it with its journal, and take the actions its current task offers.</summary>
internal static class TicketEndpoints
{
    public static void MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/tickets");
        tickets.MapPost("", CreateAsync);
        tickets.MapGet("{id:long}", ReadAsync);
        tickets.MapPost("{id:long}/actions", ActAsync);
    }

    private static Task<IResult> CreateAsync(NewTicket? body, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            if (body is null)
            {
                throw new Engine.Validation.ValidationException("$", "a JSON ticket is required.");
            }

            var validator = new TicketValidator(engine.TimeInput, engine.PriorityScheme, engine.Categories);
            var details = validator.Validate(body, engine.Time.GetUtcNow());
            var ticket = await engine.Tickets.CreateAsync(details, Actor(http), http.RequestAborted);
            var view = await ViewAsync(engine, ticket.Id, http.RequestAborted);
            return Results.Created($"/api/tickets/{ticket.Id}", view);
        });

    private static Task<IResult> ReadAsync(long id, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () => Results.Ok(await ViewAsync(engine, id, http.RequestAborted)));

    private static Task<IResult> ActAsync(long id, ActionRequest? body, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            if (body?.Outcome is null)
            {
                throw new Engine.Validation.ValidationException("outcome", "is required.");
            }

            var action = new TaskAction(body.Outcome, Actor(http))
            {
                BookmarkId = body.BookmarkId,
                Comment = body.Comment,
                HoldReason = body.HoldReason,
                ResolutionCode = body.ResolutionCode,
                AssignmentGroup = body.AssignmentGroup,
                AssignedTo = body.AssignedTo,
                Category = body.Category,
                Subcategory = body.Subcategory,
                Impact = body.Impact,
                Urgency = body.Urgency,
            };
            await engine.Tickets.ActAsync(id, action, http.RequestAborted);
            return Results.Ok(await ViewAsync(engine, id, http.RequestAborted));
        });

    private static async Task<TicketView> ViewAsync(WorkflowEngine engine, long id, CancellationToken cancellationToken)
    {
        var found = await engine.Tickets.GetAsync(id, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no ticket {id}.");
        return TicketView.From(found.Ticket, found.Instance);
    }

    /// <summary>Who is acting; authentication arrives with the roles, until then a caller may name itself.</summary>
    private static string Actor(HttpContext http) =>
        http.Request.Headers["X-Actor"].FirstOrDefault() is { Length: > 0 and <= 100 } actor ? actor : "api";

    internal sealed record ActionRequest(
        string? Outcome,
        Guid? BookmarkId,
        string? Comment,
        HoldReason? HoldReason,
        string? ResolutionCode,
        string? AssignmentGroup,
        string? AssignedTo,
        string? Category,
        string? Subcategory,
        string? Impact,
        string? Urgency);
}
