using Workflow.Engine.Validation;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>Stage 2: checks that the ticket holds what the desk needs to work on it.</summary>
public sealed class LogActivity : IActivity
{
    public string Type => "log";

    public ActivityDescriptor Descriptor { get; } = new(
        "log",
        "Log",
        "logging",
        "Checks that the ticket has a subject and a reporter who can be reached.",
        [new InputDescriptor("requireContact", "boolean", "Refuse a reporter with neither mail nor phone")],
        ["done"]);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => Descriptor.Outcomes;

    public ActivityResult Execute(ActivityContext context)
    {
        var ticket = context.Ticket;
        var errors = new List<FieldError>();

        if (string.IsNullOrWhiteSpace(ticket.Subject))
        {
            errors.Add(new("subject", "is required."));
        }

        if (ticket.Reporter.Name is null && ticket.Reporter.UserName is null)
        {
            errors.Add(new("reporter", "a name or a user name is required."));
        }

        var requireContact = context.Node.Inputs.TryGetValue("requireContact", out var flag)
            && flag.ValueKind == System.Text.Json.JsonValueKind.True;
        if (requireContact && ticket.Reporter.Mail is null && ticket.Reporter.Phone is null)
        {
            errors.Add(new("reporter", "a mail address or a phone number is required."));
        }

        return errors.Count > 0 ? throw new ValidationException(errors) : ActivityResult.Done("done");
    }
}
