using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tickets;

public sealed partial class Ticket
{
    /// <summary>
    /// Moves the ticket by a lifecycle action. The arguments an action needs (a hold reason, a resolution
    /// code) are checked here, so no path can leave a ticket on hold without a reason.
    /// </summary>
    /// <exception cref="IllegalTransitionException">The action is not allowed from the current state.</exception>
    /// <exception cref="ArgumentException">A hold without a reason or a resolve without a code.</exception>
    public void Apply(
        TicketAction action,
        DateTimeOffset at,
        HoldReason? holdReason = null,
        string? resolutionCode = null)
    {
        var target = TicketLifecycle.Target(State, action);

        if (action == TicketAction.Hold && holdReason is null)
        {
            throw new ArgumentException(
                "A hold needs a reason (awaitingCaller, awaitingVendor, ...).",
                nameof(holdReason));
        }

        if (action == TicketAction.Resolve && string.IsNullOrWhiteSpace(resolutionCode))
        {
            throw new ArgumentException("Resolving needs a resolution code.", nameof(resolutionCode));
        }

        Set(nameof(State), State, target, v => State = v);
        Set(nameof(HoldReason), HoldReason, target == TicketState.OnHold ? holdReason : null, v => HoldReason = v);
        ApplyOutcomeFields(action, at.ToUniversalTime(), resolutionCode);
    }

    /// <summary>Checks an action against the lifecycle without changing anything.</summary>
    public bool CanApply(TicketAction action) => TicketLifecycle.TryTarget(State, action, out _);

    private void ApplyOutcomeFields(TicketAction action, DateTimeOffset at, string? resolution)
    {
        switch (action)
        {
            case TicketAction.Resolve:
                Set(nameof(ResolutionCode), ResolutionCode, resolution, v => ResolutionCode = v);
                Set(nameof(ResolvedAt), ResolvedAt, at, v => ResolvedAt = v);
                break;
            case TicketAction.Reopen:
                Set(nameof(ReopenCount), ReopenCount, ReopenCount + 1, v => ReopenCount = v);
                Set(nameof(ResolutionCode), ResolutionCode, null, v => ResolutionCode = v);
                Set(nameof(ResolvedAt), ResolvedAt, null, v => ResolvedAt = v);
                break;
            case TicketAction.Close:
                Set(nameof(ClosedAt), ClosedAt, at, v => ClosedAt = v);
                break;
        }
    }

    /// <summary>Hands the ticket to a group and, optionally, one person in it.</summary>
    /// <exception cref="InvalidOperationException">The ticket is resolved, closed or cancelled.</exception>
    public void Assign(string? group, string? assignee)
    {
        EnsureOpen("assign");

        var changed = !string.Equals(group, AssignmentGroup, StringComparison.Ordinal)
            || !string.Equals(assignee, AssignedTo, StringComparison.Ordinal);
        var wasAssigned = AssignmentGroup is not null || AssignedTo is not null;
        Set(nameof(AssignmentGroup), AssignmentGroup, group, v => AssignmentGroup = v);
        Set(nameof(AssignedTo), AssignedTo, assignee, v => AssignedTo = v);

        if (changed && wasAssigned)
        {
            Set(nameof(ReassignmentCount), ReassignmentCount, ReassignmentCount + 1, v => ReassignmentCount = v);
        }
    }

    /// <summary>Sets the category; the caller has checked it against the category tree.</summary>
    public void Categorise(string? category, string? subcategory)
    {
        EnsureNotFinal("categorise");

        Set(nameof(Category), Category, category, v => Category = v);
        Set(nameof(Subcategory), Subcategory, subcategory, v => Subcategory = v);
    }

    /// <summary>Sets impact, urgency and the priority the named scheme derived from them.</summary>
    public void Prioritise(string impact, string urgency, string priority, string scheme)
    {
        EnsureNotFinal("prioritise");

        Set(nameof(PriorityScheme), PriorityScheme, scheme, v => PriorityScheme = v);
        Set(nameof(Impact), Impact, impact, v => Impact = v);
        Set(nameof(Urgency), Urgency, urgency, v => Urgency = v);
        Set(nameof(Priority), Priority, priority, v => Priority = v);
    }

    /// <summary>Sets what the ticket was identified as and how it arrived.</summary>
    public void Identify(TicketKind kind, IntakeChannel channel)
    {
        EnsureNotFinal("identify");

        Set(nameof(Kind), Kind, kind, v => Kind = v);
        Set(nameof(Channel), Channel, channel, v => Channel = v);
    }

    private void EnsureOpen(string what)
    {
        if (!TicketLifecycle.IsOpen(State))
        {
            throw new InvalidOperationException($"Cannot {what} a ticket that is {State}.");
        }
    }

    private void EnsureNotFinal(string what)
    {
        if (TicketLifecycle.IsFinal(State))
        {
            throw new InvalidOperationException($"Cannot {what} a ticket that is {State}.");
        }
    }
}
