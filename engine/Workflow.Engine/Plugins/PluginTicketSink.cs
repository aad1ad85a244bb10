using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Intake;

namespace Workflow.Engine.Plugins;

/// <summary>
/// Opens and annotates tickets for plugins through the same checks and workflow as the HTTP API. The engine's
/// own refusals become <see cref="TicketRefusedException"/> naming the field. Thread-safe.
/// </summary>
public sealed class PluginTicketSink(WorkflowEngine engine, string actor) : ITicketSink
{
    public async Task<TicketReceipt> OpenAsync(IncomingTicket ticket, CancellationToken cancellationToken)
    {
        var input = new NewTicket
        {
            Kind = ticket.Kind.ToString(),
            Channel = ticket.Channel.ToString(),
            Reporter = new Reporter { Name = ticket.ReporterName ?? ticket.ReporterMail, Mail = ticket.ReporterMail },
            Subject = ticket.Subject,
            Description = ticket.Description,
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
