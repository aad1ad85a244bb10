using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using Workflow.Engine;
using Workflow.Host.Api.Access;
using Workflow.Host.Cli;
using Workflow.Host.Telemetry;

namespace Workflow.Host.Jobs;

/// <summary>
/// Wires Hangfire into the host: PostgreSQL storage (in its own schema, beside the engine's tables) when the
/// engine is on PostgreSQL, so every host on that database shares the jobs; memory otherwise. The storage is
/// built here and handed to the server, the clients and the dashboard, never set globally, so several hosts
/// in one process (as in tests) each keep their own.
/// </summary>
public static class JobsHosting
{
    public const string Section = "Engine:Jobs";

    /// <summary>Registers the job storage, the server (when enabled), the recurring jobs and the timer trigger.</summary>
    /// <exception cref="EngineSettingException">A job setting is refused.</exception>
    public static void AddWorkflowJobs(this WebApplicationBuilder builder, WorkflowEngine engine)
    {
        var options = builder.Configuration.GetSection(Section).Get<JobsOptions>() ?? new JobsOptions();
        Check(options);

        var storage = Storage(engine, options);
        var jobs = new BackgroundJobClient(storage);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<JobStorage>(storage);
        builder.Services.AddSingleton<IBackgroundJobClient>(jobs);
        builder.Services.AddSingleton<JobQueueMetrics>();
        // What the dashboard looks up among the services; nothing global is configured beyond the log provider.
        builder.Services.AddSingleton(GlobalConfiguration.Configuration);
        builder.Services.AddSingleton(Hangfire.Dashboard.DashboardRoutes.Routes);
        GlobalConfiguration.Configuration.UseLogProvider(HostLogProvider.Instance);
        engine.Tickets.TimerScheduler = new HangfireTimerScheduler(jobs);
        engine.Jobs.Store = new HangfirePluginJobStore(jobs);
        if (!options.Enabled)
        {
            return;
        }

        try
        {
            var recurring = new RecurringJobManager(storage);
            var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
            recurring.AddOrUpdate<WorkflowJobs>(
                WorkflowJobs.SweepId,
                j => j.SweepAsync(CancellationToken.None),
                options.SweepCron,
                utc);
            recurring.AddOrUpdate<WorkflowJobs>(
                WorkflowJobs.OutboxId,
                j => j.DispatchOutboxAsync(CancellationToken.None),
                Cron.Minutely(),
                utc);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new EngineSettingException($"{Section}:SweepCron", $"'{options.SweepCron}' is not a cron expression.");
        }

        builder.Services.AddSingleton<LoggingOutboxDelivery>();
        builder.Services.AddHostedService<JobServer>();
    }

    /// <summary>Serves the dashboard to administrators and hands outbox messages to the log until notifiers are installed.</summary>
    public static void MapWorkflowJobs(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<JobsOptions>();
        HostLogProvider.Instance.Use(app.Services.GetRequiredService<ILoggerFactory>());

        // The gauges exist once the class is built; nothing else asks for it.
        app.Services.GetRequiredService<JobQueueMetrics>();
        if (options.Enabled)
        {
            var engine = app.Services.GetRequiredService<WorkflowEngine>();
            engine.Outbox.Register(app.Services.GetRequiredService<LoggingOutboxDelivery>());
        }

        if (!string.IsNullOrEmpty(options.Dashboard))
        {
            // The endpoint's policy decides who may look (administrators, whichever way they signed in), so
            // Hangfire's own filter, which admits any local request, is left out.
            app.MapHangfireDashboardWithAuthorizationPolicy(
                Policies.AdministratorUser,
                options.Dashboard,
                new DashboardOptions { DisplayStorageConnectionString = false, Authorization = [] },
                app.Services.GetRequiredService<JobStorage>());
        }
    }

    /// <summary>The job store for the engine's database: PostgreSQL beside it, or memory for SQLite.</summary>
    internal static JobStorage Storage(WorkflowEngine engine, JobsOptions options)
    {
        if (!engine.Options.Storage.IsPostgres)
        {
            return new InMemoryStorage();
        }

        var postgres = new PostgreSqlStorageOptions
        {
            SchemaName = options.Schema,
            PrepareSchemaIfNecessary = true,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromSeconds(options.InvisibilitySeconds),
            DistributedLockTimeout = TimeSpan.FromSeconds(options.LockTimeoutSeconds),
            QueuePollInterval = TimeSpan.FromSeconds(options.PollSeconds),

            // Workers wait on LISTEN for a new job instead of polling the queue: prompt batches, a quiet idle server.
            EnableLongPolling = true,
        };
        // Hangfire keeps no session state on its pooled connections, so the reset on every return is a wasted
        // statement, and on an idle server it would be the most frequent one.
        var connection = new NpgsqlConnectionStringBuilder(engine.Options.Storage.ConnectionString)
        {
            NoResetOnClose = true,
        };
        var connections = new NpgsqlConnectionFactory(connection.ConnectionString, postgres);
        return new PostgreSqlStorage(connections, postgres);
    }

    private static void Check(JobsOptions options)
    {
        Positive(options.BatchSize, "BatchSize");
        Positive(options.TimerBatchSize, "TimerBatchSize");
        Positive(options.PollSeconds, "PollSeconds");
        Positive(options.InvisibilitySeconds, "InvisibilitySeconds");
        Positive(options.LockTimeoutSeconds, "LockTimeoutSeconds");
        if (options.Workers < 0)
        {
            throw new EngineSettingException($"{Section}:Workers", $"{options.Workers} must be zero or more.");
        }
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new EngineSettingException($"{Section}:{name}", $"{value} must be more than zero.");
        }
    }
}
