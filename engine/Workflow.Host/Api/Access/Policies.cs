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

    public static void Add(AuthorizationOptions options)
    {
        foreach (var role in Enum.GetValues<ApiRole>())
        {
            options.AddPolicy(role.ToString(), policy => policy
                .AddAuthenticationSchemes(SessionAuthentication.Either)
                .RequireAuthenticatedUser()
                .RequireAssertion(ctx => Caller.From(ctx.User)?.AtLeast(role) == true));
        }

        options.FallbackPolicy = options.GetPolicy(Reporter);
    }
}
