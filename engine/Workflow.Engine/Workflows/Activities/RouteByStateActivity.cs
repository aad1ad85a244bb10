using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Workflows.Activities;

/// <summary>Branches on the ticket's current state, so shared steps can return to the right waiting node.</summary>
public sealed class RouteByStateActivity : IActivity
{
    private static readonly IReadOnlyList<string> States =
        [.. Enum.GetValues<TicketState>().Select(OutcomeOf)];

    public string Type => "routeByState";

    public ActivityDescriptor Descriptor { get; } = new(
        "routeByState",
        "Route by state",
        "response",
        "Continues on the outcome named after the ticket's state (new, inProgress, onHold, ...).",
        [],
        States);

    public IReadOnlyList<string> OutcomesOf(NodeDefinition node) => States;

    public ActivityResult Execute(ActivityContext context) => ActivityResult.Done(OutcomeOf(context.Ticket.State));

    public static string OutcomeOf(TicketState state) => state switch
    {
        TicketState.New => "new",
        TicketState.InProgress => "inProgress",
        TicketState.OnHold => "onHold",
        TicketState.Resolved => "resolved",
        TicketState.Closed => "closed",
        TicketState.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
