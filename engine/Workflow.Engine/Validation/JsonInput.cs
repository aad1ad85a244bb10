using System.Text.Json;

namespace Workflow.Engine.Validation;

/// <summary>Reads a JSON settings document; a syntax error is refused naming the source, line and position.</summary>
internal static class JsonInput
{
    public static readonly JsonSerializerOptions Lenient = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <exception cref="ValidationException">The document is not valid JSON.</exception>
    public static T? Read<T>(Stream json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Lenient);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
            throw new ValidationException(source, $"not valid JSON{where}: {ex.Message}");
        }
    }
}
