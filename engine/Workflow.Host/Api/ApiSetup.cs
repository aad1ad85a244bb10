using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using Workflow.Engine;
using Workflow.Engine.Access;
using Workflow.Engine.Problems;
using Workflow.Engine.Queries;
using Workflow.Engine.Reports;
using Workflow.Engine.Tickets;
using Workflow.Host.Api.Access;
using Workflow.Host.Api.Reference;
using Workflow.Host.Telemetry;

namespace Workflow.Host.Api;

/// <summary>
/// Registers and maps the whole HTTP API: keys, users, sessions and roles, endpoints, OpenAPI, health and metrics.
/// </summary>
internal static class ApiSetup
{
    /// <summary>The largest request body accepted; a larger one is answered with 413 before it is read.</summary>
    public const string MaxBodySetting = "Api:MaxRequestBodyBytes";

    public const long DefaultMaxBody = 1024 * 1024;

    /// <summary>Registers the API's services; on a fresh installation, issues the first administrator key.</summary>
    public static async Task AddWorkflowApiAsync(this WebApplicationBuilder builder, WorkflowEngine engine)
    {
        var services = builder.Services;
        var keys = new ApiKeyStore(engine.Contexts, engine.Time);
        services.AddSingleton(keys);
        services.AddSingleton(new FirstStartKey(await keys.EnsureFirstKeyAsync()));
        var users = new UserStore(engine.Contexts, engine.Time);
        services.AddSingleton(users);
        services.AddSingleton(new TicketChangeService(engine.Contexts, engine.Time));
        services.AddSingleton(new TicketQuery(engine.Contexts));
        services.AddSingleton(new ReportService(engine.Contexts));
        services.AddSingleton(new ProblemService(engine.Contexts, engine.Time));
        var majors = new MajorIncidentService(engine.Contexts, engine.Tickets, engine.Time);
        services.AddSingleton(majors);
        services.AddSingleton(new MajorIncidentProposals(engine.Contexts, majors));
        services.AddSingleton<TicketCreation>();
        services.AddSingleton<ApiMetrics>();

        services.AddKeyOrSession(users, engine.Time);
        services.AddAuthorization(Policies.Add);
        services.AddOpenApi(OpenApiDocument.Configure);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ApiMetrics.MeterName, EngineMetrics.MeterName, "Microsoft.AspNetCore.Hosting")
            .AddPrometheusExporter());

        var maxBody = builder.Configuration.GetValue(MaxBodySetting, DefaultMaxBody);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);
    }

    public static void MapWorkflowApi(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseCrossSiteGuard();
        app.UseAuthorization();

        app.MapGet("/api/health", HealthAsync)
            .WithTags("Host")
            .WithSummary("200 while the host runs and reaches its database, 503 otherwise.")
            .Produces<HealthView>().Produces<HealthView>(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapReferencePage();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();

        app.MapKeyEndpoints();
        app.MapSessionEndpoints();
        app.MapUserEndpoints();
        app.MapTicketEndpoints();
        app.MapExplanationEndpoints();
        app.MapRuleSetEndpoints();
        app.MapProblemEndpoints();
        app.MapWorkflowEndpoints();
        app.MapCatalogEndpoints();
        app.MapCatalogEditEndpoints();
        app.MapReportEndpoints();
    }

    private static async Task<IResult> HealthAsync(WorkflowEngine engine, CancellationToken cancellationToken)
    {
        await using var db = engine.Contexts.Create();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? Results.Ok(new HealthView("ok"))
            : Results.Json(new HealthView("unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>Whether the host can serve.</summary>
internal sealed record HealthView(string Status);

/// <summary>The administrator key issued on this start, when the installation had none; shown once, then gone.</summary>
internal sealed record FirstStartKey(string? Key);
