using Workflow.Sdk.Intake;
using Workflow.Sdk.Tickets;

namespace Workflow.Plugins.Webhook.Tests;

/// <summary>An in-memory ticket sink: tickets keyed by number (from the external key), with notes and states.</summary>
internal sealed class TicketBook : ITicketSink
{
    public Dictionary<string, (IncomingTicket Ticket, TicketState State, List<string> Journal)> Tickets { get; } = [];

    public Task<TicketReceipt> OpenAsync(IncomingTicket ticket, CancellationToken cancellationToken)
    {
        var number = ticket.ExternalKey is { } key ? key[(key.IndexOf(':') + 1)..] : $"TKT{Tickets.Count + 1:D7}";
        if (Tickets.ContainsKey(number))
        {
            throw new TicketRefusedException("externalKey", $"'{ticket.ExternalKey}' is taken.");
        }

        Tickets[number] = (ticket, TicketState.New, []);
        return Task.FromResult(new TicketReceipt(number, TicketState.New));
    }

    public Task<TicketReceipt?> FindAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(Tickets.TryGetValue(reference, out var t) ? new TicketReceipt(reference, t.State) : null);

    public Task<TicketReceipt> AddNoteAsync(string number, TicketNote note, CancellationToken cancellationToken)
    {
        Tickets[number].Journal.Add($"note by {note.Author}: {note.Text}");
        return Task.FromResult(new TicketReceipt(number, Tickets[number].State));
    }

    public Task<TicketReceipt> ResolveAsync(
        string number,
        string resolutionCode,
        string comment,
        string actor,
        CancellationToken cancellationToken)
    {
        var (ticket, _, journal) = Tickets[number];
        journal.Add($"resolved by {actor} ({resolutionCode}): {comment}");
        Tickets[number] = (ticket, TicketState.Resolved, journal);
        return Task.FromResult(new TicketReceipt(number, TicketState.Resolved));
    }
}
