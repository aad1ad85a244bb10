namespace Workflow.Engine.Validation;

/// <summary>Thrown when an input is refused; nothing of it was applied.</summary>
public sealed class ValidationException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join("; ", errors))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public ValidationException(string field, string message)
        : this([new FieldError(field, message)])
    {
    }
}
