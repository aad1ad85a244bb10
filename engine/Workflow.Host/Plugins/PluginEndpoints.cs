using Workflow.Engine;
using Workflow.Engine.Plugins;
using Workflow.Host.Api;
using Workflow.Host.Api.Access;
using Workflow.Sdk.Endpoints;

namespace Workflow.Host.Plugins;

/// <summary><c>GET /api/plugins</c> lists what is loaded and refused; plugins' own endpoints sit below it.</summary>
internal static class PluginEndpoints
{
    public static void MapPluginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plugins", (WorkflowEngine engine) => Results.Ok(PluginListing.From(engine.Plugins)))
            .WithTags("Plugins")
            .WithSummary("The plugins loaded, with their versions and what each adds, and those refused with why.")
            .RequireAuthorization(Policies.Agent)
            .Produces<PluginListing>().ApiProblems();

        // A plugin's own endpoint takes the body and the credentials its sender speaks (an Alertmanager payload
        // with its token, say), so it is neither behind an API key nor described by this API's document.
        app.MapPost("/api/plugins/{plugin}/{**path}", HandleAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> HandleAsync(string plugin, string path, WorkflowEngine engine, HttpContext http)
    {
        var endpoint = engine.Plugins.Endpoints.FirstOrDefault(e =>
            e.Plugin.Equals(plugin, StringComparison.OrdinalIgnoreCase)
            && e.Endpoint.Path.Equals(path, StringComparison.OrdinalIgnoreCase));
        if (endpoint.Endpoint is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                detail: $"No plugin named '{plugin}' serves '{path}'.");
        }

        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var headers = http.Request.Headers.ToDictionary(
            h => h.Key,
            h => h.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);
        var sink = new PluginTicketSink(engine, endpoint.Plugin.ToLowerInvariant());

        var response = await endpoint.Endpoint.HandleAsync(new InboundRequest(body, headers), sink, http.RequestAborted);
        return Results.Content(response.Json, "application/json", statusCode: response.Status);
    }
}

/// <summary>What <c>GET /api/plugins</c> answers.</summary>
internal sealed record PluginListing(IReadOnlyList<PluginListing.Loaded> Plugins, IReadOnlyList<PluginRefusal> Refused)
{
    public static PluginListing From(PluginSet set) => new(
        [.. set.Loaded.Select(p => new Loaded(
            p.Info.Name,
            p.Info.Version,
            p.Info.Description,
            p.SdkVersion.ToString(3),
            p.Contributions.Describe()))],
        set.Refused);

    internal sealed record Loaded(string Name, string Version, string Description, string Sdk, IReadOnlyList<string> Adds);
}
