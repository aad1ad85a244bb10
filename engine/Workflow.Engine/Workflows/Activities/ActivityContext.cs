using Workflow.Engine.Categories;
using Workflow.Engine.Priority;
using Workflow.Engine.Rules;
using Workflow.Engine.Scripting;
using Workflow.Engine.Sla;
using Workflow.Engine.Tickets;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>Everything a node may read or change while it runs.</summary>
public sealed class ActivityContext
{
    public required Ticket Ticket { get; init; }

    public required NodeDefinition Node { get; init; }

    /// <summary>The instance the node runs in; notifications take their idempotency key from it.</summary>
    public WorkflowInstance? Instance { get; init; }

    /// <summary>The C# inputs of the workflow version, compiled once per version.</summary>
    public CompiledScripts Scripts { get; init; } = CompiledScripts.None;

    /// <summary>The SLA policy in force, whose support tiers an escalation follows; null without SLAs.</summary>
    public SlaPolicy? SlaPolicy { get; init; }

    public required PriorityScheme PriorityScheme { get; init; }

    public required CategoryTree Categories { get; init; }

    /// <summary>The time the step happens, the same for every node of one step.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The action that resumed the instance in this step, if one did; later nodes read its details.</summary>
    public TaskAction? Action { get; init; }

    public string Actor => Action?.Actor ?? "workflow";

    /// <summary>The rules in force, when the installation has any.</summary>
    public RuleEngine? Rules { get; init; }

    /// <summary>Service criticality and VIPs for the rules' facts.</summary>
    public FactDirectory? Directory { get; init; }

    /// <summary>Shared by every node of one step, so the rules run at most once per step.</summary>
    public required StepScope Step { get; init; }

    /// <summary>Why the node did what it did, beyond being in the workflow; goes into the journal entry.</summary>
    public List<string> Reasons { get; } = [];

    /// <summary>Set by a node whose run must be journaled even when it changed no field (a failed script).</summary>
    public bool AlwaysJournal { get; set; }

    /// <summary>Runs the rules on the ticket as it stands, once per step; null when there are no rules.</summary>
    public RuleEvaluation? EvaluateRules()
    {
        if (Rules is null)
        {
            return null;
        }

        if (Step.Evaluation is null)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Step.Evaluation = Rules.Evaluate(TicketFacts.From(Ticket, Step.Trend, Rules.Enrichers, Directory));
            EngineMetrics.RulesEvaluated(started, Step.Evaluation.RuleSetVersion);
            Record(Step.Evaluation);
            TakeOutcomes(Step.Evaluation);
        }

        return Step.Evaluation;
    }

    /// <summary>Every evaluation that fired or failed a rule leaves a journal entry: which, in which version.</summary>
    private void Record(RuleEvaluation evaluation)
    {
        if (evaluation.Fired.Count == 0 && evaluation.Faults.Count == 0 && evaluation.BudgetExhausted is null)
        {
            return;
        }

        var fired = evaluation.Fired.Select(f => f.Changes.Count == 0
            ? $"'{f.Name}'"
            : $"'{f.Name}' ({string.Join(", ", f.Changes.Select(c => $"{c.Field} {c.Old ?? "-"} -> {c.New ?? "-"}"))})");
        var parts = new List<string> { $"rule set {evaluation.RuleSetVersion} fired {string.Join("; ", fired)}" };
        parts.AddRange(evaluation.Faults.Select(f => $"rule '{f.Rule}' failed on {f.TicketKey}: {f.Message}"));
        parts.AddRange(evaluation.Quarantined.Select(q => $"rule '{q}' quarantined"));
        if (evaluation.BudgetExhausted is { } budget)
        {
            parts.Add(budget);
        }

        var changes = evaluation.Changes.Select(c => new FieldChange($"rule:{c.Field}", c.Old, c.New)).ToList();
        Ticket.AppendRecord("rules", "rules", string.Join(". ", parts), changes, Action?.At ?? Now);
    }

    /// <summary>Tags and proposals need no judgment to respect: the ticket takes them from every evaluation.</summary>
    private void TakeOutcomes(RuleEvaluation evaluation)
    {
        var fact = evaluation.Fact;
        Ticket.TakeRuleOutcomes(fact.Tags, fact.ProposeMajorIncident, fact.ProposeProblem);
        BecauseOfRules(evaluation, "Tags", "ProposeMajorIncident", "ProposeProblem");
    }

    /// <summary>Names the rules that decided a field, for the journal.</summary>
    public void BecauseOfRules(RuleEvaluation evaluation, params string[] fields)
    {
        var rules = evaluation.Changes.Where(c => fields.Contains(c.Field)).Select(c => c.Rule).Distinct();
        foreach (var rule in rules)
        {
            Reasons.Add($"rule '{rule}' ({evaluation.RuleSetVersion})");
        }
    }
}

/// <summary>What the nodes of one step share.</summary>
public sealed class StepScope
{
    public RuleEvaluation? Evaluation { get; set; }

    /// <summary>Counts of recent tickets like this one, looked up by the caller before the step.</summary>
    public Sdk.Rules.TrendFact? Trend { get; init; }

    /// <summary>Messages the step's nodes send; the caller writes them to the outbox with the step's changes.</summary>
    public List<WorkflowNotice> Notices { get; } = [];
}
