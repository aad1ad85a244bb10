using Hangfire;
using Workflow.Engine;
using Workflow.Engine.Jobs;

namespace Workflow.Host.Jobs;

/// <summary>
/// The methods Hangfire runs. Each is idempotent: the engine's own tables, not the job store, say what is done,
/// so a job run twice (a retry, a server that died after the work and before reporting it) changes nothing the
/// second time.
/// </summary>
public sealed partial class WorkflowJobs(
    WorkflowEngine engine,
    IBackgroundJobClient jobs,
    JobsOptions options,
    ILogger<WorkflowJobs> logger)
{
    public const string SweepId = "workflow-sweep";

    public const string OutboxId = "workflow-outbox";

    private TimeSpan TimerGrace => TimeSpan.FromSeconds(options.PollSeconds * 2 + 30);

    /// <summary>Cuts the open tickets and the due timers into batches and queues one job per batch.</summary>
    [DisableConcurrentExecution(60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = engine.Time.GetUtcNow();
        var run = now.ToUnixTimeSeconds();
        var batches = await engine.Sweeper.PlanAsync(run, options.BatchSize, cancellationToken);
        foreach (var batch in batches)
        {
            var (from, to) = (batch.FromId, batch.ToId);
            jobs.Enqueue<WorkflowJobs>(j => j.SweepBatchAsync(run, from, to, CancellationToken.None));
        }

        // Delayed jobs fire timers on time; the sweep only catches those whose job was lost, which by then are
        // overdue by more than a polling round, so it does not race every delayed job that is about to run.
        var timers = await QueueDueTimersAsync(now - TimerGrace, cancellationToken);
        LogSweepPlanned(run, batches.Count, timers);
    }

    /// <summary>One batch of a sweep; a conflict with another writer fails it and Hangfire runs it again.</summary>
    public async Task SweepBatchAsync(long run, long fromId, long toId, CancellationToken cancellationToken)
    {
        var result = await engine.Sweeper.RunAsync(new SweepBatch(run, fromId, toId), cancellationToken);
        if (result.Messages > 0)
        {
            jobs.Enqueue<WorkflowJobs>(j => j.DispatchOutboxAsync(CancellationToken.None));
        }

        LogSweepBatch(run, fromId, toId, result.Evaluated, result.Escalated);
    }

    /// <summary>
    /// Fires the timers that came due while no host was running. A job store in memory also lost the delayed
    /// jobs of the timers still to come, so those are scheduled again.
    /// </summary>
    public async Task CatchUpTimersAsync(bool reschedule, CancellationToken cancellationToken)
    {
        var now = engine.Time.GetUtcNow();
        var due = await QueueDueTimersAsync(now, cancellationToken);
        var later = 0;
        if (reschedule)
        {
            foreach (var (ticketId, bookmarkId, dueAt) in await engine.Tickets.PendingTimersAsync(now, cancellationToken))
            {
                jobs.Schedule<WorkflowJobs>(j => j.FireTimerAsync(ticketId, bookmarkId, CancellationToken.None), dueAt);
                later++;
            }
        }

        LogCaughtUp(due, later);
    }

    /// <summary>Runs a plugin's job; its handler decides the back-off, so Hangfire itself never retries it.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunPluginJobAsync(string kind, string payload, int attempt, CancellationToken cancellationToken)
    {
        await engine.Jobs.RunStoredAsync(new Workflow.Sdk.Jobs.PluginJob(kind, payload, attempt), cancellationToken);
    }

    public async Task FireTimerAsync(long ticketId, Guid bookmarkId, CancellationToken cancellationToken)
    {
        var outcome = await engine.Tickets.FireTimerAsync(ticketId, bookmarkId, cancellationToken);
        if (outcome == TimerFiring.NotDue)
        {
            // The job store's clock ran ahead of the engine's; the sweep fires the timer once it is due.
            LogTimerNotDue(ticketId, bookmarkId);
        }
    }

    public async Task FireTimerBatchAsync(long[] ticketIds, Guid[] bookmarkIds, CancellationToken cancellationToken)
    {
        for (var i = 0; i < ticketIds.Length; i++)
        {
            await engine.Tickets.FireTimerAsync(ticketIds[i], bookmarkIds[i], cancellationToken);
        }
    }

    public async Task DispatchOutboxAsync(CancellationToken cancellationToken)
    {
        var delivered = await engine.Outbox.DispatchAsync(cancellationToken: cancellationToken);
        if (delivered > 0)
        {
            LogOutboxDispatched(delivered);
        }
    }

    private async Task<int> QueueDueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await engine.Tickets.DueTimersAsync(now, int.MaxValue, cancellationToken);
        foreach (var chunk in due.Chunk(options.TimerBatchSize))
        {
            long[] tickets = [.. chunk.Select(c => c.TicketId)];
            Guid[] bookmarks = [.. chunk.Select(c => c.BookmarkId)];
            jobs.Enqueue<WorkflowJobs>(j => j.FireTimerBatchAsync(tickets, bookmarks, CancellationToken.None));
        }

        return due.Count;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Sweep {Run} queued {Batches} batches and {Timers} due timers")]
    private partial void LogSweepPlanned(long run, int batches, int timers);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug,
        Message = "Sweep {Run} batch {FromId}-{ToId}: {Evaluated} evaluated, {Escalated} escalated")]
    private partial void LogSweepBatch(long run, long fromId, long toId, int evaluated, int escalated);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Debug,
        Message = "Timer {BookmarkId} of ticket {TicketId} is not due yet")]
    private partial void LogTimerNotDue(long ticketId, Guid bookmarkId);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information,
        Message = "Timers at start: {Due} due queued, {Later} still to come scheduled")]
    private partial void LogCaughtUp(int due, int later);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Outbox: {Delivered} messages delivered")]
    private partial void LogOutboxDispatched(int delivered);
}
