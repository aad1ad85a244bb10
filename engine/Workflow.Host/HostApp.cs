using Workflow.Engine;
using Workflow.Host.Api;

namespace Workflow.Host;

/// <summary>Builds and runs the web host: the engine behind the HTTP API.</summary>
public static class HostApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(string[] args)
    {
        var app = await BuildAsync(args);
        await app.RunAsync();
        return 0;
    }

    /// <summary>Builds the app without starting it, so tests can choose the address and the settings.</summary>
    public static async Task<WebApplication> BuildAsync(
        string[] args,
        Action<WebApplicationBuilder>? configure = null,
        TimeProvider? time = null)
    {
        // Settings ship beside the executable; the database path stays relative to where the host is started.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var urls = builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"];
        if (string.IsNullOrEmpty(urls))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        configure?.Invoke(builder);

        var options = builder.Configuration.GetSection("Engine").Get<EngineOptions>() ?? new EngineOptions();
        var engine = await WorkflowEngine.StartAsync(options, time);
        builder.Services.AddSingleton(engine);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ctx =>
        {
            // A body that is not valid JSON says where it broke, not just "Bad Request".
            if (ctx.Exception is BadHttpRequestException bad)
            {
                ctx.ProblemDetails.Status = bad.StatusCode;
                ctx.ProblemDetails.Detail = bad.InnerException?.Message ?? bad.Message;
                ctx.HttpContext.Response.StatusCode = bad.StatusCode;
            }

            if (ctx.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                ctx.ProblemDetails.Detail ??= "Send the body as JSON with the content type application/json.";
            }
        });
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // Enums travel by name only: a number would silently pick whichever value has it.
            json.SerializerOptions.Converters.Add(
                new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false));
        });

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad
                ? bad.StatusCode
                : StatusCodes.Status500InternalServerError,

            // A client's malformed body is its mistake, not the server's: no error log with a stack trace.
            SuppressDiagnosticsCallback = ctx => ctx.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        app.MapGet("/api/health", () => Results.Ok(new { status = "ok" }));
        app.MapTicketEndpoints();
        return app;
    }
}
