using Microsoft.AspNetCore.Authorization;
using Workflow.Engine.Access;

namespace Workflow.Host.Api.Access;

/// <summary>One authorization policy per role; each admits that role and every role above it.</summary>
internal static class Policies
{
    public const string Reporter = nameof(ApiRole.Reporter);
    public const string Agent = nameof(ApiRole.Agent);
    public const string ProcessOwner = nameof(ApiRole.ProcessOwner);
    public const string Administrator = nameof(ApiRole.Administrator);

    /// <summary>
    /// The administrator role read from whoever the request's authentication made the user, whatever the scheme:
    /// the API key today, a signed-in session once there is one. Used where a browser, not only the API, comes in.
    /// </summary>
    public const string AdministratorUser = "AdministratorUser";

    public static void Add(AuthorizationOptions options)
    {
        foreach (var role in Enum.GetValues<ApiRole>())
        {
            options.AddPolicy(role.ToString(), policy => policy
                .AddAuthenticationSchemes(SessionAuthentication.Either)
                .RequireAuthenticatedUser()
                .RequireAssertion(ctx => Caller.From(ctx.User)?.AtLeast(role) == true));
        }

        options.AddPolicy(AdministratorUser, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx => IsAdministrator(ctx.User)));

        options.FallbackPolicy = options.GetPolicy(Reporter);
    }

    /// <summary>Our own role claim, or the standard role claim another sign-in scheme would carry.</summary>
    private static bool IsAdministrator(System.Security.Claims.ClaimsPrincipal user) =>
        Caller.From(user)?.AtLeast(ApiRole.Administrator) == true || user.IsInRole(Administrator);
}
