using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Workflow.Engine;
using Workflow.Host.Jobs;
using Workflow.Sdk.Tickets;

namespace Workflow.Host.Cli;

/// <summary>
/// <c>bench-jobs</c>: seeds an empty PostgreSQL database and prints how long one sweep over the open tickets
/// takes with one job server and with two, how many timers they fire per second, and how many transactions an
/// idle server costs PostgreSQL. The servers run in this process, each with an engine and connection pool of
/// its own, so two servers share the machine's cores with each other and with PostgreSQL.
/// </summary>
public static class JobsBenchmarkCommand
{
    public const string UsageLine =
        "usage: bench-jobs [--tickets N] [--timers N] [--workers N] [--batch N] [--idle-seconds N] "
        + "--Engine:Storage:Provider=postgres --Engine:Storage:ConnectionString=...";

    /// <summary>Monday 2 March 2026, 09:00 UTC: when the seeded tickets are reported.</summary>
    private static readonly DateTimeOffset Reported = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var config = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var tickets = Number(config, "tickets", 100_000);
        var timers = Number(config, "timers", 5_000);
        var workers = Number(config, "workers", Environment.ProcessorCount * 2);
        var batch = Number(config, "batch", 1_000);
        var idle = Number(config, "idle-seconds", 120);
        if (tickets is null || timers is null || workers is null || batch is null || idle is null)
        {
            errors.WriteLine("bench-jobs: --tickets, --timers, --workers, --batch and --idle-seconds take a number "
                + "above zero.");
            errors.WriteLine(UsageLine);
            return 2;
        }

        var options = EngineSettings.Read(config);
        if (!options.Storage.IsPostgres)
        {
            errors.WriteLine("bench-jobs: measures PostgreSQL only; set --Engine:Storage:Provider=postgres.");
            return 2;
        }

        var clock = new SettableClock(Reported);
        WorkflowEngine first;
        WorkflowEngine second;
        try
        {
            first = await EngineSettings.StartAsync(options, clock);
            second = await EngineSettings.StartAsync(options, clock);
        }
        catch (EngineSettingException ex)
        {
            errors.WriteLine($"bench-jobs: {ex.Message}");
            return 2;
        }

        await using (var db = first.Contexts.Create())
        {
            if (await db.Tickets.AnyAsync())
            {
                errors.WriteLine("bench-jobs: the database already holds tickets; give it an empty one.");
                return 2;
            }
        }

