using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Workflow.Host.Api.Access;

namespace Workflow.Host.Api.Reference;

/// <summary>Describes the API as a whole: its title and how every operation but a few is authenticated.</summary>
internal static class OpenApiDocument
{
    public const string SchemeName = "apiKey";

    public const string SessionSchemeName = "session";

    public static void Configure(OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info = new OpenApiInfo
        {
            Title = "Workflow incident management API",
            Version = "v1",
            Description = "Tickets, workflows, problems and reports. Send an API key as 'Authorization: Bearer KEY' "
                + $"or '{ApiKeyAuthentication.KeyHeader}: KEY', "
                + "or sign in with POST /api/session for a session cookie "
                + $"(changes then need '{CrossSiteGuard.Header}: XMLHttpRequest'). "
                + "Errors are problem-details documents.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key issued by an administrator, or the one printed on first start.",
        };
        document.Components.SecuritySchemes[SessionSchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = SessionAuthentication.CookieName,
            Description = "The session cookie POST /api/session sets for a user's name and password.",
        };

        // Either one will do: a key or a session.
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeName, document)] = [],
        });
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SessionSchemeName, document)] = [],
        });
        return Task.CompletedTask;
    });
}
