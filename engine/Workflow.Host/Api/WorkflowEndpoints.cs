using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine;
using Workflow.Engine.Storage;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Host.Api.Access;

namespace Workflow.Host.Api;

/// <summary>
/// Workflow definitions for the designer: list, read, history, edit the draft, validate and publish. Reading
/// needs an agent's key, changing a process owner's.
/// </summary>
internal static class WorkflowEndpoints
{
    public static void MapWorkflowEndpoints(this IEndpointRouteBuilder app)
    {
        var workflows = app.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization(Policies.Agent);
        workflows.MapGet("", ListAsync)
            .WithSummary("Every workflow with its newest published version and its draft.")
            .Produces<IReadOnlyList<WorkflowDefinitionView>>().ApiProblems();
        workflows.MapGet("{id}", ReadAsync)
            .WithSummary("A workflow's newest published version and its draft, with their documents.")
            .Produces<WorkflowDefinitionView>().ApiProblems(404);
        workflows.MapGet("{id}/versions", HistoryAsync)
            .WithSummary("Every version of a workflow, oldest first, without documents.")
            .Produces<IReadOnlyList<WorkflowVersionView>>().ApiProblems(404);
        workflows.MapGet("{id}/versions/{version:int}", VersionAsync)
            .WithSummary("One version with its document.")
            .Produces<WorkflowVersionView>().ApiProblems(404);
        workflows.MapGet("{id}/tickets-per-node", TicketsPerNodeAsync)
            .WithSummary("How many tickets wait at each node, per published version, for the designer's live view.")
            .Produces<IReadOnlyList<NodeCountView>>().ApiProblems(404);
        workflows.MapGet("{id}/draft", DraftAsync)
            .WithSummary("The draft; its ETag is the revision to send in If-Match when saving.")
            .Produces<WorkflowVersionView>().ApiProblems(404);
        workflows.MapPut("{id}/draft", SaveDraftAsync)
            .WithSummary("Create or replace the draft; an incomplete draft is kept, unreadable JSON is refused.")
            .RequireAuthorization(Policies.ProcessOwner)
            .Accepts<WorkflowDocumentSchema>("application/json")
            .Produces<WorkflowVersionView>().ApiProblems(409, 412, 413, 415);
        workflows.MapPost("{id}/validate", ValidateAsync)
            .WithSummary("Check a document (the body) or, without a body, the draft, listing every problem.")
            .RequireAuthorization(Policies.ProcessOwner)
            .Accepts<WorkflowDocumentSchema>("application/json")
            .Produces<WorkflowValidationView>().ApiProblems(404, 413, 415);
        workflows.MapPost("{id}/publish", PublishAsync)
            .WithSummary("Publish the draft once it validates; the version never changes again.")
            .RequireAuthorization(Policies.ProcessOwner)
            .Produces<WorkflowVersionView>().ApiProblems(404, 409);
    }

    private static async Task<IResult> ListAsync(WorkflowEngine engine, HttpContext http)
    {
        await using var db = engine.Contexts.Create();
        var records = await db.Definitions.AsNoTracking().ToListAsync(http.RequestAborted);
        var views = records.GroupBy(r => r.DefinitionId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Summarise(g.Key, [.. g], withDocument: false))
            .ToList();
        return Results.Ok(views);
    }

    private static Task<IResult> ReadAsync(string id, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
            Results.Ok(Summarise(id, await VersionsAsync(engine, id, http), withDocument: true)));

    private static Task<IResult> HistoryAsync(string id, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () => Results.Ok(
            (await VersionsAsync(engine, id, http)).Select(r => WorkflowVersionView.From(r, false)).ToList()));

