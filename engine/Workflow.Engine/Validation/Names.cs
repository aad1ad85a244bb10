namespace Workflow.Engine.Validation;

/// <summary>
/// Reads an enum value from exactly one of its names, ignoring case. Unlike <see cref="Enum.TryParse{TEnum}(string?,
/// bool, out TEnum)"/> it refuses numbers and comma-separated combinations, which would silently mean another value.
/// </summary>
public static class Names
{
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        foreach (var name in Enum.GetNames<T>())
        {
            if (name.Equals(text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<T>(name);
                return true;
            }
        }

        value = default;
        return false;
    }
}
