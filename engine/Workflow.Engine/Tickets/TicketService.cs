using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Access;
using Workflow.Engine.Plugins;
using Workflow.Engine.Storage;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Notifications;
using Workflow.Sdk.Rules;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tickets;

/// <summary>
/// Logs tickets and takes actions on them. Each call is one step: the ticket, its new journal entries and its
/// workflow instance are saved in one transaction, or nothing is. Thread-safe; each call uses its own context.
/// Committed creations, priority changes and resolutions are published to <paramref name="events"/> afterwards.
/// </summary>
public sealed partial class TicketService(
    WorkflowDbContextFactory contexts,
    WorkflowDefinitionStore definitions,
    WorkflowRuntime runtime,
    TimeProvider time,
    TicketEvents? events = null)
{
    /// <summary>How far back the trend facts count open incidents on one item or in one category.</summary>
    public static readonly TimeSpan TrendWindow = TimeSpan.FromHours(1);

    private readonly TicketEvents _events = events ?? TicketEvents.None;

    /// <summary>On SQLite, new tickets are committed in batches; PostgreSQL takes concurrent commits well.</summary>
    private readonly GroupCommit? _groupCommit = contexts.Options.IsPostgres ? null : new GroupCommit(contexts);

    /// <summary>Logs a ticket and runs it through the newest published default workflow to its first task.</summary>
    public Task<Ticket> CreateAsync(
        TicketDetails details,
        string actor,
        CancellationToken cancellationToken = default) =>
        CreateAsync(details, actor, null, cancellationToken);

    /// <summary>Logs a ticket and runs it through the newest published default workflow to its first task.</summary>
    /// <param name="details">The validated details.</param>
    /// <param name="actor">Who logs it.</param>
    /// <param name="idempotency">The caller's idempotency key, saved with the ticket in the same transaction.</param>
    /// <param name="cancellationToken">Stops the call before it saves.</param>
    public async Task<Ticket> CreateAsync(
        TicketDetails details,
        string actor,
        IdempotencyRecord? idempotency,
        CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var (version, definition) = await definitions.LatestPublishedAsync(
            WorkflowDefinitionStore.DefaultId,
            cancellationToken);

        var ticket = Ticket.Log(details, now);
        ticket.AppendJournal(actor, "created", $"logged through {details.Channel}", now);
        var instance = WorkflowInstance.Start(ticket, definition.Id, version, now);

        TrendFact trend;
        await using (var db = contexts.Create())
        {
            trend = await TrendAsync(db, details, now, cancellationToken);
        }

        var step = new StepScope { Trend = trend };
        runtime.Start(definition, instance, now, step);
        await SaveNewAsync(instance, idempotency, step, now, cancellationToken);
        ScheduleTimer(instance);

        await PublishAsync(TicketEventKind.Created, ticket, now, null, cancellationToken);
        return ticket;
    }

    /// <summary>Commits a new ticket with its journal, its instance and the caller's key; completes once committed.</summary>
    private async Task SaveNewAsync(
        WorkflowInstance instance,
        IdempotencyRecord? idempotency,
        StepScope step,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // The shared writer stores tickets, journals and instances only; a first step that sent messages takes
        // the ordinary path so its outbox rows commit with the ticket.
        if (_groupCommit is { } group && step.Notices.Count == 0)
        {
            await group.SaveAsync(instance, idempotency, cancellationToken);
            return;
        }

        await using var db = contexts.Create();
        db.Instances.Add(instance);
        if (idempotency is not null)
        {
            idempotency.Ticket = instance.Ticket;
            db.IdempotencyKeys.Add(idempotency);
        }

        await SaveStepAsync(db, instance.Ticket, step, now, cancellationToken);
    }

    /// <summary>Open incidents logged within the last hour on the same item and in the same category.</summary>
    private static async Task<TrendFact> TrendAsync(
        WorkflowDbContext db,
        TicketDetails details,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var since = now - TrendWindow;
        var open = db.Tickets.Open().Where(t => t.CreatedAt >= since && t.Kind == TicketKind.Incident);

        var sameItem = details.ConfigurationItem is { } item
            ? await open.CountAsync(t => t.ConfigurationItem == item, cancellationToken)
            : 0;
        var sameCategory = details.Category is { } category
            ? await open.CountAsync(t => t.Category == category, cancellationToken)
            : 0;
        return new TrendFact { SameItemLastHour = sameItem + 1, SameCategoryLastHour = sameCategory + 1 };
    }

    /// <summary>
    /// Takes an action at the ticket's current task and runs the workflow on to its next one, on the
    /// definition version the ticket started on.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such ticket.</exception>
    /// <exception cref="WorkflowConflictException">Another action on the same ticket committed first.</exception>
    public async Task<Ticket> ActAsync(long ticketId, TaskAction action, CancellationToken cancellationToken = default)
    {
        TaskActionValidator.Validate(action);
        if (action.Outcome == TimerActivity.Elapsed)
        {
            throw new ValidationException(
                "outcome",
                $"'{TimerActivity.Elapsed}' is taken by the timer itself when it comes due, not by a request.");
        }

        await using var db = contexts.Create();
        var instance = await db.Instances.Include(i => i.Ticket)
            .SingleOrDefaultAsync(i => i.TicketId == ticketId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no ticket {ticketId}.");
        if (action.ExpectedTicketVersion is { } expected && expected != instance.Ticket.Version)
        {
            throw new StaleTicketException(instance.Ticket.Number, expected, instance.Ticket.Version);
        }

        var definition = await definitions.PublishedAsync(
            instance.DefinitionId,
            instance.DefinitionVersion,
            cancellationToken);
        return await StepAsync(
            db,
            definition,
            instance,
            action,
            $"'{action.Outcome}' was not applied. Reload it and try again.",
            cancellationToken);
    }

    /// <summary>
    /// Resumes the instance with the action and commits the step; a step that lost the race to another writer
    /// wrote nothing and is reported as a conflict ending with <paramref name="notApplied"/>. Then schedules the
    /// next timer and tells the notifiers what changed.
    /// </summary>
    private async Task<Ticket> StepAsync(
        WorkflowDbContext db,
        WorkflowDefinition definition,
        WorkflowInstance instance,
        TaskAction action,
        string notApplied,
        CancellationToken cancellationToken)
    {
        var ticket = instance.Ticket;
        var loadedVersion = instance.Version;
        var priorityBefore = ticket.Priority;
        var stateBefore = ticket.State;
        var now = time.GetUtcNow();
        var step = new StepScope();
        runtime.Resume(definition, instance, action, now, step);

        try
        {
            await SaveStepAsync(db, ticket, step, now, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // The other writer may be caught by the journal's unique sequence before the version check runs;
            // either way the step lost the race and nothing of it was written.
            if (ex is not DbUpdateConcurrencyException
                && !await ChangedSinceAsync(ticket.Id, loadedVersion, cancellationToken))
            {
                throw;
            }

            throw new WorkflowConflictException(
                $"Ticket {ticket.Number} was changed by another step at the same time; {notApplied}");
        }

        ScheduleTimer(instance);
        if (ticket.Priority != priorityBefore)
        {
            await PublishAsync(TicketEventKind.PriorityChanged, ticket, now, priorityBefore, cancellationToken);
        }

        if (ticket.State == TicketState.Resolved && stateBefore != TicketState.Resolved)
        {
            await PublishAsync(TicketEventKind.Resolved, ticket, now, null, cancellationToken);
        }

        return ticket;
    }

    /// <summary>Adds a note to a ticket's journal without moving its workflow.</summary>
    /// <exception cref="KeyNotFoundException">No such ticket.</exception>
    /// <exception cref="ValidationException">The note is blank, too long or holds a control character.</exception>
    public async Task<Ticket> AddNoteAsync(
        long ticketId,
        string actor,
        string note,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        TextInput.Check(errors, "note", note, TextInput.LongText);
        if (string.IsNullOrWhiteSpace(note))
        {
            errors.Add(new("note", "is required."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        await using var db = contexts.Create();
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no ticket {ticketId}.");
        ticket.AppendRecord(actor, "note", note, [], time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ticket;
    }

    /// <summary>
    /// The ticket a number (<c>TKT0000042</c>) or an external key (<c>source:id</c>) names, read without
    /// tracking; null when there is none.
    /// </summary>
    public async Task<Ticket?> FindAsync(string reference, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var tickets = db.Tickets.AsNoTracking();
        if (reference.StartsWith("TKT", StringComparison.Ordinal)
            && long.TryParse(reference.AsSpan(3), System.Globalization.NumberStyles.None, null, out var id))
        {
            var byId = await tickets.SingleOrDefaultAsync(t => t.Id == id && t.ExternalKey == null, cancellationToken);
            if (byId is not null)
            {
                return byId;
            }
        }

        var suffix = ":" + reference;
        return await tickets.FirstOrDefaultAsync(
            t => t.ExternalKey == reference || (t.ExternalKey != null && t.ExternalKey.EndsWith(suffix)),
            cancellationToken);
    }

    private Task PublishAsync(
        TicketEventKind kind,
        Ticket ticket,
        DateTimeOffset at,
        string? previous,
        CancellationToken cancellationToken) =>
        _events.Notifiers.Count == 0
            ? Task.CompletedTask
            : _events.PublishAsync(new TicketEvent(kind, TicketSnapshots.From(ticket), at, previous), cancellationToken);

    private async Task<bool> ChangedSinceAsync(long ticketId, int version, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Instances.AnyAsync(i => i.TicketId == ticketId && i.Version != version, cancellationToken);
    }

    /// <summary>A ticket with its whole journal and its workflow instance, read without tracking.</summary>
    public async Task<(Ticket Ticket, WorkflowInstance Instance)?> GetAsync(
        long ticketId,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var instance = await db.Instances.AsNoTracking()
            .Include(i => i.Ticket)
            .ThenInclude(t => t.Journal.OrderBy(j => j.Sequence))
            .SingleOrDefaultAsync(i => i.TicketId == ticketId, cancellationToken);

        return instance is null ? null : (instance.Ticket, instance);
    }
}
