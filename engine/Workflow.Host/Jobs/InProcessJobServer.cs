using Hangfire;
using Workflow.Engine;

namespace Workflow.Host.Jobs;

/// <summary>
/// A Hangfire server with an engine of its own, as a separate host would have, on a shared job store. The jobs
/// benchmark starts one or two of them in its own process.
/// </summary>
internal sealed class InProcessJobServer : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly BackgroundJobServer _server;

    public InProcessJobServer(WorkflowEngine engine, JobStorage storage, JobsOptions options, string name)
    {
        var jobs = new BackgroundJobClient(storage);
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(engine)
            .AddSingleton(options)
            .AddSingleton<IBackgroundJobClient>(jobs)
            .BuildServiceProvider();
        Jobs = jobs;
        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                ServerName = name,
                Activator = new EngineJobActivator(_services),
                WorkerCount = options.Workers > 0 ? options.Workers : Environment.ProcessorCount * 2,
                SchedulePollingInterval = TimeSpan.FromSeconds(options.PollSeconds),
            },
            storage);
    }

    public IBackgroundJobClient Jobs { get; }

    public void Dispose()
    {
        _server.SendStop();
        _server.Dispose();
        _services.Dispose();
    }
}
