namespace Workflow.Engine.Rules;

/// <summary>A problem with one rule's source, at a line and column of the text the process owner wrote.</summary>
public sealed record RuleCompileError(string Rule, string Part, int Line, int Column, string Message)
{
    public override string ToString() => $"{Rule} {Part} ({Line},{Column}): {Message}";
}

/// <summary>Thrown when a rule set does not compile; every error names its rule, part, line and column.</summary>
public sealed class RuleCompileException(IReadOnlyList<RuleCompileError> errors)
    : Exception("The rule set does not compile: " + string.Join("; ", errors))
{
    public IReadOnlyList<RuleCompileError> Errors { get; } = errors;
}
