using Workflow.Engine.Validation;

namespace Workflow.Engine.Tickets;

/// <summary>The actions that move a ticket through its lifecycle.</summary>
public enum TicketAction
{
    Acknowledge,
    Hold,
    Resume,
    Resolve,
    Close,
    Reopen,
    Cancel,
}

/// <summary>The lower-case names actions have in workflow definitions, the API and the journal.</summary>
public static class ActionNames
{
    public static string Of(TicketAction action) => action.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out TicketAction action) => Names.TryParse(name, out action);
}
