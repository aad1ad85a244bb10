using Workflow.Engine.Validation;

namespace Workflow.Host.Api.Access;

/// <summary>
/// Who the journal names for a request: the API key's name or the signed-in user's user name, or the person named
/// in <c>X-Actor</c> when an agent's key (an integration such as a mail gateway) acts on someone's behalf.
/// </summary>
internal static class Actors
{
    public const string Header = "X-Actor";

    public const int MaxActor = 100;

    /// <summary>Names the engine journals its own steps under; a caller taking one would pass as the engine.</summary>
    private static readonly string[] Reserved = ["workflow", "system", "rules"];

    /// <exception cref="ValidationException">The name is too long, not UTF-8, holds a control character or is
    /// one of the engine's own.</exception>
    /// <exception cref="ApiForbiddenException">A reporter's key or a signed-in user names someone else.</exception>
    public static string Of(HttpContext http)
    {
        var caller = Caller.Of(http);
        var values = http.Request.Headers[Header];
        if (values.Count > 1)
        {
            throw new ValidationException(Header, $"is given {values.Count} times; name one actor.");
        }

        var actor = values.FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(actor))
        {
            return caller.Name;
        }

        if (caller.IsReporter)
        {
            throw new ApiForbiddenException($"A reporter acts under their own name; leave out {Header}.");
        }

        if (caller.SignedIn)
        {
            throw new ApiForbiddenException($"A signed-in user acts under their own name; leave out {Header}.");
        }

        var error = Check(actor);
        return error is null ? actor : throw new ValidationException(Header, error);
    }

    /// <summary>Why a name cannot stand in the journal, or null when it can.</summary>
    public static string? Check(string actor) => actor switch
    {
        { Length: > MaxActor } => $"is {actor.Length:N0} characters long; at most {MaxActor} are allowed.",
        { Length: 0 } => "is required.",
        _ when actor.Contains('\uFFFD') => "is not valid UTF-8.",
        _ when actor.Any(char.IsControl) => "holds a control character.",
        _ when Reserved.Contains(actor, StringComparer.OrdinalIgnoreCase) =>
            $"'{actor}' is reserved for the engine's own journal entries.",
        _ => null,
    };
}
