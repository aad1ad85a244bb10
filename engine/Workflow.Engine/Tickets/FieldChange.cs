namespace Workflow.Engine.Tickets;

/// <summary>One field's value before and after a change; null stands for "not set".</summary>
public sealed record FieldChange(string Field, string? Old, string? New);
