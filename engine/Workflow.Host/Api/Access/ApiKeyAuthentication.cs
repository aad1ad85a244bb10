using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Workflow.Engine.Access;

namespace Workflow.Host.Api.Access;

/// <summary>
/// Reads the API key from <c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>. Answers for both schemes
/// when authentication is missing (401) or the role is too low (403), both as problem details.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyHeader = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyFrom(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var record = await keys.CheckAsync(key, Context.RequestAborted);
        if (record is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var caller = new Caller(record.Name, record.Role, record.UserName);
        return AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = KeyFrom(Request) is null
            ? $"Send an API key as 'Authorization: Bearer KEY' or '{KeyHeader}: KEY', "
                + "or sign in with POST /api/session."
            : "The API key is unknown or revoked.";
        return WriteAsync(StatusCodes.Status401Unauthorized, "Authentication required.", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var caller = Caller.From(Context.User);
        var who = caller?.SignedIn == true ? "The user" : "The key";
        var detail = $"{who} '{caller?.Name}' has the role {caller?.Role}, which may not do this.";
        return WriteAsync(StatusCodes.Status403Forbidden, "Not allowed for this role.", detail);
    }

    private async Task WriteAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>Whether the request sends a key at all, right or wrong; if so, the key alone decides.</summary>
    public static bool HasKey(HttpRequest request) => KeyFrom(request) is not null;

    private static string? KeyFrom(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        var key = request.Headers[KeyHeader].ToString().Trim();
        return key.Length > 0 ? key : null;
    }
}
