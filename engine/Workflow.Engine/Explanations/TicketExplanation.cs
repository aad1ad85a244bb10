namespace Workflow.Engine.Explanations;

/// <summary>A rule that decided a field, and the rule-set version it belonged to.</summary>
public sealed record DecidingRule(string Name, string Version);

/// <summary>
/// Why one field of a ticket has its value: the journal entry that last set it (when, who, which step and
/// why), the rules named there, and the rule evaluation of that step with the values the rules produced.
/// </summary>
public sealed record FieldExplanation(
    string Field,
    string? Value,
    DateTimeOffset? SetAt,
    string? SetBy,
    string? Action,
    string? Reason,
    IReadOnlyList<DecidingRule> Rules,
    string? Evaluation);

/// <summary>Why a ticket has its kind, category, priority and assignment group.</summary>
public sealed record TicketExplanation(
    long TicketId,
    IReadOnlyList<FieldExplanation> Fields,
    string? Priority);
