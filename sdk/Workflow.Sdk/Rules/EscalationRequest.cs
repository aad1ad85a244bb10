namespace Workflow.Sdk.Rules;

/// <summary>One escalation a rule asked for on a <see cref="TicketFact"/>. Immutable.</summary>
/// <param name="Kind">What the rule asks for.</param>
/// <param name="Note">For a notice, the text the rule gave it; otherwise null.</param>
/// <param name="Rule">The name of the rule that asked.</param>
public sealed record EscalationRequest(EscalationKind Kind, string? Note, string Rule);
