using System.Text;
using Workflow.Engine;
using Workflow.Engine.Rules;
using Workflow.Engine.Storage;
using Workflow.Engine.Validation;
using Workflow.Host.Api.Access;
using Workflow.Sdk.Rules;

namespace Workflow.Host.Api;

/// <summary>
/// Company rule sets over HTTP: version history, export of a version, drafts (saved or imported from an exported
/// file), a compile check for inline errors, try-it on one ticket, the simulation of a draft against stored
/// tickets, and publishing.
/// </summary>
internal static class RuleSetEndpoints
{
    /// <summary>The largest rule-set document taken, far above any hand-written set.</summary>
    private const int MaxDocument = 4 * 1024 * 1024;

    private const int DefaultSimulated = 10_000;

    public static void MapRuleSetEndpoints(this IEndpointRouteBuilder app)
    {
        var sets = app.MapGroup("/api/rule-sets").WithTags("Rule sets").RequireAuthorization(Policies.ProcessOwner);
        sets.MapGet("{id}/versions", VersionsAsync)
            .WithSummary("Every version of a rule set, oldest first, without documents.")
            .Produces<IReadOnlyList<RuleSetVersionView>>().ApiProblems(404);
        sets.MapGet("{id}/versions/{version:int}", ExportAsync)
            .WithSummary("One version's document exactly as stored, as a file to import elsewhere.")
            .Produces<RuleSetDocument>().ApiProblems(404);
        sets.MapPut("{id}/draft", SaveDraftAsync)
            .WithSummary("Create or replace the draft; If-Match names the revision the editor started from, "
                + "If-None-Match: * that it saw no draft.")
            .Accepts<RuleSetDocument>("application/json")
            .Produces<RuleSetVersionView>().ApiProblems(409, 413);
        sets.MapPost("import", ImportAsync)
            .WithSummary("Take an exported document as the next draft of the rule set it names.")
            .Accepts<RuleSetDocument>("application/json")
            .Produces<RuleSetVersionView>(StatusCodes.Status201Created).ApiProblems(409, 413);
        sets.MapPost("check", CheckAsync)
            .WithSummary("Compile a document without saving it; every error at its rule, part, line and column.")
            .Accepts<RuleSetDocument>("application/json")
            .Produces<RuleCheckView>().ApiProblems(413);
        sets.MapPost("{id}/publish", PublishAsync)
            .WithSummary("Publish the draft once it compiles and put it in force.")
            .Produces<RuleSetVersionView>().ApiProblems(404, 409);
        sets.MapPost("{id}/draft/try", TryAsync)
            .WithSummary("Evaluate the draft on one ticket, stored (ticketId) or described in the body.")
            .Accepts<TryRequest>("application/json")
            .Produces<TryView>().ApiProblems(404);
        sets.MapPost("{id}/draft/simulate", SimulateAsync)
            .WithSummary("The stored tickets the draft would decide differently from the rules in force.")
            .Produces<SimulationView>().ApiProblems(404);
    }

