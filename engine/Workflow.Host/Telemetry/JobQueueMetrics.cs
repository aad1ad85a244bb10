using System.Diagnostics.Metrics;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine;

namespace Workflow.Host.Telemetry;

/// <summary>
/// Gauges of the work waiting in this host's queues, under the meter <see cref="ApiMetrics.MeterName"/>:
/// <c>workflow.jobs.enqueued</c> (Hangfire jobs waiting for a worker) and <c>workflow.outbox.pending</c>
/// (outbox messages not yet delivered). Each scrape would otherwise query both stores, so the two counts are
/// read at most once per <see cref="Refresh"/> and the scrapes in between see the last reading.
/// </summary>
internal sealed class JobQueueMetrics
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    private readonly JobStorage _storage;
    private readonly WorkflowEngine _engine;
    private readonly Lock _gate = new();
    private DateTimeOffset? _readAt;
    private (long Enqueued, long Pending) _last;

    public JobQueueMetrics(IMeterFactory meters, JobStorage storage, WorkflowEngine engine)
    {
        _storage = storage;
        _engine = engine;
        var meter = meters.Create(ApiMetrics.MeterName);
        meter.CreateObservableGauge(
            "workflow.jobs.enqueued",
            () => Read().Enqueued,
            "{job}",
            "Jobs in the job store's queue waiting for a worker.");
        meter.CreateObservableGauge(
            "workflow.outbox.pending",
            () => Read().Pending,
            "{message}",
            "Outbox messages written but not yet delivered.");
    }

    private (long Enqueued, long Pending) Read()
    {
        lock (_gate)
        {
            var now = _engine.Time.GetUtcNow();
            if (_readAt is { } readAt && now - readAt < Refresh)
            {
                return _last;
            }

            var enqueued = _storage.GetMonitoringApi().EnqueuedCount(EnqueuedState.DefaultQueue);
            using var db = _engine.Contexts.Create();
            var pending = db.Outbox.LongCount(m => m.DeliveredAt == null);
            _last = (enqueued, pending);
            _readAt = now;
            return _last;
        }
    }
}
