using Workflow.Engine;
using Workflow.Engine.Problems;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Host.Api.Access;

namespace Workflow.Host.Api;

/// <summary>Changes outside the workflow: descriptive fields (with If-Match), comments and links.</summary>
internal static class TicketChangeEndpoints
{
    public static void MapTicketChangeEndpoints(this IEndpointRouteBuilder app, RouteGroupBuilder tickets)
    {
        tickets.MapPatch("{id:long}", EditAsync)
            .WithSummary("Change descriptive fields; If-Match must carry the ETag the change is based on.")
            .RequireAuthorization(Policies.Agent)
            .Accepts<TicketEditRequest>("application/json")
            .Produces<TicketView>()
            .ApiProblems(404, 409, 412, 413, 415, 428);
        tickets.MapGet("{id:long}/comments", CommentsAsync)
            .WithSummary("The ticket's comments; a reporter sees replies only.")
            .Produces<IReadOnlyList<CommentView>>()
            .ApiProblems(404);
        tickets.MapPost("{id:long}/comments", CommentAsync)
            .WithSummary("Add a work note (agents only) or a reply the reporter sees.")
            .Accepts<CommentRequest>("application/json")
            .Produces<CommentView>(StatusCodes.Status201Created)
            .ApiProblems(404, 409, 412, 413, 415);

        var links = tickets.MapGroup("{id:long}/links").RequireAuthorization(Policies.Agent);
        links.MapPut(
                "duplicate-of",
                (long id, TicketLinkRequest? body, WorkflowEngine engine, TicketChangeService changes, HttpContext http) =>
                    LinkTicketAsync(id, body, engine, changes, http))
            .WithSummary("Mark the ticket as a duplicate of another.")
            .Accepts<TicketLinkRequest>("application/json").Produces<TicketView>().ApiProblems(404, 409, 412);
        links.MapDelete("duplicate-of", (long id, WorkflowEngine engine, TicketChangeService changes, HttpContext http) =>
                LinkTicketAsync(id, null, engine, changes, http, remove: true))
            .WithSummary("Remove the duplicate link.")
            .Produces<TicketView>().ApiProblems(404, 409, 412);
        links.MapPut("problem", LinkProblemAsync)
            .WithSummary("Link the ticket to the problem that caused it.")
            .Accepts<ProblemLinkRequest>("application/json").Produces<TicketView>().ApiProblems(404, 409, 412);
        links.MapDelete("problem", (long id, WorkflowEngine engine, TicketChangeService changes, HttpContext http) =>
                ChangeAsync(id, engine, changes, http, "unlinked", "problem link removed", t => t.LinkProblem(null)))
            .WithSummary("Remove the problem link.")
            .Produces<TicketView>().ApiProblems(404, 409, 412);
    }

