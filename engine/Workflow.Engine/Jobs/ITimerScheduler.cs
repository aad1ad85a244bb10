namespace Workflow.Engine.Jobs;

/// <summary>
/// Arranges for a timer bookmark to be fired when it comes due. The bookmark in the engine's database is the
/// truth; a scheduler is only the trigger, and a missed trigger is caught up by <see cref="TimerSweep"/>.
/// Implementations must be thread-safe.
/// </summary>
public interface ITimerScheduler
{
    void Schedule(long ticketId, Guid bookmarkId, DateTimeOffset dueAt);
}
