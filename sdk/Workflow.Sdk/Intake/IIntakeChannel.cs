namespace Workflow.Sdk.Intake;

/// <summary>
/// A source of new reports the host polls, for example a mail folder. The host never polls one channel twice
/// at once. A report that cannot be read must be set aside with its reason, never dropped and never retried
/// for ever.
/// </summary>
public interface IIntakeChannel
{
    /// <summary>A short name for logs, for example <c>mail</c>.</summary>
    string Name { get; }

    /// <summary>Takes every report waiting now and hands it to <paramref name="tickets"/>.</summary>
    /// <param name="tickets">Opens tickets and threads replies into existing ones.</param>
    /// <param name="cancellationToken">Stops the poll between reports.</param>
    /// <returns>What the poll did.</returns>
    Task<IntakeReport> PollAsync(ITicketSink tickets, CancellationToken cancellationToken);
}

/// <summary>What one poll of an intake channel did. Immutable.</summary>
/// <param name="Opened">Tickets opened.</param>
/// <param name="Threaded">Replies added to existing tickets.</param>
/// <param name="SetAside">Reports that could not be read, with the reason of each.</param>
public sealed record IntakeReport(int Opened, int Threaded, IReadOnlyList<string> SetAside);
