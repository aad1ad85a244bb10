using Hangfire;
using Workflow.Engine;
using Workflow.Engine.Jobs;

namespace Workflow.Host.Jobs;

/// <summary>
/// Runs this host's Hangfire server while the host runs. On start it fires the timers that came due while no
/// host was running, since a job store in memory forgets its delayed jobs with the process.
/// </summary>
internal sealed class JobServer(
    JobStorage storage,
    JobsOptions options,
    IBackgroundJobClient jobs,
    IServiceProvider services) : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var server = new BackgroundJobServerOptions
        {
            Activator = new EngineJobActivator(services),
            SchedulePollingInterval = TimeSpan.FromSeconds(options.PollSeconds),
            ServerCheckInterval = TimeSpan.FromSeconds(Math.Max(options.InvisibilitySeconds / 2, 1)),
            ServerTimeout = TimeSpan.FromSeconds(options.InvisibilitySeconds),
        };
        if (options.Workers > 0)
        {
            server.WorkerCount = options.Workers;
        }

        _server = new BackgroundJobServer(server, storage);
        var reschedule = storage is Hangfire.InMemory.InMemoryStorage;
        jobs.Enqueue<WorkflowJobs>(j => j.CatchUpTimersAsync(reschedule, CancellationToken.None));
        jobs.Enqueue<WorkflowJobs>(j => j.DispatchOutboxAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            server.SendStop();
            await server.WaitForShutdownAsync(cancellationToken);
        }
    }

    public void Dispose() => _server?.Dispose();
}
