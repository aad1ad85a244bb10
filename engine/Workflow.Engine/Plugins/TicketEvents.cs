using Workflow.Sdk.Notifications;

namespace Workflow.Engine.Plugins;

/// <summary>
/// Tells every notifier about a committed ticket event, one after another. A notifier that throws is reported
/// through <see cref="NotifierFailed"/> and the others still hear of it. Thread-safe.
/// </summary>
public sealed class TicketEvents(IReadOnlyList<INotifier> notifiers)
{
    public static TicketEvents None { get; } = new([]);

    public IReadOnlyList<INotifier> Notifiers { get; } = notifiers;

    /// <summary>Raised when a notifier throws; the host logs it.</summary>
    public event Action<INotifier, TicketEvent, Exception>? NotifierFailed;

    public async Task PublishAsync(TicketEvent ticketEvent, CancellationToken cancellationToken)
    {
        foreach (var notifier in Notifiers)
        {
            try
            {
                await notifier.NotifyAsync(ticketEvent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                NotifierFailed?.Invoke(notifier, ticketEvent, ex);
            }
        }
    }
}
