using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Workflow.Host.Api;

/// <summary>
/// A ticket's entity tag is its stored version in quotes. <c>If-Match</c> names the version a write is based on.
/// </summary>
internal static class ETags
{
    public static string Of(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version <c>If-Match</c> names, null when the header is absent or <c>*</c>.</summary>
    /// <exception cref="Workflow.Engine.Validation.ValidationException">The header is not one version's tag.</exception>
    public static int? Expected(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        if (EntityTagHeaderValue.TryParse(header, out var tag)
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw new Workflow.Engine.Validation.ValidationException(
            HeaderNames.IfMatch,
            $"'{Shorten(header)}' is not an entity tag this API sent; use the ETag of what you read, such as \"3\".");
    }

    /// <summary>
    /// The draft revision a save is based on: <c>If-None-Match: *</c> says the editor saw no draft (revision 0, so a
    /// draft someone else started meanwhile is a conflict), otherwise what <c>If-Match</c> names.
    /// </summary>
    public static int? ExpectedDraft(HttpRequest request) =>
        request.Headers.IfNoneMatch.ToString().Trim() == "*" ? 0 : Expected(request);

    /// <summary>The version <c>If-Match</c> names (null for <c>*</c>); a write is refused without the header.</summary>
    /// <exception cref="PreconditionRequiredException">No <c>If-Match</c> header.</exception>
    public static int? Required(HttpRequest request) =>
        request.Headers.IfMatch.Count > 0
            ? Expected(request)
            : throw new PreconditionRequiredException(
                "Send the ticket's ETag in If-Match, so a change made since you read it is not overwritten.");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>A write that must name the version it is based on named none; answered with 428.</summary>
internal sealed class PreconditionRequiredException(string message) : Exception(message);
