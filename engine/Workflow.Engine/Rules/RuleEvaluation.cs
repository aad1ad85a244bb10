using Workflow.Sdk.Rules;

namespace Workflow.Engine.Rules;

/// <summary>One rule that fired, in firing order, with the changes its action made.</summary>
public sealed record FiredRule(string Name, int Order, IReadOnlyList<FactChange> Changes);

/// <summary>A rule that failed during an evaluation; the others went on.</summary>
public sealed record RuleFault(string Rule, string TicketKey, string Message);

/// <summary>What one evaluation of a ticket decided and why.</summary>
public sealed class RuleEvaluation
{
    /// <summary>
    /// The ticket as the session holds it at the end: the fact first inserted, or the copy a rule updated in its
    /// place (identity is the key, so a copy replaces it).
    /// </summary>
    public required TicketFact Fact { get; set; }

    /// <summary>Every change the rules made, in the order they made them, whichever copy they made it on.</summary>
    public List<FactChange> Changes { get; } = [];

    public required string RuleSetVersion { get; init; }

    public List<FiredRule> Fired { get; } = [];

    public List<RuleFault> Faults { get; } = [];

    /// <summary>Rules stopped for running past their time budget during this evaluation.</summary>
    public List<string> Quarantined { get; } = [];

    /// <summary>Set when the firing budget ran out: the rules kept re-activating each other.</summary>
    public string? BudgetExhausted { get; set; }
}
