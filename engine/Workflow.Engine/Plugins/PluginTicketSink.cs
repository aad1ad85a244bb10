using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Intake;

namespace Workflow.Engine.Plugins;

/// <summary>
/// Opens and annotates tickets for plugins through the same checks and workflow as the HTTP API. The engine's
/// own refusals become <see cref="TicketRefusedException"/> naming the field. A description longer than a
/// ticket holds (a pasted log in a mail) is kept whole: the ticket takes its first part and notes the rest, in
/// order, in its journal. Thread-safe.
/// </summary>
public sealed class PluginTicketSink(WorkflowEngine engine, string actor) : ITicketSink
{
    public async Task<TicketReceipt> OpenAsync(IncomingTicket ticket, CancellationToken cancellationToken)
    {
        var parts = Parts(ticket.Description);
        var input = new NewTicket
        {
            Kind = ticket.Kind.ToString(),
            Channel = ticket.Channel.ToString(),
            Reporter = new Reporter { Name = ticket.ReporterName ?? ticket.ReporterMail, Mail = ticket.ReporterMail },
            Subject = ticket.Subject,
            Description = parts.Count == 0 ? null : parts[0],
            OccurredAt = ticket.OccurredAt?.ToString("O"),
            AffectedService = ticket.AffectedService,
            ConfigurationItem = ticket.ConfigurationItem,
            Impact = ticket.Impact,
            Urgency = ticket.Urgency,
        };

        var created = await Refused(async () =>
        {
            var validator = new TicketValidator(engine.TimeInput, engine.PriorityScheme, engine.Categories);
            var details = validator.Validate(input, engine.Time.GetUtcNow()) with { ExternalKey = ticket.ExternalKey };
            return await engine.Tickets.CreateAsync(details, actor, cancellationToken);
        });

        for (var i = 1; i < parts.Count; i++)
        {
            var part = $"description, continued ({i + 1} of {parts.Count}):\n{parts[i]}";
            await Refused(() => engine.Tickets.AddNoteAsync(created.Id, actor, part, cancellationToken));
        }

        if (ticket.Attachments.Count > 0)
        {
            var note = Attachments(ticket.Attachments);
            await Refused(() => engine.Tickets.AddNoteAsync(created.Id, actor, note, cancellationToken));
        }

        return new TicketReceipt(created.Number, created.State);
    }

    public async Task<TicketReceipt?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var ticket = await engine.Tickets.FindAsync(reference, cancellationToken);
        return ticket is null ? null : new TicketReceipt(ticket.Number, ticket.State);
    }

    public async Task<TicketReceipt> AddNoteAsync(string number, TicketNote note, CancellationToken cancellationToken)
    {
        var ticket = await Existing(number, cancellationToken);
        var text = note.Attachments.Count == 0 ? note.Text : note.Text + "\n\n" + Attachments(note.Attachments);

        var noted = await Refused(() => engine.Tickets.AddNoteAsync(ticket.Id, note.Author, text, cancellationToken));
        return new TicketReceipt(noted.Number, noted.State);
    }

    public async Task<TicketReceipt> ResolveAsync(
        string number,
        string resolutionCode,
        string comment,
        string actor,
        CancellationToken cancellationToken)
    {
        var ticket = await Existing(number, cancellationToken);
        var action = new TaskAction("resolve", actor) { ResolutionCode = resolutionCode, Comment = comment };

        var resolved = await Refused(() => engine.Tickets.ActAsync(ticket.Id, action, cancellationToken));
        return new TicketReceipt(resolved.Number, resolved.State);
    }

    /// <summary>The text in pieces a ticket and its notes can hold, never cutting a surrogate pair apart.</summary>
    private static List<string> Parts(string? text)
    {
        const int Room = TextInput.LongText - 100;
        var parts = new List<string>();
        var start = 0;
        while (text is not null && start < text.Length)
        {
            var length = Math.Min(Room, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            parts.Add(text.Substring(start, length));
            start += length;
        }

        return parts;
    }

    private async Task<Ticket> Existing(string number, CancellationToken cancellationToken) =>
        await engine.Tickets.FindAsync(number, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no ticket {number}.");

    private static string Attachments(IReadOnlyList<AttachmentInfo> attachments) =>
        "attachments: " + string.Join("; ", attachments.Select(a => $"{a.Name} ({a.ContentType}, {a.Size:N0} bytes)"));

    private static async Task<T> Refused<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ValidationException ex)
        {
            var first = ex.Errors[0];
            throw new TicketRefusedException(first.Field, string.Join("; ", ex.Errors.Select(e => e.ToString())));
        }
        catch (WorkflowException ex)
        {
            throw new TicketRefusedException("outcome", ex.Message);
        }
    }
}
