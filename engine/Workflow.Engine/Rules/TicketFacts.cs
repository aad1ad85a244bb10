using System.Runtime.CompilerServices;
using Workflow.Engine.Tickets;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Rules;

/// <summary>Builds the fact rules see from a ticket as it stands.</summary>
public static class TicketFacts
{
    /// <param name="ticket">The ticket as it stands.</param>
    /// <param name="trend">Counts of recent tickets like it, when the caller counted them.</param>
    /// <param name="enrichers">Complete the reporter and service facts; one that throws is skipped.</param>
    /// <param name="directory">Service criticality and VIPs, applied before the enrichers.</param>
    /// <param name="times">The time and SLA facts, which the sweep fills in; zero and none elsewhere.</param>
    public static TicketFact From(
        Ticket ticket,
        TrendFact? trend = null,
        IReadOnlyList<IFactEnricher>? enrichers = null,
        FactDirectory? directory = null,
        TimeFacts? times = null)
    {
        directory ??= FactDirectory.Empty;
        var reporter = new ReporterFact
        {
            Name = ticket.Reporter.Name,
            UserName = ticket.Reporter.UserName,
            Department = ticket.Reporter.Department,
            Location = ticket.Reporter.Location,
            Vip = directory.IsVip(ticket.Reporter),
        };
        var service = directory.Service(ticket.AffectedService, ticket.ConfigurationItem);
        foreach (var enricher in enrichers ?? [])
        {
            (reporter, service) = Enrich(enricher, reporter, service);
        }

        return Fact(ticket, trend ?? new TrendFact(), reporter, service, times ?? Rules.TimeFacts.None);
    }

    private static (ReporterFact, ServiceFact) Enrich(IFactEnricher enricher, ReporterFact reporter, ServiceFact service)
    {
        try
        {
            return (enricher.EnrichReporter(reporter) ?? reporter, enricher.EnrichService(service) ?? service);
        }
        catch (Exception)
        {
            // A failing directory lookup must not stop the rules; they see what was known without it.
            return (reporter, service);
        }
    }

    private static TicketFact Fact(
        Ticket ticket,
        TrendFact trend,
        ReporterFact reporter,
        ServiceFact service,
        TimeFacts times) =>
        new(Key(ticket))
    {
        Trend = trend,
        Channel = ticket.Channel,
        Subject = ticket.Subject,
        Description = ticket.Description ?? "",
        AffectedService = ticket.AffectedService,
        ConfigurationItem = ticket.ConfigurationItem,
        AffectedUsers = ticket.AffectedUsers,
        Reporter = reporter,
        Service = service,
        Kind = ticket.Kind,
        Category = ticket.Category,
        Subcategory = ticket.Subcategory,
        Impact = ticket.Impact,
        Urgency = ticket.Urgency,
        AssignmentGroup = ticket.AssignmentGroup,
        Priority = ticket.Priority,
        State = ticket.State,
        Age = times.Age,
        UnassignedFor = times.UnassignedFor,
        SlaStatus = times.SlaStatus,
        SlaShareUsed = times.SlaShareUsed,
    };

    /// <summary>A ticket not saved yet has no number; within one evaluation its object identity is enough.</summary>
    private static string Key(Ticket ticket) =>
        ticket.ExternalKey ?? (ticket.Id > 0 ? ticket.Number : $"unsaved-{RuntimeHelpers.GetHashCode(ticket)}");
}
