using Hangfire;

namespace Workflow.Host.Jobs;

/// <summary>Builds job classes from this host's services, so each host's jobs use its own engine.</summary>
internal sealed class EngineJobActivator(IServiceProvider services) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        ActivatorUtilities.GetServiceOrCreateInstance(services, jobType);
}
