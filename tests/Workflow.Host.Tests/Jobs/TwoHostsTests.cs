using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine;
using Workflow.Engine.Sla;
using Workflow.Engine.Tickets;
using Workflow.Host.Jobs;
using Workflow.Sdk.Tickets;
using Workflow.Testing;
using Xunit.Abstractions;

namespace Workflow.Host.Tests.Jobs;

/// <summary>
/// Two host processes on one PostgreSQL share the sweep and the timers; one is killed with SIGKILL in the middle
/// and the other finishes. The seeded tickets are Medium incidents: 6,000 in progress and 4,000 resolved. The
/// hosts run on the real clock (they are separate processes), so the tickets are seeded ten days in the past:
/// every in-progress ticket is past its resolution target and every resolved one past its auto-close time. The
/// test polls the database with a deadline, as it can only watch other processes.
/// </summary>
public sealed class TwoHostsTests(ITestOutputHelper output)
{
    private const int InProgress = 6000;
    private const int Resolved = 4000;
    private const int Total = InProgress + Resolved;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(300);

    [SkippableFact]
    public async Task TwoHosts_OneKilledMidSweep_EveryBreachAndTimerHappensExactlyOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var engine = await WorkflowEngine.StartAsync(new EngineOptions { Storage = ((ITestDatabase)database).Storage });
        var watch = Stopwatch.StartNew();
        var at = TimeProvider.System.GetUtcNow() - TimeSpan.FromDays(10);
        var ids = await TicketSeeder.WriteAsync(engine, [
            .. Enumerable.Repeat(new SeedTicket(at, "2", "2", Resolve: false), InProgress),
            .. Enumerable.Repeat(new SeedTicket(at, "2", "2", Resolve: true), Resolved),
        ]);
        var (inProgress, resolved) = (ids[..InProgress], ids[InProgress..]);
        output.WriteLine($"seeded {Total} tickets in {watch.Elapsed.TotalSeconds:F1} s");
        var folder = Directory.CreateTempSubdirectory("workflow-hosts").FullName;

        using var first = HostProcess.Start(folder, Settings(database));
        await WaitAsync(() => Task.FromResult(first.Count("Now listening") > 0), "the first host to listen");
        using var second = HostProcess.Start(folder, Settings(database));
        await WaitAsync(async () => await ProgressAsync(engine) >= Total / 10, "a tenth of the work to be done");
        first.Kill();
        var atKill = await ProgressAsync(engine);
        output.WriteLine($"killed the first host at {watch.Elapsed.TotalSeconds:F1} s with {atKill} of {Total} done");
        await WaitAsync(async () => await DoneAsync(engine), "the second host to finish the work");
        output.WriteLine($"all done at {watch.Elapsed.TotalSeconds:F1} s; batches run: first {first.Count("batch")}, "
            + $"second {second.Count("batch")}");

        await using var db = engine.Contexts.Create();
        var breaches = await db.Journal.Where(j => j.Action == "sla.breached").Select(j => j.TicketId).ToListAsync();
        var closes = await db.Journal.Where(j => j.Action == "close")
            .Select(j => new { j.TicketId, j.Actor })
            .ToListAsync();
        var outbox = await db.Outbox.AsNoTracking().ToListAsync();
        var escalated = await db.Tickets.Where(t => inProgress.Contains(t.Id))
            .Select(t => new { t.Priority, t.AssignmentGroup, t.ResolutionStage }).Distinct().ToListAsync();
        Assert.InRange(atKill, Total / 10, Total - 1);
        Assert.True(first.HasExited && !second.HasExited, "The first host should be dead and the second alive.");
        Assert.True(second.Count("batch") > 0, "The surviving host should have run sweep batches.");
        Assert.Equal(inProgress.Order(), breaches.Order());
        Assert.Equal(resolved.Order(), closes.Select(c => c.TicketId).Order());
        Assert.All(closes, c => Assert.Equal(TicketService.TimerActor, c.Actor));
        Assert.Equal(inProgress.Order(), outbox.Select(m => m.TicketId!.Value).Order());
        Assert.Equal(InProgress, outbox.Select(m => m.IdempotencyKey).Distinct().Count());
        Assert.All(outbox, m => Assert.NotNull(m.DeliveredAt));
        Assert.Equal(new { Priority = (string?)"High", AssignmentGroup = (string?)"Service desk",
            ResolutionStage = (SlaStage?)SlaStage.Breached }, Assert.Single(escalated));
    }

    private static string[] Settings(PostgresDatabase database) =>
    [
        "--Engine:Storage:Provider=postgres",
        $"--Engine:Storage:ConnectionString={database.ConnectionString}",
        "--Engine:Jobs:SweepCron=*/2 * * * * *",
        "--Engine:Jobs:PollSeconds=1",
        "--Engine:Jobs:InvisibilitySeconds=10",
        "--Engine:Jobs:LockTimeoutSeconds=10",
        "--Engine:Jobs:BatchSize=250",
        "--Engine:Jobs:Workers=4",
        "--Engine:Jobs:Dashboard=",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        "--Logging:LogLevel:Workflow.Host.Jobs=Debug",
    ];

    /// <summary>Escalated in-progress tickets plus closed resolved ones.</summary>
    private static async Task<int> ProgressAsync(WorkflowEngine engine)
    {
        await using var db = engine.Contexts.Create();
        return await db.Tickets.CountAsync(t => t.ResolutionStage == SlaStage.Breached || t.State == TicketState.Closed);
    }

    private static async Task<bool> DoneAsync(WorkflowEngine engine)
    {
        await using var db = engine.Contexts.Create();
        return await ProgressAsync(engine) == Total
            && await db.Outbox.CountAsync(m => m.DeliveredAt != null) == InProgress;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > Deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {Deadline.TotalSeconds} s.");
            }

            await Task.Delay(100);
        }
    }
}
