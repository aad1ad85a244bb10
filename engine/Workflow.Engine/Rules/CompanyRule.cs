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

    /// <summary>A notice through the outbox; the value, if any, is its text. Carried out by the sweep.</summary>
    Notify,

    /// <summary>One priority level up. Carried out by the sweep.</summary>
    RaisePriority,

    /// <summary>To the next support tier. Carried out by the sweep.</summary>
    Reassign,

    /// <summary>One step more urgency. Carried out by the sweep.</summary>
    RaiseUrgency,
}

/// <summary>
/// A rule a process owner writes as data: a name, a salience (higher fires first), a C# condition over
/// <c>ticket</c> (a <see cref="Workflow.Sdk.Rules.TicketFact"/>) and an action.
/// </summary>
public sealed record CompanyRule(string Name, int Salience, string Condition, RuleActionKind Action, string? Value);
