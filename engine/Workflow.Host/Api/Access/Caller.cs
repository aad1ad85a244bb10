using System.Security.Claims;
using Workflow.Engine.Access;

namespace Workflow.Host.Api.Access;

/// <summary>
/// Who sent a request: an API key's name, role and, for a reporter, their user name; or a signed-in user, named
/// by their user name, with their display name.
/// </summary>
internal sealed record Caller(string Name, ApiRole Role, string? UserName, string? DisplayName = null)
{
    public const string RoleClaim = "workflow:role";
    public const string UserNameClaim = "workflow:userName";
    public const string DisplayNameClaim = "workflow:displayName";

    public bool IsReporter => Role == ApiRole.Reporter;

    /// <summary>Whether the caller signed in with a password rather than sending an API key.</summary>
    public bool SignedIn => DisplayName is not null;

    public bool AtLeast(ApiRole role) => Role >= role;

    public static Caller? From(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            && Enum.TryParse<ApiRole>(user.FindFirstValue(RoleClaim), out var role)
            ? new Caller(
                user.Identity.Name ?? "",
                role,
                user.FindFirstValue(UserNameClaim),
                user.FindFirstValue(DisplayNameClaim))
            : null;

    public static Caller Of(HttpContext http) =>
        From(http.User) ?? throw new InvalidOperationException("The endpoint was reached without authentication.");

    /// <summary>The claims of this caller; <paramref name="extra"/> adds scheme-specific ones.</summary>
    public ClaimsPrincipal ToPrincipal(string scheme, params Claim[] extra)
    {
        // The standard role claim too, so User.IsInRole works for code outside the API such as the dashboard.
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, Name),
            new(RoleClaim, Role.ToString()),
            new(ClaimTypes.Role, Role.ToString()),
        };
        if (UserName is not null)
        {
            claims.Add(new Claim(UserNameClaim, UserName));
        }

        if (DisplayName is not null)
        {
            claims.Add(new Claim(DisplayNameClaim, DisplayName));
        }

        claims.AddRange(extra);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
