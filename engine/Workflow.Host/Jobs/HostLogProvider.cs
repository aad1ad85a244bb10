using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Workflow.Host.Jobs;

/// <summary>
/// Hangfire logs through one process-wide provider. This one forwards to the logger factory of the host that
/// started last and drops messages once that factory is disposed, so hosts started and stopped one after another
/// in one process (as tests do) never hand Hangfire a disposed factory.
/// </summary>
internal sealed class HostLogProvider : ILogProvider
{
    public static readonly HostLogProvider Instance = new();

    private AspNetCoreLogProvider? _current;

    private HostLogProvider()
    {
    }

    public void Use(ILoggerFactory factory) => Volatile.Write(ref _current, new AspNetCoreLogProvider(factory));

    public ILog GetLogger(string name) => new ForwardingLog(this, name);

    private sealed class ForwardingLog(HostLogProvider provider, string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                var current = Volatile.Read(ref provider._current);
                return current is not null && current.GetLogger(name).Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