    private static Task<IResult> VersionsAsync(string id, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var versions = await engine.RuleSets.VersionsAsync(id, http.RequestAborted);
            return versions.Count == 0
                ? throw new KeyNotFoundException($"There is no rule set '{id}'.")
                : Results.Ok(versions.Select(RuleSetVersionView.From));
        });

    /// <summary>A version's document exactly as stored: the file that import takes back.</summary>
    private static Task<IResult> ExportAsync(string id, int version, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var json = await engine.RuleSets.ExportAsync(id, version, http.RequestAborted);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"rule-set.{id}.v{version}.json\"";
            return Results.Text(json, "application/json", Encoding.UTF8);
        });

    /// <summary>Saves the body as the draft; <c>If-Match</c> names the draft revision the editor started from.</summary>
    private static Task<IResult> SaveDraftAsync(string id, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var actor = Actors.Of(http);
            var json = await BodyAsync(http);
            var saved = await engine.RuleSets.SaveDraftAsync(
                id,
                json,
                actor,
                ETags.ExpectedDraft(http.Request),
                http.RequestAborted);
            http.Response.Headers.ETag = ETags.Of(saved.Revision);
            return Results.Ok(RuleSetVersionView.From(saved));
        });

    /// <summary>Takes an exported file as the new draft of the rule set it names.</summary>
    private static Task<IResult> ImportAsync(WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var actor = Actors.Of(http);
            var json = await BodyAsync(http);
            var (id, _) = RuleSetDocument.Parse(json);
            var draft = await engine.RuleSets.DraftAsync(id, http.RequestAborted);
            var saved = await engine.RuleSets.SaveDraftAsync(
                id,
                json,
                actor,
                draft?.Record.Revision,
                http.RequestAborted);
            return Results.Created($"/api/rule-sets/{id}/versions/{saved.Version}", RuleSetVersionView.From(saved));
        });

    /// <summary>Compiles a rule set without saving it; the answer lists each error at its line and column.</summary>
    private static Task<IResult> CheckAsync(WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var (id, rules) = RuleSetDocument.Parse(await BodyAsync(http));
            try
            {
                engine.Rules.Trial($"{id} (check)", rules).Set.Unload();
                return Results.Ok(new RuleCheckView(true, rules.Count, []));
            }
            catch (RuleCompileException ex)
            {
                return Results.Ok(new RuleCheckView(false, rules.Count, ex.Errors));
            }
        });

    private static Task<IResult> PublishAsync(string id, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            await DraftAsync(engine, id, http.RequestAborted);
            var published = await engine.RuleSets.PublishAsync(id, http.RequestAborted);
            return Results.Ok(RuleSetVersionView.From(published));
        });

    /// <summary>Evaluates the draft beside the rule packs on one ticket, stored or described in the body.</summary>
    private static Task<IResult> TryAsync(string id, TryRequest? body, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            var fact = await FactAsync(body, engine, http);
            var (_, rules) = await DraftAsync(engine, id, http.RequestAborted);
            var (trial, set) = engine.Rules.Trial($"{id} draft", rules);
            try
            {
                return Results.Ok(TryView.From(trial.Evaluate(fact)));
            }
            finally
            {
                set.Unload();
            }
        });

    private static Task<IResult> SimulateAsync(string id, int? max, WorkflowEngine engine, HttpContext http) =>
        ApiErrors.GuardAsync(async () =>
        {
            if (max is < 1)
            {
                throw new ValidationException("max", "must be 1 or more.");
            }

            var (record, rules) = await DraftAsync(engine, id, http.RequestAborted);
            var (trial, set) = engine.Rules.Trial($"{id} v{record.Version} draft", rules);
            try
            {
                var changes = await engine.Simulator.SimulateAsync(
                    engine.Rules.Current,
                    trial,
                    max ?? DefaultSimulated,
                    http.RequestAborted);
                return Results.Ok(new SimulationView(record.Version, engine.Rules.Current.Version, changes));
            }
            finally
            {
                set.Unload();
            }
        });

    private static async Task<(RuleSetRecord Record, IReadOnlyList<CompanyRule> Rules)> DraftAsync(
        WorkflowEngine engine,
        string id,
        CancellationToken cancellationToken) =>
        await engine.RuleSets.DraftAsync(id, cancellationToken)
            ?? throw new KeyNotFoundException($"Rule set '{id}' has no draft; save one first.");

    private static async Task<TicketFact> FactAsync(TryRequest? body, WorkflowEngine engine, HttpContext http)
    {
        if (body is null)
        {
            throw new ValidationException("$", "a JSON body with a ticketId or a subject is required.");
        }

        if (body.TicketId is { } ticketId)
        {
            var (ticket, _) = await TicketAccess.ReadAsync(engine, ticketId, Caller.Of(http), http.RequestAborted);
            return TicketFacts.From(ticket, enrichers: engine.Rules.Current.Enrichers, directory: engine.Rules.Directory);
        }

        if (string.IsNullOrWhiteSpace(body.Subject))
        {
            throw new ValidationException("subject", "is required when no ticketId is given.");
        }

        return new TicketFact("sample")
        {
            Subject = body.Subject,
            Description = body.Description ?? "",
            AffectedService = body.AffectedService,
            ConfigurationItem = body.ConfigurationItem,
            AffectedUsers = body.AffectedUsers,
            Reporter = new ReporterFact { Department = body.Department, Vip = body.Vip ?? false },
            Service = engine.Rules.Directory.Service(body.AffectedService, body.ConfigurationItem),
        };
    }

    private static async Task<string> BodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxDocument)
        {
            throw new BadHttpRequestException("The rule set is larger than 4 MB.", StatusCodes.Status413PayloadTooLarge);
        }

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(http.RequestAborted);
        return string.IsNullOrWhiteSpace(json)
            ? throw new ValidationException("$", "a rule-set document is required.")
            : json;
    }

    internal sealed record TryRequest(
        long? TicketId,
        string? Subject,
        string? Description,
        string? AffectedService,
        string? ConfigurationItem,
        int? AffectedUsers,
        string? Department,
        bool? Vip);
}
