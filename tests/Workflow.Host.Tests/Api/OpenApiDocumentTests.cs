using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// The OpenAPI document names every endpoint the host maps, each with a typed answer and, where it takes one,
/// a typed body; the reference page is served without a key.
/// </summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task GetOpenApi_EveryMappedEndpoint_IsDescribedWithTypedBodiesAndAnswers()
    {
        await using var host = await TestHost.StartAsync();
        var mapped = MappedOperations(host);

        using var response = await host.Anonymous.GetAsync("/openapi/v1.json");
        var document = await response.JsonAsync();

        var described = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                described.Add($"{method.ToUpperInvariant()} {path}");
                var ok = operation!["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToList();
                Assert.True(ok.Count > 0, $"{method} {path} has no success answer.");
                Assert.All(ok, r => Assert.NotNull(r.Value!["content"]));
                var answers401 = path == "/api/health" || operation["responses"]!["401"] is not null;
                Assert.True(answers401, $"{method} {path} has no 401.");
            }
        }

        Assert.Equal(mapped.Keys.Order(), described.Order());
        foreach (var (operation, takesBody) in mapped.Where(m => m.Value))
        {
            var parts = operation.Split(' ');
            var body = document["paths"]![parts[1]]![parts[0].ToLowerInvariant()]!["requestBody"];
            Assert.True(body?["content"]?["application/json"]?["schema"] is not null, $"{operation} has no typed body.");
        }
    }

    [Fact]
    public async Task GetOpenApi_Document_DeclaresTheBearerKey()
    {
        await using var host = await TestHost.StartAsync();

        var document = await (await host.Anonymous.GetAsync("/openapi/v1.json")).JsonAsync();

        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["apiKey"]!["scheme"]!.GetValue<string>());
        Assert.NotNull(document["security"]![0]!["apiKey"]);
    }

    [Fact]
    public async Task GetReference_NoKey_ServesThePageThatReadsTheDocument()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Anonymous.GetAsync("/api/reference");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("fetch(\"/openapi/v1.json\")", await response.Content.ReadAsStringAsync());
    }

    /// <summary>"METHOD /path" of every API endpoint the host maps, and whether it declares a JSON body.</summary>
    private static Dictionary<string, bool> MappedOperations(TestHost host)
    {
        var sources = host.Services.GetServices<EndpointDataSource>();
        var operations = new Dictionary<string, bool>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var excluded = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>();
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal) || pattern == "/api/reference"
                || excluded?.ExcludeFromDescription == true)
            {
                continue;
            }

            var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+):\w+\}", "{$1}");
            foreach (var method in methods)
            {
                operations[$"{method} {path}"] = endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null;
            }
        }

        return operations;
    }
}
