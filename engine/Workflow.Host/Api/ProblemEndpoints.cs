using Workflow.Engine;
using Workflow.Engine.Problems;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Host.Api.Access;
using Workflow.Sdk.Tickets;

namespace Workflow.Host.Api;

/// <summary>Problems and major incidents: create from selected tickets, link and unlink, resolve.</summary>
internal static class ProblemEndpoints
{
    public static void MapProblemEndpoints(this IEndpointRouteBuilder app)
    {
        var problems = app.MapGroup("/api/problems").WithTags("Problems").RequireAuthorization(Policies.Agent);
        problems.MapPost("", CreateProblemAsync)
            .WithSummary("Record a problem and link the selected tickets to it.")
            .Accepts<ProblemRequest>("application/json")
            .Produces<ProblemView>(StatusCodes.Status201Created).ApiProblems(413, 415);
        problems.MapGet("", async (ProblemService service, HttpContext http) =>
                Results.Ok((await service.ListAsync(http.RequestAborted)).Select(p => ProblemView.From(p, [])).ToList()))
            .WithSummary("Every problem, newest first.")
            .Produces<IReadOnlyList<ProblemView>>().ApiProblems();
        problems.MapGet("{id:long}", (long id, ProblemService service, HttpContext http) => ApiErrors.GuardAsync(async () =>
            {
                var (problem, tickets) = await service.GetAsync(id, http.RequestAborted);
                return Results.Ok(ProblemView.From(problem, tickets));
            }))
            .WithSummary("A problem with the tickets linked to it.")
            .Produces<ProblemView>().ApiProblems(404);
        problems.MapPost("{id:long}/tickets", (long id, TicketLinkRequest? body, ProblemService service, HttpContext http) =>
                LinkAsync(id, body?.TicketId, link: true, service, http))
            .WithSummary("Link a ticket to the problem.")
            .Accepts<TicketLinkRequest>("application/json").Produces<ProblemView>().ApiProblems(404);
        problems.MapDelete(
                "{id:long}/tickets/{ticketId:long}",
                (long id, long ticketId, ProblemService service, HttpContext http) =>
                    LinkAsync(id, ticketId, link: false, service, http))
            .WithSummary("Unlink a ticket from the problem.")
            .Produces<ProblemView>().ApiProblems(404);
        problems.MapPost("{id:long}/resolve", (long id, ProblemService service, HttpContext http) =>
            ApiErrors.GuardAsync(async () =>
            {
                await service.ResolveAsync(id, http.RequestAborted);
                var (problem, tickets) = await service.GetAsync(id, http.RequestAborted);
                return Results.Ok(ProblemView.From(problem, tickets));
            }))
            .WithSummary("Mark the problem resolved.")
            .Produces<ProblemView>().ApiProblems(404, 409);

        var majors = app.MapGroup("/api/major-incidents").WithTags("Major incidents").RequireAuthorization(Policies.Agent);
        majors.MapPost("", CreateMajorAsync)
            .WithSummary("Log a major incident for the selected tickets, which become its children.")
            .Accepts<MajorIncidentRequest>("application/json")
            .Produces<MajorIncidentView>(StatusCodes.Status201Created).ApiProblems(413, 415);
        majors.MapGet("{id:long}", (long id, WorkflowEngine engine, HttpContext http) =>
                ApiErrors.GuardAsync(async () => Results.Ok(await MajorViewAsync(engine, id, http))))
            .WithSummary("A major incident with its children.")
            .Produces<MajorIncidentView>().ApiProblems(404);
        majors.MapPost("{id:long}/children", (long id, TicketLinkRequest? body, WorkflowEngine engine,
                MajorIncidentService service, HttpContext http) => ApiErrors.GuardAsync(async () =>
            {
                var child = body?.TicketId ?? throw new ValidationException("ticketId", "is required.");
                await service.LinkAsync(id, child, Actors.Of(http), http.RequestAborted);
                return Results.Ok(await MajorViewAsync(engine, id, http));
            }))
            .WithSummary("Make a ticket a child of the major incident.")
            .Accepts<TicketLinkRequest>("application/json").Produces<MajorIncidentView>().ApiProblems(404);
        majors.MapDelete("{id:long}/children/{childId:long}", (long id, long childId, WorkflowEngine engine,
                MajorIncidentService service, HttpContext http) => ApiErrors.GuardAsync(async () =>
            {
                await service.UnlinkAsync(id, childId, Actors.Of(http), http.RequestAborted);
                return Results.Ok(await MajorViewAsync(engine, id, http));
            }))
            .WithSummary("Release a child from the major incident.")
            .Produces<MajorIncidentView>().ApiProblems(404);
        majors.MapPost("proposals/{ticketId:long}", (long ticketId, WorkflowEngine engine,
                MajorIncidentProposals proposals, HttpContext http) => ApiErrors.GuardAsync(async () =>
            {
                var major = await proposals.AcceptAsync(ticketId, Actors.Of(http), http.RequestAborted);
                return Results.Created($"/api/major-incidents/{major.Id}", await MajorViewAsync(engine, major.Id, http));
            }))
            .WithSummary("Accept the rules' proposal on a ticket: its item's open incidents of the hour become children.")
            .Produces<MajorIncidentView>(StatusCodes.Status201Created).ApiProblems(404);
    }

