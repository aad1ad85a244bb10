using Workflow.Engine.Access;
using Workflow.Engine.Validation;

namespace Workflow.Host.Api.Access;

/// <summary>API keys: administrators issue, list and revoke them.</summary>
internal static class KeyEndpoints
{
    public static void MapKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/keys").WithTags("Access").RequireAuthorization(Policies.Administrator);
        keys.MapPost("", IssueAsync)
            .WithSummary("Issue a key; the answer is the only place the key itself is ever shown.")
            .Accepts<KeyRequest>("application/json")
            .Produces<IssuedKeyView>(StatusCodes.Status201Created).ApiProblems(413, 415);
        keys.MapGet("", async (ApiKeyStore store, HttpContext http) =>
                Results.Ok((await store.ListAsync(http.RequestAborted)).Select(KeyView.From).ToList()))
            .WithSummary("Every key, without the keys themselves.")
            .Produces<IReadOnlyList<KeyView>>().ApiProblems();
        keys.MapDelete("{id:long}", (long id, ApiKeyStore store, HttpContext http) => Api.ApiErrors.GuardAsync(async () =>
                Results.Ok(KeyView.From(await store.RevokeAsync(id, http.RequestAborted)))))
            .WithSummary("Revoke a key; this host refuses it at once, other hosts within 30 seconds.")
            .Produces<KeyView>().ApiProblems(404);
    }

    private static Task<IResult> IssueAsync(KeyRequest? body, ApiKeyStore store, HttpContext http) =>
        Api.ApiErrors.GuardAsync(async () =>
        {
            var errors = new List<FieldError>();
            var name = body?.Name?.Trim() ?? "";
            if (Actors.Check(name) is { } problem)
            {
                errors.Add(new("name", problem));
            }

            if (body?.Role is null)
            {
                errors.Add(new("role", $"is required: one of {string.Join(", ", Enum.GetNames<ApiRole>())}."));
            }

            TextInput.Check(errors, "userName", body?.UserName);
            if (body?.Role == ApiRole.Reporter && string.IsNullOrWhiteSpace(body.UserName))
            {
                errors.Add(new("userName", "is required for a reporter: it says which tickets are theirs."));
            }

            if (errors.Count > 0)
            {
                throw new ValidationException(errors);
            }

            var (key, record) = await store.IssueAsync(
                name, body!.Role!.Value, body.UserName?.Trim(), Caller.Of(http).Name, http.RequestAborted);
            return Results.Created($"/api/keys/{record.Id}", new IssuedKeyView(key, KeyView.From(record)));
        });
}

/// <summary>A key to issue: whose it is, its role and, for a reporter, their user name.</summary>
internal sealed record KeyRequest(string? Name, ApiRole? Role, string? UserName);

/// <summary>What is stored about a key.</summary>
internal sealed record KeyView(
    long Id,
    string Name,
    ApiRole Role,
    string? UserName,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt)
{
    public static KeyView From(ApiKeyRecord k) =>
        new(k.Id, k.Name, k.Role, k.UserName, k.CreatedAt, k.CreatedBy, k.RevokedAt);
}

/// <summary>A newly issued key, shown this once.</summary>
internal sealed record IssuedKeyView(string Key, KeyView Details);
