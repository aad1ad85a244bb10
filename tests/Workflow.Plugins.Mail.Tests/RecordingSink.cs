using Workflow.Sdk.Intake;
using Workflow.Sdk.Tickets;

namespace Workflow.Plugins.Mail.Tests;

/// <summary>Keeps what a channel hands over; numbers tickets TKT0000001 upwards. Can refuse or fail on demand.</summary>
internal sealed class RecordingSink : ITicketSink
{
    public List<(string Number, IncomingTicket Ticket)> Opened { get; } = [];

    public List<(string Number, TicketNote Note)> Notes { get; } = [];

    /// <summary>Called before every write; throw from it to make the write fail.</summary>
    public Action<string> BeforeWrite { get; set; } = _ => { };

    public Task<TicketReceipt> OpenAsync(IncomingTicket ticket, CancellationToken cancellationToken)
    {
        BeforeWrite(ticket.Subject);
        var number = $"TKT{Opened.Count + 1:D7}";
        Opened.Add((number, ticket));
        return Task.FromResult(new TicketReceipt(number, TicketState.New));
    }

    public Task<TicketReceipt?> FindAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(Opened.Any(o => o.Number == reference) ? new TicketReceipt(reference, TicketState.New) : null);

    public Task<TicketReceipt> AddNoteAsync(string number, TicketNote note, CancellationToken cancellationToken)
    {
        BeforeWrite(note.Text);
        Notes.Add((number, note));
        return Task.FromResult(new TicketReceipt(number, TicketState.New));
    }

    public Task<TicketReceipt> ResolveAsync(
        string number,
        string resolutionCode,
        string comment,
        string actor,
        CancellationToken cancellationToken) =>
        throw new NotSupportedException("Mail intake never resolves tickets.");
}
