using Microsoft.Extensions.Configuration;
using Workflow.Engine;
using Workflow.Engine.Intake.EventLog;
using Workflow.Engine.Priority;
using Workflow.Engine.Validation;

namespace Workflow.Host.Cli;

/// <summary><c>import FILE.csv</c>: brings a ServiceNow incident event log in as tickets and prints a summary.</summary>
public static class ImportCommand
{
    public const string UsageLine =
        "usage: import FILE.csv [--scheme ID|FILE] [--zone ZONE] [--source NAME] [--show N] [--batch N]";

    /// <summary>The options and exit codes, as <c>help</c> and <c>import --help</c> print them.</summary>
    public const string Options = """
              --scheme ID|FILE  the priority scheme the recorded priorities are checked against
                                (default servicenow-incident)
              --zone ZONE       the time zone of the export's times (default UTC)
              --source NAME     where the incidents come from (default servicenow); with the incident number it
                                is the de-duplication key, so importing the same file again creates no duplicates
              --show N          how many rejected rows to list (default 20)
              --batch N         how many incidents to write per transaction (default 1000)
              Exit codes: 0 every row imported; 1 some rows rejected (the summary lists them) or the file
              refused; 2 a wrong argument or setting, nothing written.
        """;

    /// <summary>Imports the file the arguments name.</summary>
    /// <returns>0 when every row was imported, 1 when rows were rejected or the file was refused, 2 when an
    /// argument or setting is wrong.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Any(CommandLine.IsHelp))
        {
            output.WriteLine(UsageLine);
            output.WriteLine(Options);
            return 0;
        }

        var config = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Where(IsSetting).ToArray())
            .Build();

        ImportArguments parsed;
        EventLogImportOptions options;
        try
        {
            parsed = ImportArguments.Parse(args, config);
            options = new EventLogImportOptions
            {
                Source = parsed.Source,
                PriorityScheme = PrioritySchemeLoader.Resolve(parsed.Scheme),
                Times = TimeInput.ForZone(parsed.Zone, "--zone"),
                BatchSize = parsed.BatchSize,
            };
        }
        catch (ValidationException ex)
        {
            errors.WriteLine($"import: {ex.Message}");
            errors.WriteLine(UsageLine);
            return 2;
        }

        var engineOptions = EngineSettings.Read(config);
        WorkflowEngine engine;
        try
        {
            engine = await EngineSettings.StartAsync(engineOptions);
        }
        catch (EngineSettingException ex)
        {
            errors.WriteLine($"import: {ex.Message}");
            return 2;
        }

        try
        {
            var summary = await ImportAsync(engine, parsed, options, output);
            return Rejected(summary, errors);
        }
        catch (ValidationException ex)
        {
            errors.WriteLine($"import: refused, nothing was written: {ex.Message}");
            return 1;
        }
    }

    private static async Task<ImportSummary> ImportAsync(
        WorkflowEngine engine,
        ImportArguments args,
        EventLogImportOptions options,
        TextWriter output)
    {
        output.WriteLine($"Importing {args.File} into {Describe(engine.Options)}, priorities checked against "
            + $"'{options.PriorityScheme.Id}', times read as {options.Times.DefaultZone?.Id}.");
        using var reader = new StreamReader(args.File, System.Text.Encoding.UTF8, true, 1 << 16);
        var progress = new ConsoleProgress(output, Console.IsOutputRedirected || output != Console.Out);
        var summary = await new EventLogImporter(engine).ImportAsync(reader, args.File, options, progress);
        progress.Finish();

        ImportReport.Write(summary, options.PriorityScheme, args.Show, output);
        return summary;
    }

    /// <summary>A script must be able to tell an import that left rows behind from one that took every row.</summary>
    private static int Rejected(ImportSummary summary, TextWriter errors)
    {
        var count = summary.RejectedRows.Count;
        if (count == 0)
        {
            return 0;
        }

        errors.WriteLine($"import: {count:N0} {(count == 1 ? "row was" : "rows were")} rejected; "
            + "the summary lists them with their line and reason.");
        return 1;
    }

    /// <summary>A configuration switch such as <c>--Engine:Storage:Provider=postgres</c>.</summary>
    private static bool IsSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is > 2 and var equals
        && arg[..equals].Contains(':');

    private static string Describe(EngineOptions options) => options.Storage.IsPostgres
        ? "PostgreSQL"
        : $"SQLite ({(string.IsNullOrWhiteSpace(options.Storage.ConnectionString)
            ? Engine.Storage.StorageOptions.DefaultSqlitePath
            : options.Storage.ConnectionString)})";
}
