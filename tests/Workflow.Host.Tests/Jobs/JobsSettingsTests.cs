using System.Net;
using Workflow.Host.Cli;
using Workflow.Testing;

namespace Workflow.Host.Tests.Jobs;

/// <summary>The job settings are checked at start, and the host serves the Hangfire dashboard.</summary>
public sealed class JobsSettingsTests
{
    [Theory]
    [InlineData("--Engine:Jobs:BatchSize=0", "Engine:Jobs:BatchSize: 0 must be more than zero.")]
    [InlineData("--Engine:Jobs:Workers=-1", "Engine:Jobs:Workers: -1 must be zero or more.")]
    [InlineData("--Engine:Jobs:SweepCron=daily", "Engine:Jobs:SweepCron: 'daily' is not a cron expression.")]
    [InlineData("--Engine:SlaFile=/nowhere/sla.json", "Engine:SlaFile: '/nowhere/sla.json' does not exist.")]
    public async Task Serve_RefusedJobSetting_Returns2NamingTheSetting(string setting, string message)
    {
        await using var database = SqliteDatabase.Create();
        var errors = new StringWriter();

        string[] args =
        [
            "serve", "--urls=http://127.0.0.1:0", $"--Engine:Storage:ConnectionString={database.ConnectionString}",
            setting,
        ];

        var code = await CommandLine.RunAsync(args, TextWriter.Null, errors);

        Assert.Equal(2, code);
        Assert.Equal($"serve: {message}", errors.ToString().Trim());
    }

    [Fact]
    public async Task GetDashboard_FromLoopback_Returns200()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync());
    }
}
