using Workflow.Engine;
using Workflow.Engine.Problems;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows.Activities;
using Workflow.Host.Api.Access;

namespace Workflow.Host.Api;

/// <summary>Create a ticket, read it with its journal, and take the actions its current task offers.</summary>
internal static class TicketEndpoints
{
    public static void MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/tickets").WithTags("Tickets");

        tickets.MapPost("", CreateAsync)
            .WithSummary("Log a ticket; a retry with the same Idempotency-Key returns the first ticket.")
            .Accepts<NewTicket>("application/json")
            .Produces<TicketView>(StatusCodes.Status201Created)
            .ApiProblems(409, 413, 415);
        tickets.MapGet("", TicketListEndpoint.ListAsync)
            .WithSummary("List tickets with filters, a sort order and cursor paging.")
            .Produces<TicketListView>()
            .ApiProblems();
        tickets.MapGet("{id:long}", ReadAsync)
            .WithSummary("Read a ticket with its journal; the ETag header carries its version.")
            .Produces<TicketView>()
            .ApiProblems(404);
        tickets.MapPost("{id:long}/actions", ActAsync)
            .WithSummary("Take an action at the ticket's current task (acknowledge, hold, resolve, ...).")
            .RequireAuthorization(Policies.Agent)
            .Accepts<ActionRequest>("application/json")
            .Produces<TicketView>()
            .ApiProblems(404, 409, 412, 413, 415);
        tickets.MapPost("{id:long}/events/{name}", SignalAsync)
            .WithSummary("Deliver a named event to the ticket's wait-for-event node and run its workflow on.")
            .RequireAuthorization(Policies.Agent)
            .Accepts<EventRequest>("application/json")
            .Produces<TicketView>()
            .ApiProblems(404, 409, 413, 415);
        app.MapTicketChangeEndpoints(tickets);
    }

    private static Task<IResult> CreateAsync(
        NewTicket? body,
        WorkflowEngine engine,
        TicketCreation creation,
        HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var actor = Actors.Of(http);
            var caller = Caller.Of(http);
            if (body is null)
            {
                throw new ValidationException("$", "a JSON ticket is required.");
            }

            var idempotencyKey = Idempotency.KeyOf(http.Request);
            body = OwnReport(body, caller);
            var validator = new TicketValidator(engine.TimeInput, engine.PriorityScheme, engine.Categories);
            var details = validator.Validate(body, engine.Time.GetUtcNow());

            var (id, replayed) = await creation.CreateAsync(
                details, body, actor, caller, idempotencyKey, http.RequestAborted);
            var view = await ViewAsync(engine, id, caller, http);
            if (replayed)
            {
                http.Response.Headers[Idempotency.ReplayedHeader] = "true";
            }

            return Results.Created($"/api/tickets/{id}", view);
        });

    /// <summary>A reporter logs tickets only for themselves: their user name is filled in, another one refused.</summary>
    private static NewTicket OwnReport(NewTicket body, Caller caller)
    {
        if (!caller.IsReporter)
        {
            return body;
        }

        var own = caller.UserName ?? throw new ApiForbiddenException(
            $"The reporter key '{caller.Name}' has no user name, so its tickets could never be read back.");
        var named = body.Reporter?.UserName;
        if (named is not null && named != own)
        {
            throw new ApiForbiddenException($"A reporter logs tickets for themselves ('{own}'), not for '{named}'.");
        }

        return body with { Reporter = (body.Reporter ?? new Reporter()) with { UserName = own } };
    }

    private static Task<IResult> ReadAsync(long id, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () => Results.Ok(await ViewAsync(engine, id, Caller.Of(http), http)));

    private static Task<IResult> ActAsync(
        long id,
        ActionRequest? body,
        WorkflowEngine engine,
        MajorIncidentService majors,
        HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var actor = Actors.Of(http);
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
                ExpectedTicketVersion = ETags.Expected(http.Request),
            };
            var ticket = await engine.Tickets.ActAsync(id, action, http.RequestAborted);
            await majors.ResolveChildrenAsync(ticket, actor, http.RequestAborted);
            return Results.Ok(await ViewAsync(engine, id, Caller.Of(http), http));
        });

    private static Task<IResult> SignalAsync(
        long id,
        string name,
        EventRequest? body,
        WorkflowEngine engine,
        HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var actor = Actors.Of(http);
            await engine.Tickets.SignalAsync(id, name, actor, body?.Comment, http.RequestAborted);
            return Results.Ok(await ViewAsync(engine, id, Caller.Of(http), http));
        });

    /// <summary>The ticket as the caller may see it, with its ETag set on the response.</summary>
    public static async Task<TicketView> ViewAsync(WorkflowEngine engine, long id, Caller caller, HttpContext http)
    {
        var (ticket, instance) = await TicketAccess.ReadAsync(engine, id, caller, http.RequestAborted);
        http.Response.Headers.ETag = ETags.Of(ticket.Version);
        return TicketView.From(ticket, instance, withWorkNotes: !caller.IsReporter);
    }
}