        var bench = new Bench(first, second, clock, output, tickets.Value, timers.Value, workers.Value, batch.Value);
        await bench.RunAsync(idle.Value);
        return 0;
    }

    private static int? Number(IConfiguration config, string name, int fallback)
    {
        var text = config[name];
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;
    }

    private sealed class Bench(
        WorkflowEngine first,
        WorkflowEngine second,
        SettableClock clock,
        TextWriter output,
        int tickets,
        int timers,
        int workers,
        int batch)
    {
        private readonly JobsOptions _options = new()
        {
            Workers = workers,
            BatchSize = batch,
            PollSeconds = 1,
            Schema = "hangfire",
        };

        public async Task RunAsync(int idleSeconds)
        {
            var watch = Stopwatch.StartNew();
            var high = tickets / 10;
            await TicketSeeder.WriteAsync(first, [
                .. Enumerable.Range(0, tickets).Select(i => i % 10 == 0
                    ? new SeedTicket(Reported, "1", "1", Resolve: false)
                    : new SeedTicket(Reported, "2", "2", Resolve: false)),
                .. Enumerable.Repeat(new SeedTicket(Reported, "2", "2", Resolve: true), timers),
                .. Enumerable.Repeat(new SeedTicket(Reported.AddDays(1), "2", "2", Resolve: true), timers),
            ]);
            output.WriteLine($"seeded {tickets} open tickets ({high} High, the rest Medium) and {2 * timers} resolved "
                + $"ones in {watch.Elapsed.TotalSeconds:F1} s; {workers} workers per server, batches of {batch}");

            var storage = JobsHosting.Storage(first, _options);
            TimeSpan sweepOne, sweepTwo, timersOne, timersTwo;
            using (var one = new InProcessJobServer(first, storage, _options, "bench-1"))
            {
                // A first sweep an hour after the report crosses nothing; it only warms the code and the pools.
                await SweepAsync(one.Jobs, storage, Reported.AddHours(1));
                sweepOne = await SweepAsync(one.Jobs, storage, Reported.AddHours(3.5));
                timersOne = await TimersAsync(one.Jobs, Reported.AddDays(5.5), timers);
            }

            using (var one = new InProcessJobServer(first, storage, _options, "bench-1"))
            using (var two = new InProcessJobServer(second, storage, _options, "bench-2"))
            {
                sweepTwo = await SweepAsync(one.Jobs, storage, Reported.AddHours(4.5));
                timersTwo = await TimersAsync(one.Jobs, Reported.AddDays(6.5), 2 * timers);
            }

            output.WriteLine();
            output.WriteLine($"{"",-34}{"one server",14}{"two servers",14}");
            Row("sweep of all open tickets (s)", sweepOne.TotalSeconds, sweepTwo.TotalSeconds, "F2");
            Row("open tickets swept per second", tickets / sweepOne.TotalSeconds, tickets / sweepTwo.TotalSeconds, "F0");
            Row("timer firings per second", timers / timersOne.TotalSeconds, timers / timersTwo.TotalSeconds, "F0");
            output.WriteLine($"speed-up of the sweep with two servers: {sweepOne / sweepTwo:F2}x");
            output.WriteLine($"(the one-server sweep raises {high} warnings, the two-server sweep {high} breaches, "
                + "each with a notice in the outbox; the breaches also reassign)");

            await EmptyAsync();
            var rate = await IdleAsync(TimeSpan.FromSeconds(idleSeconds));
            output.WriteLine($"idle server, default settings: {rate:F2} transactions per second on PostgreSQL over "
                + $"{idleSeconds} s (pg_stat_database xact_commit + xact_rollback)");
        }

        private void Row(string name, double one, double two, string format) =>
            output.WriteLine($"{name,-34}{one.ToString(format, CultureInfo.InvariantCulture),14}"
                + $"{two.ToString(format, CultureInfo.InvariantCulture),14}");

        private async Task<TimeSpan> SweepAsync(IBackgroundJobClient jobs, JobStorage storage, DateTimeOffset at)
        {
            clock.Now = at;
            var run = at.ToUnixTimeSeconds();
            var monitor = storage.GetMonitoringApi();
            var watch = Stopwatch.StartNew();
            jobs.Enqueue<WorkflowJobs>(j => j.SweepAsync(CancellationToken.None));

            // Counting the stamps scans a table as long as the open tickets; done all the time, that scan took a
            // good part of the machine from the sweep it measured. It waits until the queue is nearly drained.
            await UntilAsync(async db => monitor.EnqueuedCount("default") <= 2 * workers
                && await db.Sweeps.CountAsync(s => s.Run == run) == tickets);
            return watch.Elapsed;
        }

        private async Task<TimeSpan> TimersAsync(IBackgroundJobClient jobs, DateTimeOffset at, int closed)
        {
            clock.Now = at;
            var watch = Stopwatch.StartNew();
            jobs.Enqueue<WorkflowJobs>(j => j.CatchUpTimersAsync(false, CancellationToken.None));
            await UntilAsync(async db => await db.Tickets.CountAsync(t => t.State == TicketState.Closed) == closed);
            return watch.Elapsed;
        }

        private async Task UntilAsync(Func<Engine.Storage.WorkflowDbContext, Task<bool>> done)
        {
            var watch = Stopwatch.StartNew();
            while (true)
            {
                await using (var db = first.Contexts.Create())
                {
                    if (await done(db))
                    {
                        return;
                    }
                }

                if (watch.Elapsed > Deadline)
                {
                    throw new TimeoutException($"The jobs did not finish within {Deadline.TotalMinutes} minutes.");
                }

                await Task.Delay(50);
            }
        }

        private async Task EmptyAsync()
        {
            await using var db = first.Contexts.Create();
            await db.Database.ExecuteSqlRawAsync("TRUNCATE tickets, outbox RESTART IDENTITY CASCADE");
        }

        /// <summary>A server as the host starts it (default polling, the recurring jobs), with nothing to do.</summary>
        private async Task<double> IdleAsync(TimeSpan window)
        {
            var defaults = new JobsOptions();
            var storage = JobsHosting.Storage(first, defaults);
            var recurring = new RecurringJobManager(storage);
            recurring.AddOrUpdate<WorkflowJobs>(
                WorkflowJobs.SweepId,
                j => j.SweepAsync(CancellationToken.None),
                defaults.SweepCron);
            recurring.AddOrUpdate<WorkflowJobs>(
                WorkflowJobs.OutboxId,
                j => j.DispatchOutboxAsync(CancellationToken.None),
                Cron.Minutely());

            using var server = new InProcessJobServer(first, storage, defaults, "idle");
            await Task.Delay(TimeSpan.FromSeconds(5));
            var before = await TransactionsAsync();
            await Task.Delay(window);
            var after = await TransactionsAsync();
            return (after - before) / window.TotalSeconds;
        }

        private async Task<long> TransactionsAsync()
        {
            await using var connection = new NpgsqlConnection(first.Options.Storage.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()",
                connection);

            // Statistics reach the view when a backend reports them, at most a second late; waiting evens that out.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            return (long)(await command.ExecuteScalarAsync())!;
        }
    }
}
