namespace Workflow.Engine.Scripting;

/// <summary>Whether a workflow's C# input is a true-or-false condition or statements that change the ticket.</summary>
public enum ScriptKind
{
    Condition,
    Statements,
}

/// <summary>One C# input of one workflow node, as its author wrote it.</summary>
public sealed record ScriptSource(string NodeId, string Input, ScriptKind Kind, string Text);

/// <summary>A problem with one node's C# input, at a line and column of the text its author wrote.</summary>
public sealed record ScriptCompileError(string NodeId, string Input, int Line, int Column, string Message)
{
    public override string ToString() => $"node '{NodeId}' input '{Input}' ({Line},{Column}): {Message}";
}

/// <summary>Thrown when a workflow's C# does not compile; every error names its node, input, line and column.</summary>
public sealed class ScriptCompileException(IReadOnlyList<ScriptCompileError> errors)
    : Exception("The workflow's C# does not compile: " + string.Join("; ", errors))
{
    public IReadOnlyList<ScriptCompileError> Errors { get; } = errors;
}
