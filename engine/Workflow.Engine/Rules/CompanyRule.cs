namespace Workflow.Engine.Rules;

/// <summary>What a company rule does when its condition holds.</summary>
public enum RuleActionKind
{
    SetKind,
    SetCategory,
    SetSubcategory,
    SetImpact,
    SetUrgency,
    OverridePriority,
    SetAssignmentGroup,
    AddTag,
    ProposeMajorIncident,
    ProposeProblem,

    /// <summary>The value is one or more C# statements over <c>ticket</c>.</summary>
    Statement,
}

/// <summary>
/// A rule a process owner writes as data: a name, a salience (higher fires first), a C# condition over
/// <c>ticket</c> (a <see cref="Workflow.Sdk.Rules.TicketFact"/>) and an action.
/// </summary>
public sealed record CompanyRule(string Name, int Salience, string Condition, RuleActionKind Action, string? Value);