    private static Task<IResult> VersionAsync(string id, int version, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var record = (await VersionsAsync(engine, id, http)).FirstOrDefault(r => r.Version == version)
                ?? throw new KeyNotFoundException($"Workflow '{id}' has no version {version}.");
            return Results.Ok(WorkflowVersionView.From(record, true));
        });

    private static Task<IResult> TicketsPerNodeAsync(string id, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            await VersionsAsync(engine, id, http);

            await using var db = engine.Contexts.Create();
            var counts = await db.Instances.AsNoTracking()
                .Where(i => i.DefinitionId == id && i.Status != InstanceStatus.Completed && i.CurrentNodeId != null)
                .GroupBy(i => new { i.DefinitionVersion, i.CurrentNodeId })
                .Select(g => new NodeCountView(g.Key.DefinitionVersion, g.Key.CurrentNodeId!, g.Count()))
                .ToListAsync(http.RequestAborted);
            return Results.Ok(counts.OrderBy(c => c.Version).ThenBy(c => c.Node, StringComparer.Ordinal).ToList());
        });

    private static Task<IResult> DraftAsync(string id, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var draft = await DraftOfAsync(engine, id, http);
            http.Response.Headers.ETag = ETags.Of(draft.Revision);
            return Results.Ok(WorkflowVersionView.From(draft, true));
        });

    private static Task<IResult> SaveDraftAsync(string id, JsonElement? body, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var actor = Actors.Of(http);
            if (body is not { ValueKind: JsonValueKind.Object } document)
            {
                throw new ValidationException("$", "a workflow document (a JSON object) is required.");
            }

            var saved = await engine.Definitions.SaveDraftAsync(
                id, document.GetRawText(), actor, ETags.ExpectedDraft(http.Request), http.RequestAborted);
            http.Response.Headers.ETag = ETags.Of(saved.Revision);
            return Results.Ok(WorkflowVersionView.From(saved, true));
        });

    private static Task<IResult> ValidateAsync(string id, HttpRequest request, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var json = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0
                ? await ReadBodyAsync(request)
                : (await DraftOfAsync(engine, id, http)).Json;
            try
            {
                engine.Parser.Parse(json);
                return Results.Ok(new WorkflowValidationView(true, []));
            }
            catch (ValidationException ex)
            {
                return Results.Ok(new WorkflowValidationView(
                    false,
                    [.. ex.Errors.Select(e => new FieldErrorView(e.Field, e.Message, e.Line, e.Column))]));
            }
        });

    private static Task<IResult> PublishAsync(string id, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            Actors.Of(http);
            await DraftOfAsync(engine, id, http);

            var published = await engine.Definitions.PublishAsync(id, http.RequestAborted);
            return Results.Ok(WorkflowVersionView.From(published, true));
        });

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException(
                "Send the document as application/json.",
                StatusCodes.Status415UnsupportedMediaType);
        }

        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    private static async Task<IReadOnlyList<WorkflowDefinitionRecord>> VersionsAsync(
        WorkflowEngine engine,
        string id,
        HttpContext http)
    {
        var versions = await engine.Definitions.VersionsAsync(id, http.RequestAborted);
        return versions.Count > 0 ? versions : throw new KeyNotFoundException($"There is no workflow '{id}'.");
    }

    private static async Task<WorkflowDefinitionRecord> DraftOfAsync(WorkflowEngine engine, string id, HttpContext http) =>
        (await VersionsAsync(engine, id, http)).FirstOrDefault(r => r.Status == DefinitionStatus.Draft)
        ?? throw new KeyNotFoundException($"Workflow '{id}' has no draft.");

    private static WorkflowDefinitionView Summarise(
        string id,
        IReadOnlyList<WorkflowDefinitionRecord> versions,
        bool withDocument)
    {
        var published = versions.Where(r => r.Status == DefinitionStatus.Published).MaxBy(r => r.Version);
        var draft = versions.FirstOrDefault(r => r.Status == DefinitionStatus.Draft);
        return new WorkflowDefinitionView(
            id,
            published is null ? null : WorkflowVersionView.From(published, withDocument),
            draft is null ? null : WorkflowVersionView.From(draft, withDocument));
    }
}
