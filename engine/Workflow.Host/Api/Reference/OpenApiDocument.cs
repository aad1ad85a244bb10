using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Workflow.Host.Api.Access;

namespace Workflow.Host.Api.Reference;

/// <summary>Describes the API as a whole: its title and the API key every operation but a few needs.</summary>
internal static class OpenApiDocument
{
    public const string SchemeName = "apiKey";

    public static void Configure(OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info = new OpenApiInfo
        {
            Title = "Workflow incident management API",
            Version = "v1",
            Description = "Tickets, workflows, problems and reports. Send an API key as 'Authorization: Bearer KEY' "
                + $"or '{ApiKeyAuthentication.KeyHeader}: KEY'. Errors are problem-details documents.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key issued by an administrator, or the one printed on first start.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeName, document)] = [],
        });
        return Task.CompletedTask;
    });
}
