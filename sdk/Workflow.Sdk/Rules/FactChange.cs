namespace Workflow.Sdk.Rules;

/// <summary>
/// One change a rule made to a <see cref="TicketFact"/>: the field, its value before and after, and the rule.
/// </summary>
/// <param name="Field">The property that changed, for example <c>Category</c>.</param>
/// <param name="Old">The value before the change; null when it was not set.</param>
/// <param name="New">The value after the change; null when the rule cleared it.</param>
/// <param name="Rule">The name of the rule whose action made the change.</param>
public sealed record FactChange(string Field, string? Old, string? New, string Rule);