    private static Task<IResult> EditAsync(
        long id,
        TicketEditRequest? body,
        WorkflowEngine engine,
        TicketChangeService changes,
        HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var actor = Actors.Of(http);
            var expected = ETags.Required(http.Request);
            var edit = Validate(body);

            await changes.ChangeAsync(
                id, expected, actor, "edited", "fields edited", t => t.Edit(edit), http.RequestAborted);
            return Results.Ok(await TicketEndpoints.ViewAsync(engine, id, Caller.Of(http), http));
        });

    private static TicketEdit Validate(TicketEditRequest? body)
    {
        if (body is null)
        {
            throw new ValidationException("$", "a JSON object with the fields to change is required.");
        }

        var errors = new List<FieldError>();
        if (body.Subject is not null && string.IsNullOrWhiteSpace(body.Subject))
        {
            errors.Add(new("subject", "cannot be blank."));
        }

        TextInput.Check(errors, "subject", body.Subject, TicketValidator.MaxSubjectLength);
        TextInput.Check(errors, "description", body.Description, TextInput.LongText);
        TextInput.Check(errors, "affectedService", body.AffectedService);
        TextInput.Check(errors, "configurationItem", body.ConfigurationItem);
        if (body.AffectedUsers is < 0)
        {
            errors.Add(new("affectedUsers", "cannot be negative."));
        }

        var edit = new TicketEdit
        {
            Subject = body.Subject?.Trim(),
            Description = body.Description,
            AffectedService = body.AffectedService,
            ConfigurationItem = body.ConfigurationItem,
            AffectedUsers = body.AffectedUsers,
        };
        if (errors.Count == 0 && edit.IsEmpty)
        {
            errors.Add(new("$", "names no field to change; give subject, description, affectedService, "
                + "configurationItem or affectedUsers."));
        }

        return errors.Count > 0 ? throw new ValidationException(errors) : edit;
    }

    private static Task<IResult> CommentsAsync(long id, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var caller = Caller.Of(http);
            var (ticket, _) = await TicketAccess.ReadAsync(engine, id, caller, http.RequestAborted);
            var comments = ticket.Journal
                .Where(j => j.Action == TicketChangeService.Reply
                    || (j.Action == TicketChangeService.WorkNote && !caller.IsReporter))
                .OrderBy(j => j.Sequence)
                .Select(ToView)
                .ToList();
            return Results.Ok(comments);
        });

    private static Task<IResult> CommentAsync(
        long id,
        CommentRequest? body,
        WorkflowEngine engine,
        TicketChangeService changes,
        HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var caller = Caller.Of(http);
            var actor = Actors.Of(http);
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(body?.Text))
            {
                errors.Add(new("text", "is required."));
            }

            TextInput.Check(errors, "text", body?.Text, Workflow.Engine.Workflows.Activities.TaskActionValidator.MaxComment);
            if (body?.Visibility is null)
            {
                errors.Add(new("visibility", "is required: workNote (agents only) or reply (the reporter sees it)."));
            }

            if (errors.Count > 0)
            {
                throw new ValidationException(errors);
            }

            var workNote = body!.Visibility == CommentVisibility.WorkNote;
            if (workNote && caller.IsReporter)
            {
                throw new ApiForbiddenException("A reporter cannot write work notes; send a reply instead.");
            }

            await TicketAccess.EnsureVisibleAsync(engine, id, caller, http.RequestAborted);
            var entry = await changes.CommentAsync(
                id, ETags.Expected(http.Request), actor, workNote, body.Text!, http.RequestAborted);
            return Results.Created($"/api/tickets/{id}/comments", ToView(entry));
        });

    private static CommentView ToView(JournalEntry entry) => new(
        entry.Sequence,
        entry.At,
        entry.Actor,
        entry.Action == TicketChangeService.WorkNote ? CommentVisibility.WorkNote : CommentVisibility.Reply,
        entry.Reason);

    private static Task<IResult> LinkTicketAsync(
        long id,
        TicketLinkRequest? body,
        WorkflowEngine engine,
        TicketChangeService changes,
        HttpContext http,
        bool remove = false) =>
        ApiErrors.GuardAsync(async () =>
        {
            long? target = null;
            if (!remove)
            {
                target = body?.TicketId ?? throw new ValidationException("ticketId", "is required.");
                if (await engine.Tickets.GetAsync(target.Value, http.RequestAborted) is null)
                {
                    throw new ValidationException("ticketId", $"there is no ticket {target}.");
                }
            }

            var reason = remove ? "duplicate link removed" : $"duplicate of ticket {target}";
            var action = remove ? "unlinked" : "linked";
            return await ChangeInnerAsync(id, engine, changes, http, action, reason, t => t.LinkDuplicate(target));
        });

    private static Task<IResult> LinkProblemAsync(
        long id,
        ProblemLinkRequest? body,
        WorkflowEngine engine,
        TicketChangeService changes,
        ProblemService problems,
        HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var number = body?.Problem?.Trim();
            if (string.IsNullOrEmpty(number))
            {
                throw new ValidationException("problem", "is required, for example PRB0000001.");
            }

            if (!await problems.ExistsAsync(number, http.RequestAborted))
            {
                throw new ValidationException("problem", $"there is no problem {number}.");
            }

            return await ChangeInnerAsync(
                id, engine, changes, http, "linked", $"caused by problem {number}", t => t.LinkProblem(number));
        });

    private static Task<IResult> ChangeAsync(
        long id,
        WorkflowEngine engine,
        TicketChangeService changes,
        HttpContext http,
        string action,
        string reason,
        Action<Ticket> change) =>
        ApiErrors.GuardAsync(() => ChangeInnerAsync(id, engine, changes, http, action, reason, change));

    private static async Task<IResult> ChangeInnerAsync(
        long id,
        WorkflowEngine engine,
        TicketChangeService changes,
        HttpContext http,
        string action,
        string reason,
        Action<Ticket> change)
    {
        var actor = Actors.Of(http);
        await changes.ChangeAsync(
            id, ETags.Expected(http.Request), actor, action, reason, change, http.RequestAborted);
        return Results.Ok(await TicketEndpoints.ViewAsync(engine, id, Caller.Of(http), http));
    }
}
