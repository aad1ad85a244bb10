using NRules.RuleModel;

namespace Workflow.Engine.Rules;

/// <summary>A rule definition with the priority its rank across every source gives it; all else is the rule's.</summary>
internal sealed class RankedRule(IRuleDefinition rule, int priority) : IRuleDefinition
{
    public string Name => rule.Name;

    public string Description => rule.Description;

    public int Priority => priority;

    public RuleRepeatability Repeatability => rule.Repeatability;

    public IReadOnlyList<string> Tags => rule.Tags;

    public PropertyMap Properties => rule.Properties;

    public DependencyGroupElement DependencyGroup => rule.DependencyGroup;

    public FilterGroupElement FilterGroup => rule.FilterGroup;

    public GroupElement LeftHandSide => rule.LeftHandSide;

    public ActionGroupElement RightHandSide => rule.RightHandSide;
}
