using System.Security.Claims;
using Workflow.Engine.Access;

namespace Workflow.Host.Api.Access;

/// <summary>Who sent a request, as its API key says: a name, a role and, for a reporter, their user name.</summary>
internal sealed record Caller(string Name, ApiRole Role, string? UserName)
{
    public const string RoleClaim = "workflow:role";
    public const string UserNameClaim = "workflow:userName";

    public bool IsReporter => Role == ApiRole.Reporter;

    public bool AtLeast(ApiRole role) => Role >= role;

    public static Caller? From(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            && Enum.TryParse<ApiRole>(user.FindFirstValue(RoleClaim), out var role)
            ? new Caller(user.Identity.Name ?? "", role, user.FindFirstValue(UserNameClaim))
            : null;

    public static Caller Of(HttpContext http) =>
        From(http.User) ?? throw new InvalidOperationException("The endpoint was reached without an API key.");

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, Name), new(RoleClaim, Role.ToString()) };
        if (UserName is not null)
        {
            claims.Add(new Claim(UserNameClaim, UserName));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
