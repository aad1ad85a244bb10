using Workflow.Engine.Jobs;

namespace Workflow.Host.Jobs;

/// <summary>
/// Writes every outbox message to the log, so notices reach an operator even before a notifier plugin is
/// installed, and the outbox drains instead of growing.
/// </summary>
internal sealed partial class LoggingOutboxDelivery(ILogger<LoggingOutboxDelivery> logger) : IOutboxDelivery
{
    public bool Accepts(string kind) => true;

    public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        LogMessage(message.Kind, message.IdempotencyKey, message.Payload);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Notice {Kind} ({Key}): {Payload}")]
    private partial void LogMessage(string kind, string key, string payload);
}
