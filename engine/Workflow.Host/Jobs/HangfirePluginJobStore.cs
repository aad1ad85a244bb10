using Hangfire;
using Workflow.Engine.Plugins;
using Workflow.Sdk.Jobs;

namespace Workflow.Host.Jobs;

/// <summary>Keeps plugin jobs (webhook and mail retries) in Hangfire, so they survive a restart.</summary>
internal sealed class HangfirePluginJobStore(IBackgroundJobClient jobs) : IPluginJobStore
{
    public void Enqueue(PluginJob job, TimeSpan delay)
    {
        var (kind, payload, attempt) = (job.Kind, job.Payload, job.Attempt);
        if (delay <= TimeSpan.Zero)
        {
            jobs.Enqueue<WorkflowJobs>(j => j.RunPluginJobAsync(kind, payload, attempt, CancellationToken.None));
        }
        else
        {
            jobs.Schedule<WorkflowJobs>(j => j.RunPluginJobAsync(kind, payload, attempt, CancellationToken.None), delay);
        }
    }
}
