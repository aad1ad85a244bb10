namespace Workflow.Engine.Validation;

/// <summary>
/// Limits on free text: a length cap, and no control characters other than line breaks and tabs (a NUL byte,
/// for one, cannot be stored in PostgreSQL at all).
/// </summary>
public static class TextInput
{
    public const int ShortText = 200;
    public const int LongText = 100_000;

    /// <summary>Adds an error naming the field when the text is too long or holds a control character.</summary>
    public static void Check(List<FieldError> errors, string field, string? value, int max = ShortText)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > max)
        {
            errors.Add(new(field, $"is {value.Length:N0} characters long; at most {max:N0} are allowed."));
        }

        var bad = value.AsSpan().IndexOfAnyInRange('\0', '\u001f');
        while (bad >= 0 && value[bad] is '\n' or '\r' or '\t')
        {
            var next = value.AsSpan(bad + 1).IndexOfAnyInRange('\0', '\u001f');
            bad = next < 0 ? -1 : bad + 1 + next;
        }

        if (bad >= 0)
        {
            errors.Add(new(field, $"holds the control character U+{(int)value[bad]:X4} at position {bad + 1}."));
        }
    }
}
