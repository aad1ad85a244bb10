using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Workflow.Sdk.Intake;
using Workflow.Sdk.Tickets;

namespace Workflow.Plugins.Mail;

/// <summary>
/// Opens a ticket per new message and threads a reply into the ticket whose number its subject carries. A
/// handled message moves to the processed folder; one that cannot be read or is refused moves to the failed
/// folder beside a <c>.reason.txt</c> file; one that fails for another reason (the database is away) stays and
/// is tried again on the next polls, up to <see cref="MailFolder.MaxAttempts"/>, then is set aside too.
/// </summary>
internal sealed partial class MailFolderChannel(MailFolder folder) : IIntakeChannel
{
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    public string Name => "mail";

    public async Task<IntakeReport> PollAsync(ITicketSink tickets, CancellationToken cancellationToken)
    {
        var opened = 0;
        var threaded = 0;
        var setAside = new List<string>();

        foreach (var file in folder.Waiting())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var mail = ReceivedMail.Read(file);
                if (await ThreadOrOpenAsync(tickets, mail, cancellationToken))
                {
                    threaded++;
                }
                else
                {
                    opened++;
                }

                folder.MoveTo(folder.Processed, file);
                _failures.TryRemove(file, out _);
            }
            catch (Exception ex) when (ex is UnreadableMailException or TicketRefusedException)
            {
                setAside.Add(SetAside(file, ex.Message));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var attempts = _failures.AddOrUpdate(file, 1, (_, n) => n + 1);
                if (attempts >= folder.MaxAttempts)
                {
                    setAside.Add(SetAside(file, $"it failed {attempts} times; last: {ex.GetType().Name}: {ex.Message}"));
                }
            }
        }

        return new IntakeReport(opened, threaded, setAside);
    }

    /// <returns>True when the message was threaded into an existing ticket.</returns>
    private static async Task<bool> ThreadOrOpenAsync(
        ITicketSink tickets,
        ReceivedMail mail,
        CancellationToken cancellationToken)
    {
        var number = TicketNumber().Match(mail.Subject);
        if (number.Success && await tickets.FindAsync(number.Value, cancellationToken) is { } existing)
        {
            var note = new TicketNote(mail.SenderAddress, $"{mail.Subject}\n\n{mail.Body}")
            {
                Attachments = mail.Attachments,
            };
            await tickets.AddNoteAsync(existing.Number, note, cancellationToken);
            return true;
        }

        await tickets.OpenAsync(
            new IncomingTicket
            {
                Channel = IntakeChannel.Mail,
                Subject = mail.Subject,
                Description = mail.Body.Length == 0 ? null : mail.Body,
                ReporterName = mail.SenderName,
                ReporterMail = mail.SenderAddress,
                Attachments = mail.Attachments,
            },
            cancellationToken);
        return false;
    }

    private string SetAside(string file, string reason)
    {
        var moved = folder.MoveTo(folder.Failed, file);
        File.WriteAllText(moved + ".reason.txt", reason + Environment.NewLine);
        _failures.TryRemove(file, out _);
        return $"{Path.GetFileName(file)}: {reason}";
    }

    [GeneratedRegex(@"\bTKT\d{7}\b")]
    private static partial Regex TicketNumber();
}
