using Workflow.Engine.Validation;

namespace Workflow.Host.Api;

/// <summary>The <c>Idempotency-Key</c> header of a create: up to 200 visible ASCII characters.</summary>
internal static class Idempotency
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on a create answered from an earlier request with the same key.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxLength = 200;

    /// <exception cref="ValidationException">The key is repeated, too long or holds other characters.</exception>
    public static string? KeyOf(HttpRequest request)
    {
        var values = request.Headers[Header];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw new ValidationException(Header, $"is given {values.Count} times; send one key.");
        }

        var key = values[0] ?? "";
        var error = key switch
        {
            { Length: 0 } => "is empty; send a unique key such as a UUID, or leave the header out.",
            { Length: > MaxLength } => $"is {key.Length:N0} characters long; at most {MaxLength} are allowed.",
            _ when key.Any(c => c is < '!' or > '~') => "may hold only visible ASCII characters.",
            _ => null,
        };
        return error is null ? key : throw new ValidationException(Header, error);
    }
}