    private static Task<IResult> CreateProblemAsync(ProblemRequest? body, ProblemService service, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var actor = Actors.Of(http);
            var problem = await service.CreateAsync(
                body?.Title, body?.Description, body?.TicketIds ?? [], actor, http.RequestAborted);
            var (stored, tickets) = await service.GetAsync(problem.Id, http.RequestAborted);
            return Results.Created($"/api/problems/{problem.Id}", ProblemView.From(stored, tickets));
        });

    private static Task<IResult> LinkAsync(long id, long? ticketId, bool link, ProblemService service, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var ticket = ticketId ?? throw new ValidationException("ticketId", "is required.");
            await service.LinkAsync(id, ticket, link, Actors.Of(http), http.RequestAborted);
            var (problem, tickets) = await service.GetAsync(id, http.RequestAborted);
            return Results.Ok(ProblemView.From(problem, tickets));
        });

    private static Task<IResult> CreateMajorAsync(
        MajorIncidentRequest? body,
        WorkflowEngine engine,
        MajorIncidentService service,
        HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var actor = Actors.Of(http);
            var ids = body?.TicketIds ?? [];
            var first = ids.Count > 0 ? await engine.Tickets.GetAsync(ids[0], http.RequestAborted) : null;
            var input = new NewTicket
            {
                Kind = nameof(TicketKind.Incident),
                Channel = nameof(IntakeChannel.Api),
                Reporter = new Reporter { Name = actor },
                Subject = body?.Subject,
                Description = body?.Description,
                OccurredAt = first?.Ticket.OccurredAt.ToString("O"),
                AffectedService = first?.Ticket.AffectedService,
                ConfigurationItem = first?.Ticket.ConfigurationItem,
                Category = first?.Ticket.Category,
                Subcategory = first?.Ticket.Subcategory,
                Impact = body?.Impact ?? first?.Ticket.Impact,
                Urgency = body?.Urgency ?? first?.Ticket.Urgency,
            };
            var validator = new TicketValidator(engine.TimeInput, engine.PriorityScheme, engine.Categories);
            var details = validator.Validate(input, engine.Time.GetUtcNow());

            var major = await service.CreateAsync(details, ids, actor, http.RequestAborted);
            return Results.Created($"/api/major-incidents/{major.Id}", await MajorViewAsync(engine, major.Id, http));
        });

    private static async Task<MajorIncidentView> MajorViewAsync(WorkflowEngine engine, long id, HttpContext http)
    {
        var caller = Caller.Of(http);
        var ticket = await TicketEndpoints.ViewAsync(engine, id, caller, http);
        if (!ticket.Links.IsMajorIncident)
        {
            throw new KeyNotFoundException($"There is no major incident {id}.");
        }

        var query = http.RequestServices.GetRequiredService<Workflow.Engine.Queries.TicketQuery>();
        var children = await query.ListAsync(
            new Workflow.Engine.Queries.TicketFilter { ParentId = id },
            new Workflow.Engine.Queries.TicketSort(Workflow.Engine.Queries.TicketSortField.Id, false),
            Workflow.Engine.Queries.TicketQuery.MaxPageSize,
            null,
            http.RequestAborted);
        return new MajorIncidentView(ticket, [.. children.Tickets.Select(TicketSummary.From)]);
    }
}

/// <summary>A problem to record and the tickets it caused.</summary>
internal sealed record ProblemRequest(string? Title, string? Description, IReadOnlyList<long>? TicketIds);

/// <summary>A major incident to log for the selected tickets; impact and urgency default to the first one's.</summary>
internal sealed record MajorIncidentRequest(
    string? Subject,
    string? Description,
    IReadOnlyList<long>? TicketIds,
    string? Impact,
    string? Urgency);

/// <summary>A problem with the tickets linked to it.</summary>
internal sealed record ProblemView(
    long Id,
    string Number,
    string Title,
    string? Description,
    ProblemState State,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<TicketSummary> Tickets)
{
    public static ProblemView From(ProblemRecord p, IReadOnlyList<Ticket> tickets) => new(
        p.Id, p.Number, p.Title, p.Description, p.State, p.CreatedAt, p.CreatedBy, p.ResolvedAt,
        [.. tickets.Select(TicketSummary.From)]);
}

/// <summary>A major incident and its children.</summary>
internal sealed record MajorIncidentView(TicketView Ticket, IReadOnlyList<TicketSummary> Children);
