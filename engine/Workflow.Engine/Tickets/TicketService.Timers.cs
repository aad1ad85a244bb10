using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Jobs;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;

namespace Workflow.Engine.Tickets;

public sealed partial class TicketService
{
    /// <summary>How often a timer step that lost a race to another writer is tried again.</summary>
    private const int TimerAttempts = 5;

    /// <summary>The actor timer steps are journaled under.</summary>
    public const string TimerActor = "timer";

    /// <summary>Told about every timer bookmark a step leaves behind; none until a host sets one.</summary>
    public ITimerScheduler? TimerScheduler { get; set; }

    /// <summary>
    /// Fires a timer bookmark if it is still pending and due. Safe to call any number of times from any number of
    /// hosts: the bookmark id and the instance's version let exactly one call commit the step.
    /// </summary>
    public async Task<TimerFiring> FireTimerAsync(
        long ticketId,
        Guid bookmarkId,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryFireAsync(ticketId, bookmarkId, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < TimerAttempts)
            {
                // Another writer (an agent, a sweep) committed first; reload and look at the bookmark again.
            }
        }
    }

    private async Task<TimerFiring> TryFireAsync(long ticketId, Guid bookmarkId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var instance = await db.Instances.Include(i => i.Ticket)
            .SingleOrDefaultAsync(i => i.TicketId == ticketId, cancellationToken);
        if (instance is null || instance.BookmarkId != bookmarkId || instance.BookmarkDueAt is null)
        {
            return TimerFiring.Gone;
        }

        var now = time.GetUtcNow();
        if (instance.BookmarkDueAt > now)
        {
            return TimerFiring.NotDue;
        }

        var definition = await definitions.PublishedAsync(
            instance.DefinitionId,
            instance.DefinitionVersion,
            cancellationToken);
        var action = new TaskAction(TimerActivity.Elapsed, TimerActor) { BookmarkId = bookmarkId };
        var step = new StepScope();
        runtime.Resume(definition, instance, action, now, step);
        await SaveStepAsync(db, instance.Ticket, step, now, cancellationToken);
        ScheduleTimer(instance);
        return TimerFiring.Fired;
    }

    /// <summary>
    /// The pending bookmarks with a time (timers, and tasks with a timeout) due at <paramref name="now"/>, oldest
    /// first.
    /// </summary>
    public async Task<IReadOnlyList<(long TicketId, Guid BookmarkId)>> DueTimersAsync(
        DateTimeOffset now,
        int limit,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var due = await db.Instances.AsNoTracking()
            .Where(i => i.Status == InstanceStatus.Suspended && i.BookmarkDueAt <= now)
            .OrderBy(i => i.BookmarkDueAt)
            .Take(limit)
            .Select(i => new { i.TicketId, i.BookmarkId })
            .ToListAsync(cancellationToken);
        return [.. due.Select(d => (d.TicketId, d.BookmarkId!.Value))];
    }

    /// <summary>The pending bookmarks with a time after <paramref name="now"/>, for a job store that lost them.</summary>
    public async Task<IReadOnlyList<(long TicketId, Guid BookmarkId, DateTimeOffset DueAt)>> PendingTimersAsync(
        DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var pending = await db.Instances.AsNoTracking()
            .Where(i => i.Status == InstanceStatus.Suspended && i.BookmarkDueAt > now)
            .Select(i => new { i.TicketId, i.BookmarkId, i.BookmarkDueAt })
            .ToListAsync(cancellationToken);
        return [.. pending.Select(p => (p.TicketId, p.BookmarkId!.Value, p.BookmarkDueAt!.Value))];
    }

    private void ScheduleTimer(WorkflowInstance instance)
    {
        if (instance is { BookmarkId: { } id, BookmarkDueAt: { } due })
        {
            TimerScheduler?.Schedule(instance.TicketId, id, due);
        }
    }
}
