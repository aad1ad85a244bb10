namespace Workflow.Sdk.Jobs;

/// <summary>
/// Exponential back-off: the wait before retry n is <c>first * 2^(n-1)</c>, capped at <see cref="Longest"/>,
/// for at most <see cref="Attempts"/> attempts in all. Immutable.
/// </summary>
/// <param name="First">The wait before the first retry.</param>
/// <param name="Longest">The longest wait between two attempts.</param>
/// <param name="Attempts">How many attempts are made in all, the first included.</param>
public sealed record Backoff(TimeSpan First, TimeSpan Longest, int Attempts)
{
    /// <summary>The wait after a failed attempt, or null when no attempt is left.</summary>
    /// <param name="failedAttempt">The number of the attempt that failed, from 1.</param>
    public TimeSpan? After(int failedAttempt)
    {
        if (failedAttempt >= Attempts)
        {
            return null;
        }

        var factor = Math.Pow(2, Math.Min(failedAttempt - 1, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(First.Ticks * factor, Longest.Ticks));
        return wait;
    }
}
