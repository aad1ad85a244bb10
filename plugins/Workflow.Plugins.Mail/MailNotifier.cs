using System.Text.Json;
using Workflow.Sdk.Jobs;
using Workflow.Sdk.Notifications;

namespace Workflow.Plugins.Mail;

/// <summary>
/// Tells the reporter by mail when their ticket is logged or resolved (the <c>Events</c> setting). The mail is
/// sent by a job, so a server that is down is retried with back-off instead of slowing the ticket's step.
/// </summary>
internal sealed class MailNotifier(SmtpSettings smtp, IJobScheduler jobs) : INotifier
{
    public string Name => "smtp";

    public Task NotifyAsync(TicketEvent ticketEvent, CancellationToken cancellationToken)
    {
        var ticket = ticketEvent.Ticket;
        if (!smtp.Events.Contains(ticketEvent.Kind) || string.IsNullOrWhiteSpace(ticket.ReporterMail))
        {
            return Task.CompletedTask;
        }

        var mail = new OutgoingMail(ticket.ReporterMail, ticket.ReporterName, Subject(ticketEvent), Body(ticketEvent));
        jobs.Schedule(new PluginJob(SmtpSendHandler.JobKind, JsonSerializer.Serialize(mail)), TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <summary>The number in brackets lets a reply to this mail thread back into the ticket.</summary>
    private static string Subject(TicketEvent e) => e.Kind switch
    {
        TicketEventKind.Created => $"[{e.Ticket.Number}] Logged: {e.Ticket.Subject}",
        TicketEventKind.Resolved => $"[{e.Ticket.Number}] Resolved: {e.Ticket.Subject}",
        TicketEventKind.PriorityChanged => $"[{e.Ticket.Number}] Priority now {e.Ticket.Priority}: {e.Ticket.Subject}",
        _ => $"[{e.Ticket.Number}] SLA breached: {e.Ticket.Subject}",
    };

    private static string Body(TicketEvent e) => e.Kind switch
    {
        TicketEventKind.Created =>
            $"Your report was logged as {e.Ticket.Number}. Reply to this mail to add to it; "
            + "keep the number in the subject.",
        TicketEventKind.Resolved =>
            $"{e.Ticket.Number} was resolved ({e.Ticket.ResolutionCode}). Reply to this mail if the problem is back.",
        TicketEventKind.PriorityChanged =>
            $"The priority of {e.Ticket.Number} changed from {e.Previous ?? "none"} to {e.Ticket.Priority}.",
        _ => $"{e.Ticket.Number} has passed one of its service-level targets; the desk has been told.",
    };
}

/// <summary>One mail to send, as a job carries it.</summary>
internal sealed record OutgoingMail(string To, string? ToName, string Subject, string Body);
