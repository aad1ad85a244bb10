using System.Text.Json;
using Workflow.Engine;
using Workflow.Engine.Catalog;
using Workflow.Host.Api.Access;

namespace Workflow.Host.Api;

/// <summary>
/// The category tree and the priority scheme over HTTP: anyone signed in reads them with their version as the
/// ETag; process owners replace a whole document with <c>If-Match</c> naming the version they edited. A refused
/// save stores nothing and changes nothing in force.
/// </summary>
internal static class CatalogEditEndpoints
{
    public static void MapCatalogEditEndpoints(this IEndpointRouteBuilder app)
    {
        var categories = app.MapGroup("/api/categories").WithTags("Categories");
        categories.MapGet("", GetCategoriesAsync)
            .WithSummary("The category tree as process owners saved it, and what plugins add; ETag is its version.")
            .RequireAuthorization(Policies.Reporter)
            .Produces<CategoryTreeDocument>().ApiProblems();
        categories.MapPut("", PutCategoriesAsync)
            .WithSummary("Replace the whole tree; If-Match names the version edited. Open tickets keep their values.")
            .RequireAuthorization(Policies.ProcessOwner)
            .Produces<CategoryTreeDocument>().ApiProblems(412, 428);
        categories.MapGet("versions", (WorkflowEngine engine, HttpContext http) =>
                VersionsAsync(engine, CatalogStore.CategoriesKind, http))
            .WithSummary("Every saved version of the tree, oldest first: who saved it and when.")
            .RequireAuthorization(Policies.Agent)
            .Produces<IReadOnlyList<CatalogVersionView>>().ApiProblems();

        var scheme = app.MapGroup("/api/priority-scheme").WithTags("Categories");
        scheme.MapGet("", GetSchemeAsync)
            .WithSummary("The priority scheme in force: scales and the matrix; ETag is its version.")
            .RequireAuthorization(Policies.Reporter)
            .Produces<PrioritySchemeDocument>().ApiProblems();
        scheme.MapPut("", PutSchemeAsync)
            .WithSummary("Replace the whole scheme; If-Match names the version edited. Levels the SLA policy "
                + "names cannot be removed.")
            .RequireAuthorization(Policies.ProcessOwner)
            .Produces<PrioritySchemeDocument>().ApiProblems(412, 428);
        scheme.MapGet("versions", (WorkflowEngine engine, HttpContext http) =>
                VersionsAsync(engine, CatalogStore.SchemeKind, http))
            .WithSummary("Every saved version of the scheme, oldest first: who saved it and when.")
            .RequireAuthorization(Policies.Agent)
            .Produces<IReadOnlyList<CatalogVersionView>>().ApiProblems();
    }

    private static Task<IResult> GetCategoriesAsync(WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            // Takes up a save made on another host at once, so the ETag sent is never older than the database's.
            await engine.CatalogStore.RefreshAsync(http.RequestAborted);
            var snapshot = engine.TicketCatalog.Current;
            http.Response.Headers.ETag = ETags.Of(snapshot.CategoriesVersion);
            return Results.Ok(CategoryTreeDocument.From(snapshot));
        });

    private static Task<IResult> GetSchemeAsync(WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            await engine.CatalogStore.RefreshAsync(http.RequestAborted);
            var snapshot = engine.TicketCatalog.Current;
            http.Response.Headers.ETag = ETags.Of(snapshot.SchemeVersion);
            return Results.Ok(PrioritySchemeDocument.From(snapshot.Scheme));
        });

    private static Task<IResult> PutCategoriesAsync(CategoryTreeDocument body, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var basedOn = await BasedOnAsync(engine, http, "category tree", s => s.CategoriesVersion);
            var json = JsonSerializer.Serialize(body with { PluginCategories = null }, JsonSerializerOptions.Web);
            var saved = await engine.CatalogStore.SaveCategoriesAsync(
                json,
                Actors.Of(http),
                basedOn,
                http.RequestAborted);
            http.Response.Headers.ETag = ETags.Of(saved.Version);
            return Results.Ok(CategoryTreeDocument.From(engine.TicketCatalog.Current));
        });

    private static Task<IResult> PutSchemeAsync(PrioritySchemeDocument body, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var basedOn = await BasedOnAsync(engine, http, "priority scheme", s => s.SchemeVersion);
            var json = JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
            var saved = await engine.CatalogStore.SaveSchemeAsync(json, Actors.Of(http), basedOn, http.RequestAborted);
            http.Response.Headers.ETag = ETags.Of(saved.Version);
            return Results.Ok(PrioritySchemeDocument.From(engine.TicketCatalog.Current.Scheme));
        });

    private static Task<IResult> VersionsAsync(WorkflowEngine engine, string kind, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var versions = await engine.CatalogStore.VersionsAsync(kind, http.RequestAborted);
            return Results.Ok(versions.Select(CatalogVersionView.From).ToList());
        });

    /// <summary>The version <c>If-Match</c> names; <c>*</c> means the newest, whatever it is.</summary>
    /// <exception cref="PreconditionRequiredException">No <c>If-Match</c> header.</exception>
    private static async Task<int> BasedOnAsync(
        WorkflowEngine engine,
        HttpContext http,
        string noun,
        Func<CatalogSnapshot, int> version)
    {
        if (http.Request.Headers.IfMatch.Count == 0)
        {
            throw new PreconditionRequiredException(
                $"Send the {noun}'s ETag in If-Match, so a change saved since you read it is not overwritten.");
        }

        if (ETags.Expected(http.Request) is { } expected)
        {
            return expected;
        }

        await engine.CatalogStore.RefreshAsync(http.RequestAborted);
        return version(engine.TicketCatalog.Current);
    }
}
