using Workflow.Engine.Priority;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>Stage 4: derives the priority from impact and urgency through the configured matrix.</summary>
public sealed class PrioritiseActivity : IActivity
{
    public string Type => "prioritise";

    public ActivityDescriptor Descriptor { get; } = new(
        "prioritise",
        "Prioritise",
        "prioritisation",
        "Looks the priority up in the impact-by-urgency matrix; unjudged values take the scheme's defaults.",
        [new InputDescriptor("fromAction", "boolean", "Refuse an action that does not name the new values")],
        ["done"]);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => Descriptor.Outcomes;

    public ActivityResult Execute(ActivityContext context)
    {
        var ticket = context.Ticket;
        if (context.Node.Flag("fromAction") && context.Action?.Impact is null && context.Action?.Urgency is null)
        {
            throw new ValidationException("impact", $"'{context.Action?.Outcome}' needs an impact or an urgency.");
        }

        // A ticket keeps the scheme it was prioritised with, so codes of two schemes never mix on one ticket.
        var scheme = ticket.PriorityScheme is { } own && own != context.PriorityScheme.Id
            ? PrioritySchemeLoader.TryBuiltIn(own) ?? context.PriorityScheme
            : context.PriorityScheme;

        var impactText = context.Action?.Impact ?? ticket.Impact;
        var urgencyText = context.Action?.Urgency ?? ticket.Urgency;
        var evaluation = impactText is null || urgencyText is null || context.Action is null
            ? context.EvaluateRules()
            : null;
        if (evaluation is not null)
        {
            var fromRules = new List<string>();
            if (impactText is null && evaluation.Fact.Impact is { } impactRule)
            {
                impactText = impactRule;
                fromRules.Add("Impact");
            }

            if (urgencyText is null && evaluation.Fact.Urgency is { } urgencyRule)
            {
                urgencyText = urgencyRule;
                fromRules.Add("Urgency");
            }

            context.BecauseOfRules(evaluation, [.. fromRules]);
        }

        var impact = impactText is null ? scheme.DefaultImpact : scheme.FindImpact(impactText);
        var urgency = urgencyText is null ? scheme.DefaultUrgency : scheme.FindUrgency(urgencyText);
        var errors = new List<FieldError>();

        if (impact is null)
        {
            errors.Add(new("impact", Unknown(impactText, scheme.Impacts)));
        }

        if (urgency is null)
        {
            errors.Add(new("urgency", Unknown(urgencyText, scheme.Urgencies)));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var priority = scheme.PriorityFor(impact!.Code, urgency!.Code);
        if (evaluation?.Fact.PriorityOverride is { } overridden && scheme.FindLevel(overridden) is { } level)
        {
            priority = level;
            context.BecauseOfRules(evaluation, "PriorityOverride");
        }

        ticket.Prioritise(impact.Code, urgency.Code, priority.Code, scheme.Id);
        return ActivityResult.Done("done");
    }

    private static string Unknown(string? value, IReadOnlyList<PriorityLevel> scale) =>
        $"'{value}' is not one of {string.Join(", ", scale.Select(l => l.Label))}.";
}
