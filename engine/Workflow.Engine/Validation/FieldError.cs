namespace Workflow.Engine.Validation;

/// <summary>One problem with an input, naming the field (a JSON path or a column) and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Message)
{
    /// <summary>For a field holding code: the line of the problem within it, 1-based.</summary>
    public int? Line { get; init; }

    /// <summary>For a field holding code: the column of the problem within its line, 1-based.</summary>
    public int? Column { get; init; }

    public override string ToString() => $"{Field}: {Message}";
}
