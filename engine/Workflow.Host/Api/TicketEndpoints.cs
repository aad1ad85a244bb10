using Workflow.Engine;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Tickets;

namespace Workflow.Host.Api;

/// <summary>Create a ticket, read it with its journal, and take the actions its current task offers.</summary>
internal static class TicketEndpoints
{
    public const string ActorHeader = "X-Actor";

    public const int MaxActor = 100;

    /// <summary>Names the engine journals its own steps under; a caller taking one would pass as the engine.</summary>
    private static readonly string[] ReservedActors = ["workflow", "system"];

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
            var actor = Actor(http);
            if (body is null)
            {
                throw new ValidationException("$", "a JSON ticket is required.");
            }

            var validator = new TicketValidator(engine.TimeInput, engine.PriorityScheme, engine.Categories);
            var details = validator.Validate(body, engine.Time.GetUtcNow());
            var ticket = await engine.Tickets.CreateAsync(details, actor, http.RequestAborted);
            var view = await ViewAsync(engine, ticket.Id, http.RequestAborted);
            return Results.Created($"/api/tickets/{ticket.Id}", view);
        });

    private static Task<IResult> ReadAsync(long id, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () => Results.Ok(await ViewAsync(engine, id, http.RequestAborted)));

    private static Task<IResult> ActAsync(long id, ActionRequest? body, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var actor = Actor(http);
            if (body?.Outcome is null)
            {
                throw new ValidationException("outcome", "is required.");
            }

            var action = new TaskAction(body.Outcome, actor)
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

    /// <summary>
    /// Who is acting; authentication arrives with the roles, until then a caller may name itself. A caller that
    /// does not is journaled as <c>api</c>.
    /// </summary>
    /// <exception cref="ValidationException">The name is too long, not UTF-8, holds a control character or is
    /// one of the engine's own.</exception>
    private static string Actor(HttpContext http)
    {
        var values = http.Request.Headers[ActorHeader];
        if (values.Count > 1)
        {
            throw new ValidationException(ActorHeader, $"is given {values.Count} times; name one actor.");
        }

        var actor = values.FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(actor))
        {
            return "api";
        }

        var error = actor switch
        {
            { Length: > MaxActor } => $"is {actor.Length:N0} characters long; at most {MaxActor} are allowed.",
            _ when actor.Contains('\uFFFD') => "is not valid UTF-8.",
            _ when actor.Any(char.IsControl) => "holds a control character.",
            _ when ReservedActors.Contains(actor, StringComparer.OrdinalIgnoreCase) =>
                $"'{actor}' is reserved for the engine's own journal entries.",
            _ => null,
        };
        return error is null ? actor : throw new ValidationException(ActorHeader, error);
    }

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
