namespace Workflow.Host.Jobs;

/// <summary>The <c>Engine:Jobs</c> settings: whether this host runs scheduled jobs, and how.</summary>
public sealed class JobsOptions
{
    /// <summary>False runs the API alone; another host on the same PostgreSQL can do the jobs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When the sweep of open tickets starts (cron, five fields, or six with seconds first).</summary>
    public string SweepCron { get; set; } = "* * * * *";

    /// <summary>Open tickets per sweep batch; each batch is one job, so several servers share a sweep.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Due timers per catch-up job.</summary>
    public int TimerBatchSize { get; set; } = 50;

    /// <summary>Jobs this host runs at once; zero means Hangfire's default for the machine.</summary>
    public int Workers { get; set; }

    /// <summary>How often this server looks for delayed and recurring jobs that came due, in seconds.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>
    /// After how many seconds without a heartbeat a job a server fetched is given to another (PostgreSQL only):
    /// how long the work of a server that died stays stuck.
    /// </summary>
    public int InvisibilitySeconds { get; set; } = 300;

    /// <summary>
    /// After how many seconds a job lock (the sweep planner's, the schedulers') left by a server that died is taken
    /// back (PostgreSQL only). Hangfire's own default of ten minutes would stop every sweep for that long.
    /// </summary>
    public int LockTimeoutSeconds { get; set; } = 60;

    /// <summary>Where the Hangfire dashboard is served; empty serves none.</summary>
    public string Dashboard { get; set; } = "/hangfire";

    /// <summary>The schema Hangfire keeps its tables in on PostgreSQL.</summary>
    public string Schema { get; set; } = "hangfire";
}
