using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Workflow.Engine.Access;

namespace Workflow.Host.Api.Access;

/// <summary>
/// How a request is authenticated: by an API key when it sends one, otherwise by the session cookie a user gets
/// from <c>POST /api/session</c>. Both give the same <see cref="Caller"/>, so roles and policies do not care which.
/// </summary>
internal static class SessionAuthentication
{
    /// <summary>The default scheme of the app; it hands each request to the key or the cookie scheme.</summary>
    public const string Either = "KeyOrSession";

    public const string SchemeName = "Session";

    public const string CookieName = "workflow.session";

    /// <summary>A session ends after this long without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    private const string StampClaim = "workflow:sessionStamp";

    public static void AddKeyOrSession(this IServiceCollection services, UserStore users, TimeProvider time)
    {
        services.AddAuthentication(Either)
            .AddPolicyScheme(Either, "API key or session cookie", options =>
            {
                options.ForwardDefaultSelector = http =>
                    ApiKeyAuthentication.HasKey(http.Request) ? ApiKeyAuthentication.SchemeName : SchemeName;

                // One answer for both: a 401 or 403 problem, never a redirect to a sign-in page.
                options.ForwardChallenge = ApiKeyAuthentication.SchemeName;
                options.ForwardForbid = ApiKeyAuthentication.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddCookie(SchemeName, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Cookie.Path = "/";
                options.ExpireTimeSpan = IdleTimeout;
                options.SlidingExpiration = true;
                options.TimeProvider = time;
                options.Events.OnValidatePrincipal = ctx => ValidateAsync(ctx, users);
            });
    }

    /// <summary>The principal a session carries for <paramref name="user"/>.</summary>
    public static ClaimsPrincipal PrincipalOf(UserRecord user) =>
        new Caller(user.UserName, user.Role, user.UserName, user.DisplayName)
            .ToPrincipal(SchemeName, new Claim(StampClaim, user.SessionStamp));

    /// <summary>
    /// Looks the user up on every request, so disabling them or resetting their password ends their sessions at
    /// once, and a new role applies to the next request.
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext ctx, UserStore users)
    {
        var userName = ctx.Principal?.FindFirstValue(Caller.UserNameClaim);
        var stamp = ctx.Principal?.FindFirstValue(StampClaim);
        var user = userName is null || stamp is null
            ? null
            : await users.FindSessionUserAsync(userName, stamp, ctx.HttpContext.RequestAborted);
        if (user is null)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(SchemeName);
            return;
        }

        ctx.ReplacePrincipal(PrincipalOf(user));
    }
}
