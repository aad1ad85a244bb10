namespace Workflow.Sdk.Notifications;

/// <summary>
/// Tells someone outside about ticket events. The host calls it after the change is committed, one event at a
/// time per notifier; an exception is logged and does not undo the change. Work that can fail on a remote
/// side should be scheduled through <see cref="Jobs.IJobScheduler"/> so it is retried.
/// </summary>
public interface INotifier
{
    /// <summary>A short name for logs, for example <c>smtp</c>.</summary>
    string Name { get; }

    /// <summary>Handles one event.</summary>
    /// <param name="ticketEvent">What happened.</param>
    /// <param name="cancellationToken">Stops the work when the host shuts down.</param>
    Task NotifyAsync(TicketEvent ticketEvent, CancellationToken cancellationToken);
}
