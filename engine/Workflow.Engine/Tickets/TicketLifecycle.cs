using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tickets;

/// <summary>
/// The one place that knows which state a ticket may move to from which, and by which action.
/// </summary>
public static class TicketLifecycle
{
    private static readonly Dictionary<(TicketState From, TicketAction Action), TicketState> Moves = new()
    {
        [(TicketState.New, TicketAction.Acknowledge)] = TicketState.InProgress,
        [(TicketState.New, TicketAction.Hold)] = TicketState.OnHold,
        [(TicketState.New, TicketAction.Resolve)] = TicketState.Resolved,
        [(TicketState.New, TicketAction.Cancel)] = TicketState.Cancelled,
        [(TicketState.InProgress, TicketAction.Hold)] = TicketState.OnHold,
        [(TicketState.InProgress, TicketAction.Resolve)] = TicketState.Resolved,
        [(TicketState.InProgress, TicketAction.Cancel)] = TicketState.Cancelled,
        [(TicketState.OnHold, TicketAction.Hold)] = TicketState.OnHold,
        [(TicketState.OnHold, TicketAction.Resume)] = TicketState.InProgress,
        [(TicketState.OnHold, TicketAction.Resolve)] = TicketState.Resolved,
        [(TicketState.OnHold, TicketAction.Cancel)] = TicketState.Cancelled,
        [(TicketState.Resolved, TicketAction.Close)] = TicketState.Closed,
        [(TicketState.Resolved, TicketAction.Reopen)] = TicketState.InProgress,
    };

    /// <summary>Every legal move, for documentation and for tests that walk the whole table.</summary>
    public static IEnumerable<(TicketState From, TicketAction Action, TicketState To)> All =>
        Moves.Select(m => (m.Key.From, m.Key.Action, m.Value));

    /// <summary>The states a ticket can no longer leave.</summary>
    public static bool IsFinal(TicketState state) => state is TicketState.Closed or TicketState.Cancelled;

    /// <summary>True while the ticket still needs work: not resolved, closed or cancelled.</summary>
    public static bool IsOpen(TicketState state) =>
        state is TicketState.New or TicketState.InProgress or TicketState.OnHold;

    public static bool TryTarget(TicketState from, TicketAction action, out TicketState to) =>
        Moves.TryGetValue((from, action), out to);

    /// <summary>The state <paramref name="action"/> leads to from <paramref name="from"/>.</summary>
    /// <exception cref="IllegalTransitionException">The lifecycle has no such move.</exception>
    public static TicketState Target(TicketState from, TicketAction action)
    {
        if (TryTarget(from, action, out var to))
        {
            return to;
        }

        throw new IllegalTransitionException(from, NominalTarget(action), ActionNames.Of(action));
    }

    /// <summary>Where an action leads when it is legal, used to name the refused state in errors.</summary>
    private static TicketState NominalTarget(TicketAction action) => action switch
    {
        TicketAction.Acknowledge or TicketAction.Resume or TicketAction.Reopen => TicketState.InProgress,
        TicketAction.Hold => TicketState.OnHold,
        TicketAction.Resolve => TicketState.Resolved,
        TicketAction.Close => TicketState.Closed,
        TicketAction.Cancel => TicketState.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
