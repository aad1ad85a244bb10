using Microsoft.EntityFrameworkCore;
using Workflow.Engine;
using Workflow.Host.Cli;
using Workflow.Sdk.Tickets;
using Workflow.Testing;

namespace Workflow.Host.Tests.Cli;

/// <summary>
/// The <c>import</c> verb run as the command line runs it, on a small event log written by the test: the
/// summary it prints, what it stores, and the exit codes: 0 when every row was read, 1 when rows were rejected
/// or the file refused, 2 for a missing file, a directory, a bad option or an empty source.
/// </summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private static readonly (string, string)[] Critical =
        [("impact", "1 - High"), ("urgency", "1 - High"), ("priority", "1 - Critical")];

    private static readonly (string, string)[] OpenedAtEight =
        [("opened_at", "1/3/2016 08:00"), ("sys_created_at", "1/3/2016 08:05")];

    private static readonly (string, string)[] Planning =
    [
        ("impact", "3 - Low"), ("urgency", "3 - Low"), ("priority", "5 - Planning"),
        ("category", "Category 12"), ("subcategory", "Subcategory 7"),
    ];

    private SqliteDatabase _database = null!;

    private string CsvPath => Path.Combine(_database.Folder, "incidents.csv");

    private string DatabaseArgument => $"--Engine:Storage:ConnectionString={_database.ConnectionString}";

    public Task InitializeAsync()
    {
        _database = SqliteDatabase.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [SkippableFact]
    public void Header_OfTheTestLog_MatchesTheSharedExport()
    {
        var export = SharedData.Require("uci-incident-event-log/incident_event_log_first8000.csv");

        var header = File.ReadLines(export).First();

        Assert.Equal(EventLogCsv.Header, header);
        Assert.Equal(36, header.Split(',').Length);
    }

    [Fact]
    public async Task RunAsync_SmallEventLog_PrintsTheCounts()
    {
        await SampleLog().WriteAsync(CsvPath);

        var (_, output, _) = await RunAsync(CsvPath, DatabaseArgument);

        Assert.Equal(
            $"Importing {CsvPath} into SQLite ({_database.ConnectionString}), priorities checked against "
            + "'servicenow-incident', times read as UTC.",
            output[0]);
        Assert.Contains("Events read:        12", output);
        Assert.Contains("Incidents read:     3", output);
        Assert.Contains("Tickets created:    3", output);
        Assert.Contains("Already imported:   0 (left as they were)", output);
        Assert.Contains("Categories added:   2 (from the export to the category tree)", output);
        Assert.Contains("Events refused by the lifecycle: 0", output);
    }

    [Fact]
    public async Task RunAsync_RowsItCannotRead_ListsThemWithTheirLineNumbers()
    {
        await SampleLog().WriteAsync(CsvPath);

        var (_, output, _) = await RunAsync(CsvPath, DatabaseArgument);

        string[] rejected =
        [
            "Rows rejected: 3",
            "  line 9 (INC0000004): incident_state: 'Bogus' is not a known state.",
            "  line 12 (INC0000005): expected 36 fields, found 3.",
            "  line 13 (INC0000006): sys_updated_at: '31/2/2016 10:00' is not a time like 29/2/2016 01:16.",
            "Events refused by the lifecycle: 0",
        ];
        AssertBlock(rejected, output);
    }

    [Fact]
    public async Task RunAsync_SmallEventLog_PrintsTicketsPerStateAndPriority()
    {
        await SampleLog().WriteAsync(CsvPath);

        var (_, output, _) = await RunAsync(CsvPath, DatabaseArgument);

        string[] tally =
        [
            "Tickets per state:",
            "  Closed              1",
            "  InProgress          1",
            "  OnHold              1",
            "Tickets per priority:",
            "  1 - Critical        1",
            "  3 - Moderate        1",
            "  4 - Low             1",
        ];
        AssertBlock(tally, output);
    }

    [Fact]
    public async Task RunAsync_RecordedPrioritiesOffTheMatrix_PrintsTheAgreementAndEachDisagreement()
    {
        await SampleLog().WriteAsync(CsvPath);

        var (_, output, _) = await RunAsync(CsvPath, DatabaseArgument);

        Assert.Contains(
            "Priority from impact x urgency ('servicenow-incident') agrees with the recorded priority at 7 of 9 "
            + "events (77.78 %).",
            output);
        Assert.Contains("  impact 3, urgency 3: recorded '5 - Planning', matrix gives '4 - Low' (2 events)", output);
    }

    [Fact]
    public async Task RunAsync_SmallEventLog_StoresOneTicketPerIncidentInItsLastState()
    {
        await SampleLog().WriteAsync(CsvPath);

        await RunAsync(CsvPath, DatabaseArgument);

        var options = new EngineOptions { Storage = ((ITestDatabase)_database).Storage };
        var engine = await WorkflowEngine.StartAsync(options);
        await using var db = engine.Contexts.Create();
        var stored = await db.Tickets.OrderBy(t => t.ExternalKey).ToListAsync();
        (string?, TicketState, HoldReason?, string?, string?)[] expected =
        [
            ("servicenow:INC0000001", TicketState.Closed, null, "3", "code 5"),
            ("servicenow:INC0000002", TicketState.OnHold, HoldReason.AwaitingCaller, "1", null),
            ("servicenow:INC0000003", TicketState.InProgress, null, "4", null),
        ];
        Assert.Equal(
            expected,
            stored.Select(t => (t.ExternalKey, t.State, t.HoldReason, t.Priority, t.ResolutionCode)));
    }

    [Fact]
    public async Task RunAsync_EveryRowRead_Returns0AndWritesNoErrors()
    {
        await CleanLog().WriteAsync(CsvPath);

        var (code, output, errors) = await RunAsync(CsvPath, DatabaseArgument);

        Assert.Equal(0, code);
        Assert.Equal("", errors);
        Assert.Contains("Rows rejected: 0", output);
    }

    [Fact]
    public async Task RunAsync_RowsRejected_Returns1AfterPrintingTheWholeSummary()
    {
        await SampleLog().WriteAsync(CsvPath);

        var (code, output, errors) = await RunAsync(CsvPath, DatabaseArgument);

        Assert.Equal(1, code);
        Assert.Equal(
            $"import: 3 rows were rejected; the summary lists them with their line and reason.{Environment.NewLine}",
            errors);
        Assert.Contains("Tickets created:    3", output);
        Assert.Contains("Rows rejected: 3", output);
        Assert.StartsWith("Elapsed: ", output[^2]);
    }

    [Fact]
    public async Task RunAsync_SameFileTwice_LeavesTheImportedIncidentsAlone()
    {
        await CleanLog().WriteAsync(CsvPath);
        await RunAsync(CsvPath, DatabaseArgument);

        var (code, output, _) = await RunAsync(CsvPath, DatabaseArgument);

        Assert.Equal(0, code);
        Assert.Contains("Tickets created:    0", output);
        Assert.Contains("Already imported:   3 (left as they were)", output);
    }

    [Fact]
    public async Task RunAsync_ShowOption_ListsOnlyThatManyRejectionsAndCountsTheRest()
    {
        await SampleLog().WriteAsync(CsvPath);

        var (code, output, _) = await RunAsync(CsvPath, "--show", "1", DatabaseArgument);

        Assert.Equal(1, code);
        string[] rejected =
        [
            "Rows rejected: 3",
            "  line 9 (INC0000004): incident_state: 'Bogus' is not a known state.",
            "  ... and 2 more",
            "Events refused by the lifecycle: 0",
        ];
        AssertBlock(rejected, output);
    }

    [Fact]
    public async Task RunAsync_MissingFile_Returns2AndNamesTheFile()
    {
        var missing = Path.Combine(_database.Folder, "no-such-export.csv");

        var (code, output, errors) = await RunAsync(missing, DatabaseArgument);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith(
            $"import: FILE: '{missing}' does not exist.{Environment.NewLine}usage: import FILE.csv",
            errors);
        Assert.False(File.Exists(_database.FilePath));
    }

    [Fact]
    public async Task RunAsync_DirectoryAsFile_Returns2AndSaysItIsADirectory()
    {
        var (code, output, errors) = await RunAsync(_database.Folder, DatabaseArgument);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith(
            $"import: FILE: '{_database.Folder}' is a directory; name the CSV file to import.{Environment.NewLine}",
            errors);
        Assert.False(File.Exists(_database.FilePath));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task RunAsync_EmptySource_Returns2AndNamesTheOption(string source)
    {
        await CleanLog().WriteAsync(CsvPath);

        var (code, output, errors) = await RunAsync(CsvPath, "--source", source, DatabaseArgument);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith(
            "import: --source: must not be empty; it names where the incidents come from.",
            errors);
        Assert.False(File.Exists(_database.FilePath));
    }

    [Fact]
    public async Task RunAsync_NoFile_Returns2AndAsksForOne()
    {
        var (code, _, errors) = await RunAsync(DatabaseArgument);

        Assert.Equal(2, code);
        Assert.StartsWith("import: FILE: name the CSV file to import.", errors);
    }

    [Theory]
    [InlineData("--bogus", "--bogus")]
    [InlineData("--bogus=1", "--bogus")]
    [InlineData("--Show", "--Show")]
    public async Task RunAsync_UnknownOption_Returns2AndNamesTheOption(string option, string named)
    {
        await SampleLog().WriteAsync(CsvPath);

        var (code, output, errors) = await RunAsync(CsvPath, option, DatabaseArgument);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith($"import: {named}: is not an option of import.", errors);
        Assert.Contains("usage: import FILE.csv [--scheme ID|FILE] [--zone ZONE] [--source NAME] [--show N]", errors);
        Assert.False(File.Exists(_database.FilePath));
    }

    [Theory]
    [InlineData("--show", "0", "import: --show: '0' is not a positive whole number.")]
    [InlineData("--batch", "-5", "import: --batch: '-5' is not a positive whole number.")]
    public async Task RunAsync_OptionWithABadNumber_Returns2AndNamesTheOption(
        string option,
        string value,
        string message)
    {
        await SampleLog().WriteAsync(CsvPath);

        var (code, _, errors) = await RunAsync(CsvPath, option, value, DatabaseArgument);

        Assert.Equal(2, code);
        Assert.StartsWith(message, errors);
    }

    /// <summary>
    /// A zone or scheme that does not exist is a bad option value, like <c>--show 0</c>, and gets the same
    /// usage exit code, before any database is touched.
    /// </summary>
    [Theory]
    [InlineData("--zone", "Mars/Olympus")]
    [InlineData("--scheme", "no-such-scheme")]
    public async Task RunAsync_OptionNamingSomethingUnknown_Returns2LikeOtherBadOptionValues(
        string option,
        string value)
    {
        await SampleLog().WriteAsync(CsvPath);

        var (code, output, errors) = await RunAsync(CsvPath, option, value, DatabaseArgument);

        Assert.Contains($"'{value}'", errors);
        Assert.Empty(output);
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task RunAsync_OptionWithoutItsValue_Returns2AndNamesTheOption()
    {
        await SampleLog().WriteAsync(CsvPath);

        var (code, _, errors) = await RunAsync(DatabaseArgument, CsvPath, "--show");

        Assert.Equal(2, code);
        Assert.StartsWith("import: --show: needs a value.", errors);
    }

    [Fact]
    public async Task RunAsync_ZoneOption_ReadsTheExportsTimesInThatZone()
    {
        await CleanLog().WriteAsync(CsvPath);

        var (code, output, _) = await RunAsync(CsvPath, "--zone", "Europe/Paris", DatabaseArgument);

        Assert.Equal(0, code);
        Assert.EndsWith("times read as Europe/Paris.", output[0]);
    }

    /// <summary>An option written <c>--zone=ZONE</c> takes effect; left at UTC it would shift every time.</summary>
    [Fact]
    public async Task RunAsync_ZoneWrittenWithEquals_ReadsTheExportsTimesInThatZone()
    {
        await CleanLog().WriteAsync(CsvPath);

        var (code, output, errors) = await RunAsync(CsvPath, "--zone=Europe/Paris", DatabaseArgument);

        Assert.Equal(0, code);
        Assert.Equal("", errors);
        Assert.EndsWith("times read as Europe/Paris.", output[0]);
    }

    [Fact]
    public async Task RunAsync_EmptyFile_Returns1AndSaysNothingWasWritten()
    {
        await File.WriteAllTextAsync(CsvPath, "");

        var (code, _, errors) = await RunAsync(CsvPath, DatabaseArgument);

        Assert.Equal(1, code);
        Assert.Equal($"import: refused, nothing was written: line 1: the file is empty.{Environment.NewLine}", errors);
    }

    [Fact]
    public async Task RunAsync_HeaderWithoutARequiredColumn_Returns1AndNamesTheColumn()
    {
        await File.WriteAllTextAsync(CsvPath, EventLogCsv.Header.Replace(",priority,", ",prio,") + "\n");

        var (code, _, errors) = await RunAsync(CsvPath, DatabaseArgument);

        Assert.Equal(1, code);
        Assert.Equal(
            $"import: refused, nothing was written: line 1: the header has no column priority.{Environment.NewLine}",
            errors);
    }

    /// <summary>
    /// Three incidents (closed, on hold, in progress) and three rows the reader must reject: an unknown state
    /// on line 9, a short row on line 12 and an impossible date on line 13. The in-progress incident records
    /// priority 5 for Low/Low, where the matrix gives 4. Every incident was opened at eight and registered five
    /// minutes later.
    /// </summary>
    private static EventLogCsv SampleLog() => new EventLogCsv(OpenedAtEight)
        .Add("INC0000001", "New", 0, "1/3/2016 08:05", ("closed_code", "code 5"))
        .Add("INC0000001", "Active", 1, "1/3/2016 09:00", ("closed_code", "code 5"))
        .Add("INC0000001", "Resolved", 2, "1/3/2016 10:00", ("closed_code", "code 5"))
        .Add("INC0000001", "Closed", 3, "6/3/2016 10:00", ("closed_code", "code 5"))
        .Add("INC0000002", "New", 0, "2/3/2016 11:00", Critical)
        .Add("INC0000002", "Active", 1, "2/3/2016 11:30", Critical)
        .Add("INC0000002", "Awaiting User Info", 2, "2/3/2016 12:00", Critical)
        .Add("INC0000004", "Bogus", 0, "2/3/2016 13:00")
        .Add("INC0000003", "New", 0, "3/3/2016 08:00", Planning)
        .Add("INC0000003", "Active", 1, "3/3/2016 08:10", Planning)
        .AddRaw("INC0000005,New,true")
        .Add("INC0000006", "New", 0, "31/2/2016 10:00");

    /// <summary>The three incidents of <see cref="SampleLog"/> without the rows the reader rejects.</summary>
    private static EventLogCsv CleanLog() => new EventLogCsv(OpenedAtEight)
        .Add("INC0000001", "New", 0, "1/3/2016 08:05", ("closed_code", "code 5"))
        .Add("INC0000001", "Active", 1, "1/3/2016 09:00", ("closed_code", "code 5"))
        .Add("INC0000001", "Resolved", 2, "1/3/2016 10:00", ("closed_code", "code 5"))
        .Add("INC0000001", "Closed", 3, "6/3/2016 10:00", ("closed_code", "code 5"))
        .Add("INC0000002", "New", 0, "2/3/2016 11:00", Critical)
        .Add("INC0000002", "Active", 1, "2/3/2016 11:30", Critical)
        .Add("INC0000002", "Awaiting User Info", 2, "2/3/2016 12:00", Critical)
        .Add("INC0000003", "New", 0, "3/3/2016 08:00", Planning)
        .Add("INC0000003", "Active", 1, "3/3/2016 08:10", Planning);

    private static async Task<(int Code, string[] Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await ImportCommand.RunAsync(args, output, errors);

        var lines = output.ToString().Split(Environment.NewLine);
        return (code, lines[^1] == "" ? lines[..^1] : lines, errors.ToString());
    }

    /// <summary>Checks the lines appear one after another, in this order, somewhere in the output.</summary>
    private static void AssertBlock(string[] expected, string[] output)
    {
        var start = Array.IndexOf(output, expected[0]);
        Assert.True(start >= 0, $"'{expected[0]}' is not in the output:\n{string.Join('\n', output)}");
        Assert.Equal(expected, output.Skip(start).Take(expected.Length));
    }
}
