using Workflow.Sdk.Jobs;

namespace Workflow.Engine.Plugins;

/// <summary>
/// A persistent store for plugin jobs (the host's Hangfire): a job scheduled there survives a restart and runs on
/// whichever server takes it, which calls <see cref="InProcessJobScheduler.RunStoredAsync"/>.
/// </summary>
public interface IPluginJobStore
{
    void Enqueue(PluginJob job, TimeSpan delay);
}
