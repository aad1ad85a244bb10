using Workflow.Engine.Rules;
using Workflow.Engine.Storage;
using Workflow.Sdk.Rules;

namespace Workflow.Host.Api;

/// <summary>One version of a rule set in its history; the document itself is read through the export.</summary>
internal sealed record RuleSetVersionView(
    string Id,
    int Version,
    string Status,
    int Revision,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt)
{
    public static RuleSetVersionView From(RuleSetRecord r) =>
        new(r.DefinitionId, r.Version, r.Status.ToString(), r.Revision, r.CreatedBy, r.CreatedAt, r.PublishedAt);
}

/// <summary>Whether a rule set compiles, with every error at the line and column of its rule's own text.</summary>
internal sealed record RuleCheckView(bool Compiles, int Rules, IReadOnlyList<RuleCompileError> Errors);

/// <summary>What a draft would change on stored tickets, against the rules in force.</summary>
internal sealed record SimulationView(int DraftVersion, string ComparedWith, IReadOnlyList<SimulatedChange> Changes);

/// <summary>A try-it evaluation: which rules fired in order, what they changed, and what failed.</summary>
internal sealed record TryView(
    string RuleSetVersion,
    IReadOnlyList<FiredRule> Fired,
    IReadOnlyList<RuleFault> Faults,
    IReadOnlyList<string> Quarantined,
    string? BudgetExhausted,
    TryOutcome Outcome)
{
    public static TryView From(RuleEvaluation e) => new(
        e.RuleSetVersion,
        e.Fired,
        e.Faults,
        e.Quarantined,
        e.BudgetExhausted,
        TryOutcome.From(e.Fact));
}

/// <summary>The fields rules decide, as the evaluation left them.</summary>
internal sealed record TryOutcome(
    string Kind,
    string? Category,
    string? Subcategory,
    string? Impact,
    string? Urgency,
    string? PriorityOverride,
    string? AssignmentGroup,
    IReadOnlyCollection<string> Tags,
    bool ProposeMajorIncident,
    bool ProposeProblem)
{
    public static TryOutcome From(TicketFact f) => new(
        f.Kind.ToString(),
        f.Category,
        f.Subcategory,
        f.Impact,
        f.Urgency,
        f.PriorityOverride,
        f.AssignmentGroup,
        f.Tags,
        f.ProposeMajorIncident,
        f.ProposeProblem);
}
