using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Workflow.Host.Api;

/// <summary>
/// A request body the JSON reader refused, told in the API's words: which field, what is wrong with it and where
/// in the body, never the name of a .NET type.
/// </summary>
/// <param name="Field">The JSON path without its leading <c>$.</c>, or <c>$</c> for the body as a whole.</param>
/// <param name="Message">What is wrong, as a predicate of the field ("must be a whole number.").</param>
/// <param name="Detail">One sentence with the 1-based line and position, for the problem's detail.</param>
internal sealed partial record JsonBodyError(string Field, string Message, string Detail)
{
    private const int LongestNameShown = 100;

    /// <summary>Describes why <paramref name="error"/> refused a body meant for <paramref name="requestType"/>.</summary>
    /// <param name="error">What the serializer threw.</param>
    /// <param name="requestType">The type the body was read into, when the endpoint declares it.</param>
    /// <param name="options">The options the body was read with, for the names and types of its fields.</param>
    public static JsonBodyError From(JsonException error, Type? requestType, JsonSerializerOptions options)
    {
        var path = string.IsNullOrEmpty(error.Path) ? "$" : error.Path;
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path == "$" ? "$" : path[1..];
        var message = Explain(error, path, requestType, options);

        var label = field == "$" ? "the body" : Shorten(field);
        var detail = error.LineNumber is { } line
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"At line {line + 1}, position {(error.BytePositionInLine ?? 0) + 1}, {label} {message}")
            : $"{char.ToUpperInvariant(label[0])}{label[1..]} {message}";
        return new JsonBodyError(Shorten(field), message, detail);
    }

    private static string Explain(JsonException error, string path, Type? requestType, JsonSerializerOptions options)
    {
        // The reader's own exceptions derive from JsonException and describe broken syntax in JSON's terms.
        if (error.InnerException is JsonException syntax)
        {
            return $"is not valid JSON: {ReaderReason(syntax.Message)}";
        }

        if (error.InnerException?.InnerException is DecoderFallbackException)
        {
            return "is not valid UTF-8 text.";
        }

        var target = requestType is null ? null : Resolve(requestType, path, options);
        return target switch
        {
            { Unknown: not null, Parent: { } parent } =>
                $"is not a known field; the fields here are {FieldNames(parent)}.",
            { Info: { } info } => Expected(info),
            _ => "does not hold a value of the kind this field takes.",
        };
    }

    /// <summary>
    /// The reader's message without its position (given separately, 1-based) and without its advice about
    /// reader options, which a client cannot change.
    /// </summary>
    private static string ReaderReason(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (at >= 0 ? message[..at] : message)
            .Replace(" which is not supported in this mode", "", StringComparison.Ordinal)
            .Replace(" Change the reader options.", "", StringComparison.Ordinal)
            .Trim();
        if (reason.Length > 1 && char.IsUpper(reason[0]) && char.IsLower(reason[1]))
        {
            reason = char.ToLowerInvariant(reason[0]) + reason[1..];
        }

        return reason.EndsWith('.') ? reason : reason + ".";
    }

    private static string Expected(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (type.IsEnum)
        {
            return $"must be one of {string.Join(", ", Enum.GetNames(type))}.";
        }

        return type switch
        {
            _ when type == typeof(string) => "must be text in double quotes.",
            _ when type == typeof(bool) => "must be true or false.",
            _ when type == typeof(int) => "must be a whole number from -2147483648 to 2147483647.",
            _ when type == typeof(long) => "must be a whole number.",
            _ when type == typeof(double) || type == typeof(decimal) => "must be a number.",
            _ when type == typeof(Guid) => "must be an id such as 0f8fad5b-d9cb-469f-a165-70867728950e.",
            _ when type == typeof(DateTimeOffset) =>
                "must be a time in ISO 8601 form, such as 2026-03-01T09:30:00+01:00.",
            _ => info.Kind switch
            {
                JsonTypeInfoKind.Object => $"must be a JSON object with the fields {FieldNames(info)}.",
                JsonTypeInfoKind.Enumerable => "must be a list in square brackets.",
                JsonTypeInfoKind.Dictionary => "must be a JSON object.",
                _ => "does not hold a value of the kind this field takes.",
            },
        };
    }

    /// <summary>
    /// Follows a path such as <c>$.reporter.name</c> or <c>$.items[2]</c> through the request type's contract.
    /// A last name that matches no field is an unknown field; anything the contract cannot follow is null.
    /// </summary>
    private static Target? Resolve(Type requestType, string path, JsonSerializerOptions options)
    {
        try
        {
            var current = options.GetTypeInfo(requestType);
            var segments = Segment().Matches(path[1..]).ToList();
            for (var i = 0; i < segments.Count; i++)
            {
                var segment = segments[i];
                var name = segment.Groups["name"].Success ? segment.Groups["name"].Value
                    : segment.Groups["quoted"].Success ? segment.Groups["quoted"].Value
                    : null;

                Type? next = (name, current.Kind) switch
                {
                    (null, JsonTypeInfoKind.Enumerable) => current.ElementType,
                    (not null, JsonTypeInfoKind.Dictionary) => current.ElementType,
                    (not null, JsonTypeInfoKind.Object) => Find(current, name, options)?.PropertyType,
                    _ => null,
                };
                if (next is null)
                {
                    var unknown = name is not null && current.Kind == JsonTypeInfoKind.Object && i == segments.Count - 1;
                    return unknown ? new Target(null, current, name) : null;
                }

                current = options.GetTypeInfo(next);
            }

            return new Target(current, null, null);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static JsonPropertyInfo? Find(JsonTypeInfo info, string name, JsonSerializerOptions options)
    {
        var comparison = options.PropertyNameCaseInsensitive
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;
        return info.Properties.FirstOrDefault(p => p.Name.Equals(name, comparison));
    }

    private static string FieldNames(JsonTypeInfo info) => string.Join(", ", info.Properties.Select(p => p.Name));

    /// <summary>A field named in the body can be any length; the answer quotes at most a sensible part of it.</summary>
    private static string Shorten(string text) =>
        text.Length <= LongestNameShown ? text : string.Concat(text.AsSpan(0, LongestNameShown), "…");

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex Segment();

    private sealed record Target(JsonTypeInfo? Info, JsonTypeInfo? Parent, string? Unknown);
}
