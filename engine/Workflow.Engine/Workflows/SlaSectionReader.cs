using System.Text.Json;
using Workflow.Engine.Sla;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Workflows;

/// <summary>Checks a workflow's <c>sla</c> section, naming each wrong part by its JSON path.</summary>
internal static class SlaSectionReader
{
    public static SlaOverride? Read(List<FieldError> errors, string path, WorkflowDocument.SlaSection section)
    {
        var before = errors.Count;
        if (section.WarningShare is { } share && !(share > 0 && share < 1))
        {
            errors.Add(new($"{path}.warningShare", $"{section.WarningShare} must lie between 0 and 1, for example 0.75."));
        }

        var onWarning = Actions(errors, $"{path}.onWarning", section.OnWarning);
        var onBreach = Actions(errors, $"{path}.onBreach", section.OnBreach);
        if (section.Tiers is { } tiers)
        {
            for (var i = 0; i < tiers.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(tiers[i]))
                {
                    errors.Add(new($"{path}.tiers[{i}]", "names no support group."));
                }
            }

            var reassigns = (onWarning ?? []).Concat(onBreach ?? []).Contains(EscalationAction.Reassign);
            if (reassigns && tiers.Count == 0)
            {
                errors.Add(new($"{path}.tiers", "must list the support groups when an escalation reassigns."));
            }
        }

        return errors.Count > before
            ? null
            : new SlaOverride(section.WarningShare, onWarning, onBreach, section.Tiers?.Select(t => t.Trim()).ToList());
    }

    private static List<EscalationAction>? Actions(List<FieldError> errors, string path, List<string>? names)
    {
        if (names is null)
        {
            return null;
        }

        var actions = new List<EscalationAction>();
        for (var i = 0; i < names.Count; i++)
        {
            if (Names.TryParse<EscalationAction>(names[i], out var action))
            {
                actions.Add(action);
            }
            else
            {
                var known = Enum.GetNames<EscalationAction>().Select(JsonNamingPolicy.CamelCase.ConvertName);
                errors.Add(new($"{path}[{i}]", $"'{names[i]}' is not one of {string.Join(", ", known)}."));
            }
        }

        return actions;
    }
}
