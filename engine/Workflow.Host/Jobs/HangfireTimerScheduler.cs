using Hangfire;
using Workflow.Engine.Jobs;

namespace Workflow.Host.Jobs;

/// <summary>Schedules a delayed Hangfire job for each timer bookmark a step leaves behind.</summary>
internal sealed class HangfireTimerScheduler(IBackgroundJobClient jobs) : ITimerScheduler
{
    public void Schedule(long ticketId, Guid bookmarkId, DateTimeOffset dueAt) =>
        jobs.Schedule<WorkflowJobs>(j => j.FireTimerAsync(ticketId, bookmarkId, CancellationToken.None), dueAt);
}
