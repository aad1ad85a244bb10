using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Storage;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Rules;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tickets;

/// <summary>
/// Logs tickets and takes actions on them. Each call is one step: the ticket, its new journal entries and its
/// workflow instance are saved in one transaction, or nothing is. Thread-safe; each call uses its own context.
/// </summary>
public sealed partial class TicketService(
    WorkflowDbContextFactory contexts,
    WorkflowDefinitionStore definitions,
    WorkflowRuntime runtime,
    TimeProvider time)
{
    /// <summary>Logs a ticket and runs it through the newest published default workflow to its first task.</summary>
    public async Task<Ticket> CreateAsync(
        TicketDetails details,
        string actor,
        CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var (version, definition) = await definitions.LatestPublishedAsync(
            WorkflowDefinitionStore.DefaultId,
            cancellationToken);

        var ticket = Ticket.Log(details, now);
        ticket.AppendJournal(actor, "created", $"logged through {details.Channel}", now);
        var instance = WorkflowInstance.Start(ticket, definition.Id, version, now);

        await using var db = contexts.Create();
        var trend = await TrendAsync(db, details, now, cancellationToken);
        runtime.Start(definition, instance, now, new StepScope { Trend = trend });

        db.Instances.Add(instance);
        await db.SaveChangesAsync(cancellationToken);
        ScheduleTimer(instance);
        return ticket;
    }

    /// <summary>Open incidents logged within the last hour on the same item and in the same category.</summary>
    private static async Task<TrendFact> TrendAsync(
        WorkflowDbContext db,
        TicketDetails details,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var since = now - TimeSpan.FromHours(1);
        var open = db.Tickets.Where(t => t.CreatedAt >= since && t.Kind == TicketKind.Incident
            && (t.State == TicketState.New || t.State == TicketState.InProgress || t.State == TicketState.OnHold));

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

        var definition = await definitions.PublishedAsync(
            instance.DefinitionId,
            instance.DefinitionVersion,
            cancellationToken);
        var loadedVersion = instance.Version;
        runtime.Resume(definition, instance, action, time.GetUtcNow());

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // The other writer may be caught by the journal's unique sequence before the version check runs;
            // either way the step lost the race and nothing of it was written.
            if (ex is not DbUpdateConcurrencyException
                && !await ChangedSinceAsync(ticketId, loadedVersion, cancellationToken))
            {
                throw;
            }

            throw new WorkflowConflictException(
                $"Ticket {instance.Ticket.Number} was changed by another action at the same time; "
                + $"'{action.Outcome}' was not applied. Reload it and try again.");
        }

        ScheduleTimer(instance);
        return instance.Ticket;
    }

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
