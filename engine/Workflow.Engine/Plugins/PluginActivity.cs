using System.Text.Json;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Activities;

namespace Workflow.Engine.Plugins;

/// <summary>A plugin's activity as the workflow runtime sees it: inputs read as text, outcomes checked.</summary>
public sealed class PluginActivity(IWorkflowActivity activity) : IActivity
{
    private readonly ActivityDescription _description = activity.Description;

    public string Type => _description.Type;

    public ActivityDescriptor Descriptor { get; } = new(
        activity.Description.Type,
        activity.Description.DisplayName,
        activity.Description.Stage,
        activity.Description.Description,
        [.. activity.Description.Inputs.Select(i => new InputDescriptor(
            i.Name,
            JsonNamingPolicy.CamelCase.ConvertName(i.Kind.ToString()),
            i.Description,
            i.Required,
            i.Choices))],
        activity.Description.Outcomes);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => _description.Outcomes;

    public IEnumerable<string> Validate(NodeDefinition node) => _description.Inputs
        .Where(i => i.Required && !node.Inputs.ContainsKey(i.Name))
        .Select(i => $"input '{i.Name}' is required.");

    public ActivityResult Execute(ActivityContext context)
    {
        var invocation = new ActivityInvocation(
            TicketSnapshots.From(context.Ticket),
            context.Node.Inputs.ToDictionary(i => i.Key, i => Text(i.Value), StringComparer.Ordinal),
            context.Now);

        ActivityOutcome outcome;
        try
        {
            outcome = activity.Execute(invocation);
        }
        catch (ActivityInputException ex)
        {
            throw new ValidationException($"{context.Node.Id}.{ex.Input}", ex.Message);
        }

        if (!_description.Outcomes.Contains(outcome.Outcome, StringComparer.Ordinal))
        {
            throw new WorkflowException(
                $"Activity '{Type}' ended with '{outcome.Outcome}', which is not one of its outcomes.");
        }

        if (outcome.Note is { } note)
        {
            context.Reasons.Add(note);
        }

        return ActivityResult.Done(outcome.Outcome);
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join('\n', value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };
}
