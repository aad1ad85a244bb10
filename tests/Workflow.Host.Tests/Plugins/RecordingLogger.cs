using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Workflow.Host.Tests.Plugins;

/// <summary>Keeps every formatted log line of the given categories.</summary>
internal sealed class RecordingLogger(string categoryPrefix) : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    /// <summary>Raised after each recorded line.</summary>
    public event Action<string>? Logged;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName.StartsWith(categoryPrefix, StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLogger owner, bool recorded) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => recorded;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (recorded)
            {
                var message = formatter(state, exception);
                owner.Lines.Enqueue((logLevel, message));
                owner.Logged?.Invoke(message);
            }
        }
    }
}
