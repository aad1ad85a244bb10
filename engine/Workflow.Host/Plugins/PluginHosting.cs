using Workflow.Engine;
using Workflow.Sdk.Intake;

namespace Workflow.Host.Plugins;

/// <summary>
/// Runs the plugins inside the host: logs each refused plugin in one line, polls intake channels, and logs
/// notifier failures and background jobs that were retried or given up.
/// </summary>
internal sealed partial class PluginHosting(WorkflowEngine engine, ILogger<PluginHosting> logger) : BackgroundService
{
    /// <summary>How often intake channels are polled unless <c>Engine:IntakePollSeconds</c> says otherwise.</summary>
    public const int DefaultPollSeconds = 30;

    private PeriodicTimer? _polling;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The timer is armed before the host reports that it has started, so an interval that begins right after
        // the start is never missed by a poller that has not reached its loop yet.
        if (engine.Plugins.IntakeChannels.Any())
        {
            var seconds = engine.Options.IntakePollSeconds is > 0 and var s ? s : DefaultPollSeconds;
            _polling = new PeriodicTimer(TimeSpan.FromSeconds(seconds), engine.Time);
        }

        foreach (var plugin in engine.Plugins.Loaded)
        {
            LogLoaded(plugin.Info.Name, plugin.Info.Version, plugin.Folder);
        }

        foreach (var refusal in engine.Plugins.Refused)
        {
            LogRefused(refusal.Plugin, refusal.Folder, refusal.Reason);
        }

        engine.Events.NotifierFailed += (notifier, e, ex) =>
            LogNotifierFailed(notifier.Name, e.Kind, e.Ticket.Number, ex.Message);
        engine.Jobs.Ran += (job, result) =>
        {
            if (result.RetryAfter is { } delay)
            {
                LogJobRetry(job.Kind, job.Attempt, delay, result.Reason!);
            }
            else if (result.GaveUp)
            {
                LogJobGaveUp(job.Kind, job.Attempt, result.Reason!);
            }
        };
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channels = engine.Plugins.IntakeChannels.ToList();
        if (_polling is not { } timer)
        {
            return;
        }

        // The first poll waits one interval too, so a host that fails to start right after binding has taken nothing.
        using var owned = timer;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var channel in channels)
            {
                await PollAsync(channel, stoppingToken);
            }
        }
    }

    private async Task PollAsync(IIntakeChannel channel, CancellationToken stoppingToken)
    {
        try
        {
            var sink = new Engine.Plugins.PluginTicketSink(engine, channel.Name);
            var report = await channel.PollAsync(sink, stoppingToken);
            if (report.Opened + report.Threaded + report.SetAside.Count > 0)
            {
                LogPolled(channel.Name, report.Opened, report.Threaded, report.SetAside.Count);
            }

            foreach (var reason in report.SetAside)
            {
                LogSetAside(channel.Name, reason);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogPollFailed(channel.Name, ex.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Plugin {Plugin} {Version} loaded from {Folder}")]
    private partial void LogLoaded(string plugin, string version, string folder);

    [LoggerMessage(2, LogLevel.Warning, "Plugin {Plugin} refused: {Reason} (folder {Folder})")]
    private partial void LogRefused(string plugin, string folder, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Notifier {Notifier} failed on {Event} of {Ticket}: {Reason}")]
    private partial void LogNotifierFailed(
        string notifier,
        Sdk.Notifications.TicketEventKind @event,
        string ticket,
        string reason);

    [LoggerMessage(4, LogLevel.Warning, "Job {Kind} attempt {Attempt} failed, retrying in {Delay}: {Reason}")]
    private partial void LogJobRetry(string kind, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(5, LogLevel.Error, "Job {Kind} gave up after attempt {Attempt}: {Reason}")]
    private partial void LogJobGaveUp(string kind, int attempt, string reason);

    [LoggerMessage(6, LogLevel.Information, "Intake {Channel}: {Opened} opened, {Threaded} threaded, {SetAside} set aside")]
    private partial void LogPolled(string channel, int opened, int threaded, int setAside);

    [LoggerMessage(7, LogLevel.Warning, "Intake {Channel} set a report aside: {Reason}")]
    private partial void LogSetAside(string channel, string reason);

    [LoggerMessage(8, LogLevel.Error, "Intake {Channel} poll failed: {Reason}")]
    private partial void LogPollFailed(string channel, string reason);
}
