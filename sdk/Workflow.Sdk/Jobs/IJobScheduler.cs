namespace Workflow.Sdk.Jobs;

/// <summary>
/// Runs plugin work in the background, later and again when it fails. A job is plain data (a kind and a text
/// payload) so that a persistent job store can keep it across restarts; the handler registered for its kind
/// runs it. Thread-safe.
/// </summary>
public interface IJobScheduler
{
    /// <summary>Runs the job after <paramref name="delay"/> (at once when zero).</summary>
    /// <param name="job">What to run; its <see cref="PluginJob.Kind"/> must have a registered handler.</param>
    /// <param name="delay">How long to wait first.</param>
    /// <exception cref="ArgumentException">No handler is registered for the job's kind.</exception>
    void Schedule(PluginJob job, TimeSpan delay);
}

/// <summary>One unit of background work. Immutable.</summary>
/// <param name="Kind">Names the handler, for example <c>webhook.deliver</c>; unique across the host.</param>
/// <param name="Payload">Everything the handler needs, as text (usually JSON).</param>
/// <param name="Attempt">1 for the first run, then one more for each retry.</param>
public sealed record PluginJob(string Kind, string Payload, int Attempt = 1);

/// <summary>Runs the jobs of one kind. Thread-safe: several jobs may run at once.</summary>
public interface IJobHandler
{
    /// <summary>The kind of job this handler runs.</summary>
    string Kind { get; }

    /// <summary>Runs one job and says whether it is done, should be retried, or is given up.</summary>
    /// <param name="job">The job, with its attempt number.</param>
    /// <param name="cancellationToken">Stops the work when the host shuts down.</param>
    Task<JobResult> RunAsync(PluginJob job, CancellationToken cancellationToken);
}

/// <summary>How a job run ended. Immutable.</summary>
public sealed record JobResult
{
    private JobResult(TimeSpan? retryAfter, string? reason)
    {
        RetryAfter = retryAfter;
        Reason = reason;
    }

    /// <summary>The job is finished.</summary>
    public static JobResult Done { get; } = new(null, null);

    /// <summary>Set when the job should run again after this delay.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Why the job failed, for a retry or a give-up; null when it is done.</summary>
    public string? Reason { get; }

    /// <summary>True when the job failed for good.</summary>
    public bool GaveUp => Reason is not null && RetryAfter is null;

    /// <summary>Run the job again after <paramref name="delay"/>.</summary>
    /// <param name="delay">The wait before the next attempt.</param>
    /// <param name="reason">Why this attempt failed.</param>
    public static JobResult Retry(TimeSpan delay, string reason) => new(delay, reason);

    /// <summary>The job failed for good; the host logs the reason.</summary>
    /// <param name="reason">Why, as a sentence.</param>
    public static JobResult GiveUp(string reason) => new(null, reason);
}
