using RulesEngine.Models;
using Workflow.Benchmarks.Rules;
using Workflow.Sdk.Rules;
using Workflow.Sdk.Tickets;

namespace Workflow.Benchmarks.Engines;

/// <summary>
/// The rule set in Microsoft RulesEngine: one workflow whose rules are lambda expressions over the input
/// <c>ticket</c>, in salience order. RulesEngine only says which expressions held; the benchmark then runs
/// the action of each rule that held, in salience order. Every expression sees the ticket as it arrived.
/// </summary>
internal sealed class MicrosoftRules
{
    private const string WorkflowName = "company";
    private const string Input = "ticket";

    private readonly RulesEngine.RulesEngine _engine;
    private readonly Dictionary<string, BenchmarkRule> _byName;

    public MicrosoftRules(IReadOnlyList<BenchmarkRule> rules)
    {
        var order = BenchmarkRule.InFiringOrder(rules);
        _byName = order.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var workflow = new RulesEngine.Models.Workflow
        {
            WorkflowName = WorkflowName,
            Rules = [.. order.Select(r => new Rule
            {
                RuleName = r.Name,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = r.Condition,
                SuccessEvent = r.Name,
            })],
        };
        var settings = new ReSettings { CustomTypes = [typeof(TicketFact), typeof(IntakeChannel)] };
        _engine = new RulesEngine.RulesEngine([workflow], settings);
    }

    public void Apply(TicketFact ticket)
    {
        var results = _engine.ExecuteAllRulesAsync(WorkflowName, new RuleParameter(Input, ticket)).GetAwaiter().GetResult();
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                _byName[result.Rule.RuleName].Apply(ticket);
            }
        }
    }

    /// <summary>Runs the rules and lists those whose expression held, in firing order; throws on a failed expression.</summary>
    public IReadOnlyList<string> Trace(TicketFact ticket)
    {
        var results = _engine.ExecuteAllRulesAsync(WorkflowName, new RuleParameter(Input, ticket)).GetAwaiter().GetResult();
        var failed = results.FirstOrDefault(r => !string.IsNullOrEmpty(r.ExceptionMessage));
        if (failed is not null)
        {
            throw new InvalidOperationException($"RulesEngine failed on rule '{failed.Rule.RuleName}': {failed.ExceptionMessage}");
        }

        var fired = new List<string>();
        foreach (var result in results.Where(r => r.IsSuccess))
        {
            _byName[result.Rule.RuleName].Apply(ticket);
            fired.Add(result.Rule.RuleName);
        }

        return fired;
    }
}
