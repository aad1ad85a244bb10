namespace Workflow.Testing;

/// <summary>The failure a test interceptor raises in place of a real database error.</summary>
public sealed class InjectedFaultException(string message) : Exception(message);
