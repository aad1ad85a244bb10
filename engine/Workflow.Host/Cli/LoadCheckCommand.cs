using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine;
using Workflow.Host.Api;

namespace Workflow.Host.Cli;

/// <summary>
/// <c>loadcheck</c>: starts the host on loopback over a fresh SQLite file (or the storage the settings name),
/// creates tickets over HTTP from several connections for a fixed time, and prints requests per second, the
/// 50th and 99th percentile latency, and whether the database holds exactly as many new tickets as there were
/// 201 answers.
/// </summary>
public static class LoadCheckCommand
{
    public const string UsageLine = "usage: loadcheck [--seconds N] [--connections N] [--Engine:SETTING=VALUE ...]";

    public const string Options = """
              --seconds N       how long to send requests (default 60, 1 to 3600)
              --connections N   how many requests are in flight at once (default 16, 1 to 512)
              Exit codes: 0 every 201 answer left exactly one ticket; 1 tickets were lost or extra; 2 a wrong
              argument or setting.
        """;

    private const string Body = """
        {"kind":"incident","channel":"portal","reporter":{"name":"Load Check","userName":"loadcheck"},
         "subject":"VPN drops every few minutes","description":"Created by loadcheck.",
         "occurredAt":"2026-03-02T09:30:00+01:00","configurationItem":"vpn-gw-1","affectedUsers":3,
         "category":"Network","subcategory":"VPN","impact":"Medium","urgency":"High"}
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Any(CommandLine.IsHelp))
        {
            output.WriteLine(UsageLine);
            output.WriteLine(Options);
            return 0;
        }

        if (!TryRead(args, "--seconds", 60, 1, 3600, errors, out var seconds)
            || !TryRead(args, "--connections", 16, 1, 512, errors, out var connections))
        {
            errors.WriteLine(UsageLine);
            return 2;
        }

        var settings = args.Where(a => a.StartsWith("--Engine:", StringComparison.Ordinal)).ToList();
        var folder = Path.Combine(Path.GetTempPath(), "workflow-loadcheck", Guid.NewGuid().ToString("N"));
        if (!settings.Any(s => s.StartsWith("--Engine:Storage:", StringComparison.Ordinal)))
        {
            Directory.CreateDirectory(folder);
            settings.Add($"--Engine:Storage:ConnectionString=Data Source={Path.Combine(folder, "workflow.db")}");
        }

        try
        {
            return await MeasureAsync(settings, seconds, connections, output, errors);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<int> MeasureAsync(
        List<string> settings,
        int seconds,
        int connections,
        TextWriter output,
        TextWriter errors)
    {
        WebApplication app;
        try
        {
            app = await HostApp.BuildAsync(["--urls=http://127.0.0.1:0", .. settings], b => b.Logging.ClearProviders());
        }
        catch (EngineSettingException ex)
        {
            errors.WriteLine($"loadcheck: {ex.Message}");
            return 2;
        }

        await using (app)
        {
            await app.StartAsync();
            var engine = app.Services.GetRequiredService<WorkflowEngine>();
            var key = await IssueKeyAsync(app);
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
            var before = await CountAsync(engine);
            var provider = engine.Contexts.Options.Provider;
            output.WriteLine($"loadcheck: {connections} connections for {seconds} s against {address} ({provider})");

            var result = await SendAsync(address, key, TimeSpan.FromSeconds(seconds), connections);
            var stored = await CountAsync(engine) - before;
            await app.StopAsync();

            Report(result, stored, output);
            return stored == result.Created ? 0 : 1;
        }
    }

    private static async Task<LoadResult> SendAsync(Uri address, string key, TimeSpan duration, int connections)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var body = Encoding.UTF8.GetBytes(Body);

        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(4096);
            var statuses = new Dictionary<int, int>();
            while (clock.Elapsed < duration)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var started = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    using var response = await client.PostAsync("/api/tickets", content);
                    await response.Content.LoadIntoBufferAsync();
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }

                latencies.Add(Stopwatch.GetTimestamp() - started);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }

            return (latencies, statuses);
        })).ToList();

        var done = await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var all = done.SelectMany(d => d.latencies).Order().ToArray();
        var statuses = done.SelectMany(d => d.statuses)
            .GroupBy(s => s.Key)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        return new LoadResult(all, statuses, elapsed);
    }

    private static void Report(LoadResult result, int stored, TextWriter output)
    {
        var invariant = CultureInfo.InvariantCulture;
        var total = result.Latencies.Length;
        var seconds = result.Elapsed.TotalSeconds;
        var rate = total / seconds;
        output.WriteLine(string.Create(invariant, $"requests: {total:N0} in {seconds:F1} s, {rate:F0} requests/s"));
        output.WriteLine("answers: " + string.Join(", ", result.Statuses.OrderBy(s => s.Key)
            .Select(s => s.Key == 0 ? $"no answer {s.Value:N0}" : $"{s.Key} {s.Value:N0}")));
        output.WriteLine(string.Create(invariant,
            $"latency: p50 {Percentile(result.Latencies, 0.50):F2} ms, p99 {Percentile(result.Latencies, 0.99):F2} ms, "
            + $"max {Percentile(result.Latencies, 1.0):F2} ms"));
        var verdict = stored == result.Created
            ? "none lost, none extra"
            : $"MISMATCH: {result.Created - stored:N0} lost (negative: extra)";
        output.WriteLine($"stored: {stored:N0} new tickets for {result.Created:N0} answers of 201 ({verdict})");
    }

    private static double Percentile(long[] sorted, double share)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var index = (int)Math.Ceiling(share * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }

    private static async Task<string> IssueKeyAsync(WebApplication app)
    {
        var keys = app.Services.GetRequiredService<Workflow.Engine.Access.ApiKeyStore>();
        var (key, _) = await keys.IssueAsync("loadcheck", Workflow.Engine.Access.ApiRole.Agent, null, "loadcheck");
        return key;
    }

    private static async Task<int> CountAsync(WorkflowEngine engine)
    {
        await using var db = engine.Contexts.Create();
        return await db.Tickets.CountAsync();
    }

    private static bool TryRead(string[] args, string name, int fallback, int min, int max, TextWriter errors, out int value)
    {
        value = fallback;
        var at = Array.IndexOf(args, name);
        if (at < 0)
        {
            return true;
        }

        if (at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max)
        {
            return true;
        }

        errors.WriteLine($"loadcheck: {name} takes a whole number from {min} to {max}.");
        return false;
    }

    private sealed record LoadResult(long[] Latencies, Dictionary<int, int> Statuses, TimeSpan Elapsed)
    {
        public int Created => Statuses.GetValueOrDefault((int)HttpStatusCode.Created);
    }
}
