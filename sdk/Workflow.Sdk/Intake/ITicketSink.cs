using Workflow.Sdk.Tickets;

namespace Workflow.Sdk.Intake;

/// <summary>
/// How plugins open tickets and add to them. The host implements it; each call is one committed step.
/// Thread-safe.
/// </summary>
public interface ITicketSink
{
    /// <summary>Logs a ticket and runs it through the default workflow to its first task.</summary>
    /// <param name="ticket">What was reported.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <returns>The new ticket's number and state.</returns>
    /// <exception cref="TicketRefusedException">A field is refused; the message names it.</exception>
    Task<TicketReceipt> OpenAsync(IncomingTicket ticket, CancellationToken cancellationToken);

    /// <summary>Finds a ticket by its number or by the external key it was opened with.</summary>
    /// <param name="reference">A number such as <c>TKT0000042</c>, or an external key.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The ticket, or null when there is none.</returns>
    Task<TicketReceipt?> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Adds a note (a reply, a repeated alert) to a ticket's journal.</summary>
    /// <param name="number">The ticket's number.</param>
    /// <param name="note">Who wrote what, with attachments.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <exception cref="KeyNotFoundException">There is no such ticket.</exception>
    /// <exception cref="TicketRefusedException">The note is refused; the message names the field.</exception>
    Task<TicketReceipt> AddNoteAsync(string number, TicketNote note, CancellationToken cancellationToken);

    /// <summary>Resolves a ticket through its workflow's <c>resolve</c> action.</summary>
    /// <param name="number">The ticket's number.</param>
    /// <param name="resolutionCode">Why it is resolved, for example <c>Solved (Permanently)</c>.</param>
    /// <param name="comment">A note for the journal.</param>
    /// <param name="actor">Who resolves it, for the journal.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <exception cref="KeyNotFoundException">There is no such ticket.</exception>
    /// <exception cref="TicketRefusedException">The ticket's current task does not offer <c>resolve</c>.</exception>
    Task<TicketReceipt> ResolveAsync(
        string number,
        string resolutionCode,
        string comment,
        string actor,
        CancellationToken cancellationToken);
}

/// <summary>The state of a ticket after a sink call. Immutable.</summary>
/// <param name="Number">The ticket's number.</param>
/// <param name="State">Where it stands.</param>
public sealed record TicketReceipt(string Number, TicketState State);

/// <summary>The host refused a ticket or a note; the message names the field and the reason.</summary>
/// <param name="field">The refused field, for example <c>subject</c>.</param>
/// <param name="reason">Why, as a sentence.</param>
public sealed class TicketRefusedException(string field, string reason) : Exception($"{field}: {reason}")
{
    /// <summary>The refused field.</summary>
    public string Field { get; } = field;
}
