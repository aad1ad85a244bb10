namespace Workflow.Engine.Tests.Rules;

/// <summary>
/// Rule tests that change <see cref="Workflow.Engine.Rules.RuleGuard.Budget"/>, a static every rule set reads,
/// or that measure the whole process's memory; they run one at a time after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IsolatedRulesCollection
{
    public const string Name = "Rules run alone";
}
