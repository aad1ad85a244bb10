using Workflow.Engine;
using Workflow.Engine.Access;
using Workflow.Engine.Validation;

namespace Workflow.Host.Api.Access;

/// <summary>Users who sign in with a password: administrators create, list and change them.</summary>
internal static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Access").RequireAuthorization(Policies.Administrator);
        users.MapPost("", CreateAsync)
            .WithSummary("Create a user with a role and an initial password of at least 12 characters.")
            .Accepts<UserRequest>("application/json")
            .Produces<UserView>(StatusCodes.Status201Created).ApiProblems(409, 413, 415);
        users.MapGet("", async (UserStore store, WorkflowEngine engine, HttpContext http) =>
            {
                var now = engine.Time.GetUtcNow();
                var users = await store.ListAsync(http.RequestAborted);
                return Results.Ok(users.Select(u => UserView.From(u, now)).ToList());
            })
            .WithSummary("Every user, without their password hashes.")
            .Produces<IReadOnlyList<UserView>>().ApiProblems();
        users.MapPatch("{userName}", ChangeAsync)
            .WithSummary("Change a user's role or display name, disable or enable them, or reset their password; "
                + "disabling or a new password ends their sessions.")
            .Accepts<UserChange>("application/json")
            .Produces<UserView>().ApiProblems(404, 413, 415);
    }

    private static Task<IResult> CreateAsync(
        UserRequest? body,
        UserStore store,
        WorkflowEngine engine,
        ILoggerFactory logs,
        HttpContext http) => ApiErrors.GuardAsync(async () =>
    {
        var errors = new List<FieldError>();
        var userName = body?.UserName?.Trim() ?? "";
        UserInput.CheckUserName(errors, userName);
        UserInput.CheckDisplayName(errors, body?.DisplayName, required: true);
        if (body?.Role is null)
        {
            errors.Add(new("role", $"is required: one of {string.Join(", ", Enum.GetNames<ApiRole>())}."));
        }

        UserInput.CheckPassword(errors, body?.Password, userName, required: true);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var actor = Caller.Of(http).Name;
        var user = await store.CreateAsync(
            userName, body!.DisplayName!.Trim(), body.Role!.Value, body.Password!, actor, http.RequestAborted);
        SessionLog.Created(logs.CreateLogger(SessionLog.Category), user.UserName, user.Role.ToString(), actor);
        return Results.Created($"/api/users/{user.UserName}", UserView.From(user, engine.Time.GetUtcNow()));
    });

    private static Task<IResult> ChangeAsync(
        string userName,
        UserChange? body,
        UserStore store,
        WorkflowEngine engine,
        ILoggerFactory logs,
        HttpContext http) => ApiErrors.GuardAsync(async () =>
    {
        var errors = new List<FieldError>();
        if (body is null || body is { Role: null, DisplayName: null, Disabled: null, Password: null })
        {
            errors.Add(new("body", "names nothing to change: give role, displayName, disabled or password."));
        }

        UserInput.CheckDisplayName(errors, body?.DisplayName, required: false);
        UserInput.CheckPassword(errors, body?.Password, userName, required: false);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var user = await store.UpdateAsync(
            userName, body!.Role, body.DisplayName?.Trim(), body.Disabled, body.Password, http.RequestAborted);
        SessionLog.Changed(logs.CreateLogger(SessionLog.Category), user.UserName, Caller.Of(http).Name, Describe(body));
        return Results.Ok(UserView.From(user, engine.Time.GetUtcNow()));
    });

    /// <summary>What was changed, for the log; never the password itself.</summary>
    private static string Describe(UserChange change) => string.Join(", ", new[]
    {
        change.Role is { } role ? $"role {role}" : null,
        change.DisplayName is not null ? "display name" : null,
        change.Disabled is { } off ? (off ? "disabled" : "enabled") : null,
        change.Password is not null ? "password reset" : null,
    }.OfType<string>());
}

/// <summary>A user to create: a lower-case user name, a display name, a role and an initial password.</summary>
internal sealed record UserRequest(string? UserName, string? DisplayName, ApiRole? Role, string? Password);

/// <summary>What to change about a user; fields left out stay as they are.</summary>
internal sealed record UserChange(ApiRole? Role, string? DisplayName, bool? Disabled, string? Password);

/// <summary>A user as stored, without the password hash; <c>lockedUntil</c> only while a lockout lasts.</summary>
internal sealed record UserView(
    string UserName,
    string DisplayName,
    ApiRole Role,
    bool Disabled,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    public static UserView From(UserRecord u, DateTimeOffset now) => new(
        u.UserName,
        u.DisplayName,
        u.Role,
        u.Disabled,
        u.LockedUntil > now ? u.LockedUntil : null,
        u.LastSignInAt,
        u.CreatedAt,
        u.CreatedBy);
}
