using Workflow.Engine.Tickets;
using Workflow.Sdk.Notifications;

namespace Workflow.Engine.Plugins;

/// <summary>Copies what plugins may see of a ticket.</summary>
public static class TicketSnapshots
{
    public static TicketSnapshot From(Ticket ticket) => new()
    {
        Number = ticket.Number,
        Kind = ticket.Kind,
        Channel = ticket.Channel,
        State = ticket.State,
        Subject = ticket.Subject,
        ReporterName = ticket.Reporter.Name,
        ReporterMail = ticket.Reporter.Mail,
        Category = ticket.Category,
        Subcategory = ticket.Subcategory,
        Priority = ticket.Priority,
        AssignmentGroup = ticket.AssignmentGroup,
        ResolutionCode = ticket.ResolutionCode,
    };
}
