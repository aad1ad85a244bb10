using System.Collections.Concurrent;
using Workflow.Sdk.Jobs;

namespace Workflow.Engine.Plugins;

/// <summary>
/// Runs plugin jobs inside this process on the engine's clock: at once on the thread pool, or when a timer of
/// <see cref="TimeProvider"/> fires. A job whose handler asks for a retry is scheduled again with the next
/// attempt number after the delay the handler gives. Jobs waiting for their time are lost when the process
/// stops; a persistent job store (Hangfire) lifts that by implementing <see cref="IJobScheduler"/> the same
/// way. Thread-safe.
/// </summary>
public sealed class InProcessJobScheduler(TimeProvider time) : IJobScheduler, IDisposable
{
    private readonly ConcurrentDictionary<string, IJobHandler> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ITimer, byte> _timers = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// Where jobs go once the host has a persistent job store; until then (and in tools and tests) they wait in
    /// this process.
    /// </summary>
    public IPluginJobStore? Store { get; set; }

    /// <summary>Raised after every run with its result; the host logs retries and give-ups.</summary>
    public event Action<PluginJob, JobResult>? Ran;

    /// <summary>Jobs scheduled and not finished yet, waiting or running.</summary>
    public int Pending => Volatile.Read(ref _pending);

    private int _pending;

    /// <summary>Registers handlers; a kind that is already taken is refused.</summary>
    /// <exception cref="ArgumentException">Two handlers share a kind.</exception>
    public void Register(IEnumerable<IJobHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Kind, handler))
            {
                throw new ArgumentException($"Two job handlers share the kind '{handler.Kind}'.", nameof(handlers));
            }
        }
    }

    public void Schedule(PluginJob job, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            throw new ArgumentException($"No handler is registered for jobs of kind '{job.Kind}'.", nameof(job));
        }

        if (Store is { } store)
        {
            store.Enqueue(job, delay);
            return;
        }

        Interlocked.Increment(ref _pending);
        if (delay <= TimeSpan.Zero)
        {
            _ = Task.Run(() => RunAsync(handler, job));
            return;
        }

        ITimer? timer = null;
        timer = time.CreateTimer(_ => Fire(timer), null, delay, Timeout.InfiniteTimeSpan);
        _timers[timer] = 0;

        void Fire(ITimer? fired)
        {
            if (fired is not null && _timers.TryRemove(fired, out _))
            {
                fired.Dispose();
            }

            _ = Task.Run(() => RunAsync(handler, job));
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        foreach (var timer in _timers.Keys)
        {
            timer.Dispose();
        }

        _timers.Clear();
        _stopping.Dispose();
    }

    /// <summary>
    /// Runs a job the store hands back; a retry the handler asks for goes to the store again with the next
    /// attempt number.
    /// </summary>
    /// <exception cref="ArgumentException">No handler takes jobs of this kind (its plugin is gone).</exception>
    public async Task<JobResult> RunStoredAsync(PluginJob job, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            throw new ArgumentException($"No handler is registered for jobs of kind '{job.Kind}'.", nameof(job));
        }

        JobResult result;
        try
        {
            result = await handler.RunAsync(job, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result = JobResult.GiveUp($"the handler threw {ex.GetType().Name}: {ex.Message}");
        }

        if (result.RetryAfter is { } delay)
        {
            Schedule(job with { Attempt = job.Attempt + 1 }, delay);
        }

        Ran?.Invoke(job, result);
        return result;
    }

    private async Task RunAsync(IJobHandler handler, PluginJob job)
    {
        JobResult result;
        try
        {
            result = await handler.RunAsync(job, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            result = JobResult.GiveUp($"the handler threw {ex.GetType().Name}: {ex.Message}");
        }

        if (result.RetryAfter is { } delay && !_stopping.IsCancellationRequested)
        {
            Schedule(job with { Attempt = job.Attempt + 1 }, delay);
        }

        Interlocked.Decrement(ref _pending);
        Ran?.Invoke(job, result);
    }
}
