namespace Workflow.Engine.Validation;

/// <summary>One problem with an input, naming the field (a JSON path or a column) and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
