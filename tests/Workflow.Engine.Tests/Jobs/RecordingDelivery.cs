using System.Collections.Concurrent;
using Workflow.Engine.Jobs;

namespace Workflow.Engine.Tests.Jobs;

/// <summary>Keeps every message it is handed; can be told to fail the next deliveries.</summary>
internal sealed class RecordingDelivery : IOutboxDelivery
{
    private int _failures;

    public ConcurrentQueue<string> Keys { get; } = new();

    public void FailNext(int times) => Interlocked.Exchange(ref _failures, times);

    public bool Accepts(string kind) => kind.StartsWith("sla.", StringComparison.Ordinal);

    public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new InvalidOperationException("the mail server refused the message");
        }

        Keys.Enqueue(message.IdempotencyKey);
        return Task.CompletedTask;
    }
}
