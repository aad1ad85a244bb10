namespace Workflow.Engine.Jobs;

/// <summary>
/// A time-based company rule that acted on a ticket in a sweep. A rule acts on a ticket once: while its
/// condition keeps holding (the ticket stays unassigned, the breach stays), later sweeps find this row and
/// leave the ticket alone. The key is the ticket and the rule's name, so a new rule-set version that keeps
/// the name does not act again.
/// </summary>
public sealed class RuleFiring
{
    public long TicketId { get; private set; }

    public string Rule { get; private set; } = "";

    /// <summary>The rule-set version the rule was evaluated in, for example <c>company v3</c>.</summary>
    public string RuleSet { get; private set; } = "";

    public DateTimeOffset FiredAt { get; private set; }

    private RuleFiring()
    {
    }

    public static RuleFiring Create(long ticketId, string rule, string ruleSet, DateTimeOffset at) => new()
    {
        TicketId = ticketId,
        Rule = rule,
        RuleSet = ruleSet,
        FiredAt = at,
    };
}
