using System.Net;
using Workflow.Host.Cli;
using Workflow.Host.Jobs;
using Workflow.Testing;

namespace Workflow.Host.Tests.Jobs;

/// <summary>The job settings are checked at start, and the host serves the Hangfire dashboard to administrators.</summary>
public sealed class JobsSettingsTests
{
    [Theory]
    [InlineData("--Engine:Jobs:BatchSize=0", "Engine:Jobs:BatchSize: 0 must be more than zero.")]
    [InlineData("--Engine:Jobs:Workers=-1", "Engine:Jobs:Workers: -1 must be zero or more.")]
    [InlineData("--Engine:Jobs:LockTimeoutSeconds=0", "Engine:Jobs:LockTimeoutSeconds: 0 must be more than zero.")]
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
    public async Task GetDashboard_AdministratorKey_Returns200()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetDashboardPage_AdministratorKey_Returns200()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WorkflowJobs.SweepId, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetDashboard_NoKey_Returns401Problem()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Anonymous.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Agent")]
    [InlineData("ProcessOwner")]
    public async Task GetDashboard_KeyBelowAdministrator_Returns403Problem(string role)
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.ClientForAsync("desk", role);

        using var response = await client.GetAsync("/hangfire");
        using var page = await client.GetAsync("/hangfire/jobs/enqueued");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }
}
