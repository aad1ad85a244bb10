using Microsoft.AspNetCore.Authentication;
using Workflow.Engine.Access;
using Workflow.Engine.Validation;

namespace Workflow.Host.Api.Access;

/// <summary>
/// Signing in with a user name and password for a session cookie, signing out, and asking who the caller is.
/// </summary>
internal static class SessionEndpoints
{
    public const string Path = "/api/session";

    public const string RefusedDetail =
        "The user name or the password is not right, or the account is disabled or locked for a while.";

    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, SignInAsync)
            .WithTags("Access")
            .WithSummary("Sign in: sets an HttpOnly session cookie. Send X-Requested-With: XMLHttpRequest.")
            .Accepts<SessionRequest>("application/json")
            .Produces<CallerView>().ApiProblems(413, 415)
            .AllowAnonymous();
        app.MapDelete(Path, SignOutAsync)
            .WithTags("Access")
            .WithSummary("Sign out: ends the user's sessions in every browser. Send X-Requested-With: XMLHttpRequest.")
            .Produces<CallerView>().ApiProblems()
            .RequireAuthorization(Policies.Reporter);
        app.MapGet("/api/me", (HttpContext http) => Results.Ok(CallerView.From(Caller.Of(http))))
            .WithTags("Access")
            .WithSummary("Who the API key or the session in this request belongs to and what its role is.")
            .Produces<CallerView>().ApiProblems()
            .RequireAuthorization(Policies.Reporter);
    }

    private static Task<IResult> SignInAsync(
        SessionRequest? body,
        UserStore users,
        ILoggerFactory logs,
        HttpContext http) => ApiErrors.GuardAsync(async () =>
    {
        var errors = new List<FieldError>();
        var userName = body?.UserName?.Trim().ToLowerInvariant() ?? "";
        if (userName.Length == 0)
        {
            errors.Add(new("userName", "is required."));
        }

        TextInput.Check(errors, "userName", userName, UserInput.MaxUserName);
        if (string.IsNullOrEmpty(body?.Password))
        {
            errors.Add(new("password", "is required."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var logger = logs.CreateLogger(SessionLog.Category);
        var user = await users.SignInAsync(userName, body!.Password!, http.RequestAborted);
        if (user is null)
        {
            SessionLog.Refused(logger, userName);
            return Results.Problem(
                RefusedDetail,
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign-in failed.");
        }

        var principal = SessionAuthentication.PrincipalOf(user);
        await http.SignInAsync(SessionAuthentication.SchemeName, principal, new AuthenticationProperties());
        SessionLog.SignedIn(logger, user.UserName);
        return Results.Ok(CallerView.From(Caller.From(principal)!));
    });

    private static async Task<IResult> SignOutAsync(HttpContext http, UserStore users, ILoggerFactory logs)
    {
        var caller = Caller.Of(http);
        await http.SignOutAsync(SessionAuthentication.SchemeName);
        if (caller.SignedIn)
        {
            await users.EndSessionsAsync(caller.Name, http.RequestAborted);
            SessionLog.SignedOut(logs.CreateLogger(SessionLog.Category), caller.Name);
        }

        return Results.Ok(CallerView.From(caller));
    }
}

/// <summary>A sign-in: the user name (any case) and the password.</summary>
internal sealed record SessionRequest(string? UserName, string? Password);

/// <summary>The caller: a key's name or a signed-in user's user name, the role, and a user's display name.</summary>
internal sealed record CallerView(string Name, ApiRole Role, string? UserName, string? DisplayName, bool SignedIn)
{
    public static CallerView From(Caller caller) =>
        new(caller.Name, caller.Role, caller.UserName, caller.DisplayName, caller.SignedIn);
}
