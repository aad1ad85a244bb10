namespace Workflow.Engine.Workflows;

/// <summary>A workflow could not run as defined (a missing connection, a loop with no blocking node).</summary>
public class WorkflowException(string message) : InvalidOperationException(message);

/// <summary>
/// Another action changed the same workflow instance first; the caller should reload and decide again.
/// </summary>
public sealed class WorkflowConflictException(string message) : WorkflowException(message);
