using Workflow.Engine.Validation;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>
/// Escalates the ticket: raises its priority one level up the scheme, hands it to the next support tier the SLA
/// policy names, or both. Every run is journaled, including one that found nothing left to raise.
/// </summary>
public sealed class EscalateActivity : IActivity
{
    private static readonly string[] Modes = ["priority", "tier", "both"];

    public string Type => "escalate";

    public ActivityDescriptor Descriptor { get; } = new(
        "escalate",
        "Escalate",
        "response",
        "Raises the priority one level, reassigns to the next support tier of the SLA policy, or both.",
        [new InputDescriptor("mode", "choice", "What to escalate", Required: true, Choices: Modes)],
        ["done"]);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => Descriptor.Outcomes;

    public IEnumerable<string> Validate(NodeDefinition node)
    {
        if (!Modes.Contains(node.Text("mode")))
        {
            yield return $"input 'mode' is '{node.Text("mode")}'; expected one of {string.Join(", ", Modes)}.";
        }
    }

    public ActivityResult Execute(ActivityContext context)
    {
        var mode = context.Node.Text("mode");
        var ticket = context.Ticket;
        if (TicketWrites.CheckState(ticket, "assignmentGroup") is { } closed)
        {
            throw new ValidationException([closed]);
        }

        if (mode is "priority" or "both")
        {
            context.Reasons.Add(RaisePriority(context));
        }

        if (mode is "tier" or "both")
        {
            var tier = context.SlaPolicy?.NextTier(ticket.AssignmentGroup);
            if (tier is null)
            {
                context.Reasons.Add(context.SlaPolicy is null
                    ? "no SLA policy names support tiers"
                    : $"'{ticket.AssignmentGroup}' is the top support tier");
            }
            else
            {
                ticket.Assign(tier, null);
                context.Reasons.Add($"escalated to tier '{tier}'");
            }
        }

        context.AlwaysJournal = true;
        return ActivityResult.Done("done");
    }

    /// <summary>One level up the ticket's own scheme; levels are listed from the most urgent down.</summary>
    private static string RaisePriority(ActivityContext context)
    {
        var ticket = context.Ticket;
        var levels = TicketWrites.SchemeOf(context).Levels.ToList();
        var index = levels.FindIndex(l => l.Code == ticket.Priority);
        if (index < 0)
        {
            return "no priority to raise yet";
        }

        if (index == 0)
        {
            return $"priority {ticket.Priority} is already the highest";
        }

        ticket.RaisePriority(levels[index - 1].Code);
        return $"priority raised to {ticket.Priority}";
    }
}
