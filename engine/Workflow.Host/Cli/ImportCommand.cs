using Microsoft.Extensions.Configuration;
using Workflow.Engine;
using Workflow.Engine.Intake.EventLog;
using Workflow.Engine.Priority;
using Workflow.Engine.Validation;

namespace Workflow.Host.Cli;

/// <summary><c>import FILE.csv</c>: brings a ServiceNow incident event log in as tickets and prints a summary.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
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
            errors.WriteLine("usage: import FILE.csv [--scheme ID|FILE] [--zone ZONE] [--source NAME] [--show N]");
            return 2;
        }

        try
        {
            return await ImportAsync(parsed, options, config, output);
        }
        catch (ValidationException ex)
        {
            errors.WriteLine($"import: refused, nothing was written: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> ImportAsync(
        ImportArguments args,
        EventLogImportOptions options,
        IConfiguration config,
        TextWriter output)
    {
        var engineOptions = config.GetSection("Engine").Get<EngineOptions>() ?? new EngineOptions();
        var engine = await WorkflowEngine.StartAsync(engineOptions);

        output.WriteLine($"Importing {args.File} into {Describe(engineOptions)}, priorities checked against "
            + $"'{options.PriorityScheme.Id}', times read as {options.Times.DefaultZone?.Id}.");
        using var reader = new StreamReader(args.File, System.Text.Encoding.UTF8, true, 1 << 16);
        var progress = new ConsoleProgress(output, Console.IsOutputRedirected || output != Console.Out);
        var summary = await new EventLogImporter(engine).ImportAsync(reader, args.File, options, progress);
        progress.Finish();

        ImportReport.Write(summary, options.PriorityScheme, args.Show, output);
        return 0;
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
