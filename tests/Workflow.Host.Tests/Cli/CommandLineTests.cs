using System.Net;
using System.Net.Sockets;
using Workflow.Host.Cli;
using Workflow.Testing;

namespace Workflow.Host.Tests.Cli;

/// <summary>
/// The command line as the process runs it: help in any of its spellings, an unknown verb, engine settings that
/// are refused (one line naming the setting, exit 2, no database touched) and an address that is taken.
/// </summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private const string ZoneRefused =
        "Engine:DefaultTimeZone: 'Mars/Olympus' is not a known IANA time zone id (for example Europe/Amsterdam or UTC).";

    private const string SchemeRefused =
        "Engine:PriorityScheme: 'no-such-scheme' is neither a built-in scheme (service-desk, servicenow-base, "
        + "servicenow-incident) nor an existing file.";

    private const string ProviderRefused =
        "Engine:Storage:Provider: Storage provider 'oracle' is not supported; use sqlite or postgres.";

    private SqliteDatabase _database = null!;

    private string DatabaseArgument => $"--Engine:Storage:ConnectionString={_database.ConnectionString}";

    private string MissingCategories => Path.Combine(_database.Folder, "no-such-tree.json");

    public Task InitializeAsync()
    {
        _database = SqliteDatabase.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("serve", "--help")]
    [InlineData("--urls=http://127.0.0.1:0", "-h")]
    public async Task RunAsync_AskedForHelp_PrintsTheUsageAndReturns0(params string[] args)
    {
        var (code, output, errors) = await RunAsync(args);

        Assert.Equal(0, code);
        Assert.Equal(CommandLine.Usage + Environment.NewLine, output);
        Assert.Equal("", errors);
    }

    [Fact]
    public void Usage_NamesBothVerbsAndEveryImportOption()
    {
        string[] named =
        [
            "Workflow.Host [serve] [--urls URL]", "until Ctrl+C", "Workflow.Host import FILE.csv",
            "--scheme ID|FILE", "--zone ZONE", "--source NAME", "--show N", "--batch N", "Exit codes:",
        ];

        Assert.All(named, text => Assert.Contains(text, CommandLine.Usage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ImportWithHelp_PrintsTheImportOptionsAndReturns0()
    {
        var (code, output, errors) = await RunAsync("import", "--help");

        Assert.Equal(0, code);
        Assert.Equal(
            ImportCommand.UsageLine + Environment.NewLine + ImportCommand.Options + Environment.NewLine,
            output);
        Assert.Equal("", errors);
    }

    [Fact]
    public async Task RunAsync_UnknownVerb_Returns2WithTheUsageOnStandardError()
    {
        var (code, output, errors) = await RunAsync("start");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"Unknown command 'start'.{Environment.NewLine}Usage:", errors);
    }

    [Theory]
    [InlineData("--Engine:DefaultTimeZone=Mars/Olympus", ZoneRefused)]
    [InlineData("--Engine:PriorityScheme=no-such-scheme", SchemeRefused)]
    [InlineData("--Engine:Storage:Provider=oracle", ProviderRefused)]
    public async Task RunAsync_ServeWithARefusedSetting_PrintsOneLineNamingItAndReturns2(
        string setting,
        string message)
    {
        var (code, output, errors) = await RunAsync("serve", "--urls=http://127.0.0.1:0", DatabaseArgument, setting);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"serve: {message}{Environment.NewLine}", errors);
        Assert.False(File.Exists(_database.FilePath));
    }

    [Fact]
    public async Task RunAsync_ServeWithAMissingCategoriesFile_PrintsOneLineNamingItAndReturns2()
    {
        var (code, _, errors) = await RunAsync(
            "--urls=http://127.0.0.1:0",
            DatabaseArgument,
            $"--Engine:CategoriesFile={MissingCategories}");

        Assert.Equal(2, code);
        Assert.Equal($"serve: Engine:CategoriesFile: '{MissingCategories}' does not exist.{Environment.NewLine}", errors);
        Assert.False(File.Exists(_database.FilePath));
    }

    [Theory]
    [InlineData("--Engine:DefaultTimeZone=Mars/Olympus", ZoneRefused)]
    [InlineData("--Engine:PriorityScheme=no-such-scheme", SchemeRefused)]
    [InlineData("--Engine:Storage:Provider=oracle", ProviderRefused)]
    public async Task RunAsync_ImportWithARefusedSetting_PrintsOneLineNamingItAndReturns2(
        string setting,
        string message)
    {
        var csv = Path.Combine(_database.Folder, "incidents.csv");
        await new EventLogCsv().Add("INC0000001", "New", 0, "1/3/2016 09:05").WriteAsync(csv);

        var (code, output, errors) = await RunAsync("import", csv, DatabaseArgument, setting);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"import: {message}{Environment.NewLine}", errors);
        Assert.False(File.Exists(_database.FilePath));
    }

    [Fact]
    public async Task RunAsync_ImportWithAMissingCategoriesFile_PrintsOneLineNamingItAndReturns2()
    {
        var csv = Path.Combine(_database.Folder, "incidents.csv");
        await new EventLogCsv().Add("INC0000001", "New", 0, "1/3/2016 09:05").WriteAsync(csv);

        var (code, _, errors) = await RunAsync(
            "import",
            csv,
            DatabaseArgument,
            $"--Engine:CategoriesFile={MissingCategories}");

        Assert.Equal(2, code);
        Assert.Equal($"import: Engine:CategoriesFile: '{MissingCategories}' does not exist.{Environment.NewLine}", errors);
    }

    [Fact]
    public async Task RunAsync_ServeOnAnAddressInUse_PrintsOneLineAndReturns1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, _, errors) = await RunAsync("serve", $"--urls=http://127.0.0.1:{port}", DatabaseArgument);

        Assert.Equal(1, code);
        Assert.Equal(
            $"serve: Failed to bind to address http://127.0.0.1:{port}: address already in use. Stop the other "
            + $"server or choose another address with --urls.{Environment.NewLine}",
            errors);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await CommandLine.RunAsync(args, output, errors);

        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task LoadCheck_OneSecondOnTwoConnections_ReportsFiguresAndNoTicketLost()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await CommandLine.RunAsync(["loadcheck", "--seconds", "1", "--connections", "2"], output, errors);

        var text = output.ToString();
        Assert.True(code == 0, text + errors);
        Assert.Matches(@"requests: [\d,]+ in [\d.]+ s, \d+ requests/s", text);
        Assert.Matches(@"latency: p50 [\d.]+ ms, p99 [\d.]+ ms", text);
        Assert.Matches(@"stored: ([\d,]+) new tickets for \1 answers of 201 \(none lost, none extra\)", text);
    }

    [Theory]
    [InlineData("--seconds", "0")]
    [InlineData("--connections", "many")]
    public async Task LoadCheck_BadNumber_Exits2NamingTheOption(string option, string value)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await CommandLine.RunAsync(["loadcheck", option, value], output, errors);

        Assert.Equal(2, code);
        Assert.StartsWith($"loadcheck: {option} takes a whole number", errors.ToString());
    }
}
