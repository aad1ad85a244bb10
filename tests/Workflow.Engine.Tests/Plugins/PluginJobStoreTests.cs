using Microsoft.Extensions.Time.Testing;
using Workflow.Engine.Plugins;
using Workflow.Sdk.Jobs;

namespace Workflow.Engine.Tests.Plugins;

/// <summary>
/// With a persistent store the scheduler only hands jobs over; the store brings them back to
/// <see cref="InProcessJobScheduler.RunStoredAsync"/>, and a retry goes to the store with the next attempt.
/// </summary>
public sealed class PluginJobStoreTests
{
    [Fact]
    public void Schedule_WithAStore_HandsTheJobOverWithoutRunningIt()
    {
        var (scheduler, store, handler) = Build(JobResult.Done);
        var job = new PluginJob("deliver", "{\"url\":\"x\"}");

        scheduler.Schedule(job, TimeSpan.FromSeconds(30));

        Assert.Equal([(job, TimeSpan.FromSeconds(30))], store.Enqueued);
        Assert.Empty(handler.Runs);
        Assert.Equal(0, scheduler.Pending);
    }

    [Fact]
    public async Task RunStoredAsync_HandlerAsksForARetry_StoresTheNextAttemptAfterItsDelay()
    {
        var (scheduler, store, handler) = Build(JobResult.Retry(TimeSpan.FromMinutes(2), "receiver answered 503"));
        var job = new PluginJob("deliver", "payload", Attempt: 3);

        var result = await scheduler.RunStoredAsync(job, CancellationToken.None);

        Assert.Equal("receiver answered 503", result.Reason);
        Assert.Equal([job], handler.Runs);
        Assert.Equal([(job with { Attempt = 4 }, TimeSpan.FromMinutes(2))], store.Enqueued);
    }

    [Fact]
    public async Task RunStoredAsync_HandlerGivesUp_StoresNothingMore()
    {
        var (scheduler, store, _) = Build(JobResult.GiveUp("receiver answered 404"));

        var result = await scheduler.RunStoredAsync(new PluginJob("deliver", "payload"), CancellationToken.None);

        Assert.True(result.GaveUp);
        Assert.Empty(store.Enqueued);
    }

    [Fact]
    public async Task RunStoredAsync_KindNoPluginHandles_IsRefusedNamingTheKind()
    {
        var (scheduler, _, _) = Build(JobResult.Done);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => scheduler.RunStoredAsync(new PluginJob("gone", "payload"), CancellationToken.None));

        Assert.StartsWith("No handler is registered for jobs of kind 'gone'.", error.Message);
    }

    private static (InProcessJobScheduler, RecordingStore, RecordingHandler) Build(JobResult answer)
    {
        var scheduler = new InProcessJobScheduler(new FakeTimeProvider());
        var handler = new RecordingHandler(answer);
        var store = new RecordingStore();
        scheduler.Register([handler]);
        scheduler.Store = store;
        return (scheduler, store, handler);
    }

    private sealed class RecordingStore : IPluginJobStore
    {
        public List<(PluginJob Job, TimeSpan Delay)> Enqueued { get; } = [];

        public void Enqueue(PluginJob job, TimeSpan delay) => Enqueued.Add((job, delay));
    }

    private sealed class RecordingHandler(JobResult answer) : IJobHandler
    {
        public List<PluginJob> Runs { get; } = [];

        public string Kind => "deliver";

        public Task<JobResult> RunAsync(PluginJob job, CancellationToken cancellationToken)
        {
            Runs.Add(job);
            return Task.FromResult(answer);
        }
    }
}
