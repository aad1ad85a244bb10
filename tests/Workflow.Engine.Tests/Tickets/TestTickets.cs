using Workflow.Engine.Tickets;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tests.Tickets;

/// <summary>Tickets in a known shape and state, built through the public lifecycle.</summary>
internal static class TestTickets
{
    public static readonly DateTimeOffset LoggedAt = new(2026, 3, 2, 8, 15, 0, TimeSpan.Zero);

    public static TicketDetails Details() => new()
    {
        Kind = TicketKind.Incident,
        Channel = IntakeChannel.Phone,
        Reporter = new Reporter { Name = "Anna de Vries", Mail = "anna.devries@example.com" },
        Subject = "VPN drops every ten minutes",
        OccurredAt = new DateTimeOffset(2026, 3, 2, 8, 40, 0, TimeSpan.FromHours(1)),
        ReportedAt = new DateTimeOffset(2026, 3, 2, 9, 10, 0, TimeSpan.FromHours(1)),
        Category = "Network",
        Subcategory = "VPN",
    };

    public static Ticket Logged() => Ticket.Log(Details(), LoggedAt);

    /// <summary>A ticket moved into <paramref name="state"/> by legal actions, with its changes journalled.</summary>
    public static Ticket InState(TicketState state)
    {
        var ticket = Logged();
        var at = LoggedAt.AddMinutes(5);

        foreach (var action in PathTo(state))
        {
            ticket.Apply(action, at, HoldReason.AwaitingCaller, "fixed");
        }

        ticket.AppendJournal("setup", "setup", "brought into " + state, at);
        return ticket;
    }

    private static TicketAction[] PathTo(TicketState state) => state switch
    {
        TicketState.New => [],
        TicketState.InProgress => [TicketAction.Acknowledge],
        TicketState.OnHold => [TicketAction.Hold],
        TicketState.Resolved => [TicketAction.Resolve],
        TicketState.Closed => [TicketAction.Resolve, TicketAction.Close],
        TicketState.Cancelled => [TicketAction.Cancel],
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
