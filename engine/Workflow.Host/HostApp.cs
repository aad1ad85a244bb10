using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Workflow.Engine;
using Workflow.Host.Api;
using Workflow.Host.Cli;
using Workflow.Host.Plugins;
using Workflow.Host.Jobs;
using Workflow.Host.Designer;

namespace Workflow.Host;

/// <summary>Builds and runs the web host: the engine behind the HTTP API.</summary>
public static class HostApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Decodes <c>X-Actor</c> as UTF-8; bytes that are not UTF-8 become U+FFFD and are refused.</summary>
    private static readonly Encoding ActorEncoding = new UTF8Encoding(false, throwOnInvalidBytes: false);

    /// <summary>Serves until Ctrl+C.</summary>
    /// <returns>0 after a clean stop, 1 when the address cannot be bound, 2 when a setting is refused.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter errors)
    {
        WebApplication app;
        try
        {
            app = await BuildAsync(args);
        }
        catch (EngineSettingException ex)
        {
            errors.WriteLine($"serve: {ex.Message}");
            return 2;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync();
            }
            catch (IOException ex)
            {
                // Kestrel says which address it could not bind and why, for example that it is in use.
                errors.WriteLine($"serve: {ex.Message} Stop the other server or choose another address with --urls.");
                return 1;
            }

            if (app.Services.GetRequiredService<FirstStartKey>().Key is { } key)
            {
                errors.WriteLine($"serve: first start; the administrator API key is {key}");
                errors.WriteLine("serve: it is shown only this once. Keep it safe; issue other keys with POST /api/keys");
                errors.WriteLine("serve: and create users who sign in with a password with POST /api/users.");
            }

            await app.WaitForShutdownAsync();
        }

        return 0;
    }

    /// <summary>Builds the app without starting it, so tests can choose the address and the settings.</summary>
    /// <exception cref="EngineSettingException">An engine setting is refused; the line names it.</exception>
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

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.RequestHeaderEncodingSelector = name =>
            name.Equals(Api.Access.Actors.Header, StringComparison.OrdinalIgnoreCase) ? ActorEncoding : null);

        // A failed start is reported in one line by RunAsync; the host's own error entry would add a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        configure?.Invoke(builder);

        var engine = await EngineSettings.StartAsync(EngineSettings.Read(builder.Configuration), time);
        builder.Services.AddSingleton(engine);
        await builder.AddWorkflowApiAsync(engine);
        builder.Services.AddHostedService<PluginHosting>();
        builder.Services.AddHostedService<CatalogRefresher>();
        builder.AddWorkflowJobs(engine);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = DescribeBadRequest);
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // Enums travel by name only: a number would silently pick whichever value has it.
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));

            // A misspelt field ("prioriy") would otherwise be dropped without a word. Only reading is affected.
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
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
        app.UseDesigner();
        app.MapWorkflowApi();
        app.MapPluginEndpoints();
        app.MapWorkflowJobs();
        app.MapLiveViewEndpoints();
        return app;
    }

    private static void DescribeBadRequest(ProblemDetailsContext ctx)
    {
        if (ctx.Exception is BadHttpRequestException bad)
        {
            ctx.ProblemDetails.Status = bad.StatusCode;
            ctx.HttpContext.Response.StatusCode = bad.StatusCode;
            if (bad.InnerException is JsonException json)
            {
                // A body the JSON reader refused says which field, what is wrong and where, as validation does.
                var endpoint = ctx.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
                var requestType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
                var options = ctx.HttpContext.RequestServices
                    .GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
                var error = JsonBodyError.From(json, requestType, options);

                ctx.ProblemDetails.Title = ApiErrors.RefusedTitle;
                ctx.ProblemDetails.Detail = error.Detail;
                ctx.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]>
                {
                    [error.Field] = [error.Message],
                };
            }
            else
            {
                ctx.ProblemDetails.Detail = bad.InnerException?.Message ?? bad.Message;
            }
        }

        if (ctx.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
        {
            ctx.ProblemDetails.Detail ??= "Send the body as JSON with the content type application/json.";
        }
    }
}
