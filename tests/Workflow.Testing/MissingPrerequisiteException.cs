namespace Workflow.Testing;

/// <summary>Fails a test under CI when something it needs is missing, where a developer's run would skip it.</summary>
public sealed class MissingPrerequisiteException(string message) : Exception(message);
