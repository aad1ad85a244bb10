using System.Runtime.CompilerServices;
using Workflow.Engine.Tickets;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Rules;

/// <summary>Builds the fact rules see from a ticket as it stands.</summary>
public static class TicketFacts
{
    /// <param name="ticket">The ticket.</param>
    /// <param name="trend">Recent tickets like it, when the caller counted them.</param>
    /// <param name="directory">Service criticality and VIPs; without one nothing is known of either.</param>
    public static TicketFact From(Ticket ticket, TrendFact? trend = null, FactDirectory? directory = null) =>
        Build(ticket, trend ?? new TrendFact(), directory ?? FactDirectory.Empty);

    private static TicketFact Build(Ticket ticket, TrendFact trend, FactDirectory directory) => new(Key(ticket))
    {
        Trend = trend,
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
            Vip = directory.IsVip(ticket.Reporter),
        },
        Service = directory.Service(ticket.AffectedService, ticket.ConfigurationItem),
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
