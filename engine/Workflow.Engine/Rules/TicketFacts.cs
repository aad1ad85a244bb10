using System.Runtime.CompilerServices;
using Workflow.Engine.Tickets;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Rules;

/// <summary>Builds the fact rules see from a ticket as it stands.</summary>
public static class TicketFacts
{
    public static TicketFact From(Ticket ticket, TrendFact? trend = null) => new(Key(ticket))
    {
        Trend = trend ?? new TrendFact(),
        Channel = ticket.Channel,
        Subject = ticket.Subject,
        Description = ticket.Description ?? "",
        AffectedService = ticket.AffectedService,
        ConfigurationItem = ticket.ConfigurationItem,
        AffectedUsers = ticket.AffectedUsers,
        Reporter = new ReporterFact
        {
            Name = ticket.Reporter.Name,
            UserName = ticket.Reporter.UserName,
            Department = ticket.Reporter.Department,
            Location = ticket.Reporter.Location,
        },
        Service = new ServiceFact { Name = ticket.AffectedService ?? ticket.ConfigurationItem },
        Kind = ticket.Kind,
        Category = ticket.Category,
        Subcategory = ticket.Subcategory,
        Impact = ticket.Impact,
        Urgency = ticket.Urgency,
        AssignmentGroup = ticket.AssignmentGroup,
    };

    /// <summary>A ticket not saved yet has no number; within one evaluation its object identity is enough.</summary>
    private static string Key(Ticket ticket) =>
        ticket.ExternalKey ?? (ticket.Id > 0 ? ticket.Number : $"unsaved-{RuntimeHelpers.GetHashCode(ticket)}");
}
