namespace Workflow.Host.Cli;

/// <summary>Picks the verb from the command line: <c>serve</c> (the default), <c>import</c> or <c>help</c>.</summary>
public static class CommandLine
{
    public const string Usage = """
        Usage:
          Workflow.Host [serve] [--urls URL] [--Engine:SETTING=VALUE ...]
              Serve the HTTP API on http://127.0.0.1:5080, or on URL, until Ctrl+C.
          Workflow.Host import FILE.csv [OPTIONS] [--Engine:SETTING=VALUE ...]
              Import a ServiceNow incident event log and print a summary.
        """ + "\n" + ImportCommand.Options + """

          Workflow.Host bench-jobs [--tickets N] [--timers N] [--workers N] [--batch N] [--idle-seconds N]
              Seed an empty PostgreSQL database; print sweep time with one and two job servers, timer
              firings per second and an idle server's load.

          Workflow.Host loadcheck [--seconds N] [--connections N] [--Engine:SETTING=VALUE ...]
              Create tickets over HTTP on loopback for N seconds and print requests/s, p50 and p99.

          Workflow.Host help
              Show this text.
        """;

    /// <summary>Runs the verb the arguments name.</summary>
    /// <returns>The process exit code: 0 done, 1 failed, 2 wrong arguments or settings.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var verb = args.FirstOrDefault();
        if (verb is "help" || (verb is null or "serve" || verb.StartsWith('-')) && args.Any(IsHelp))
        {
            output.WriteLine(Usage);
            return 0;
        }

        return verb switch
        {
            "import" => await ImportCommand.RunAsync(args[1..], output, errors),
            "bench-jobs" => await JobsBenchmarkCommand.RunAsync(args[1..], output, errors),
            "loadcheck" => await LoadCheckCommand.RunAsync(args[1..], output, errors),
            null => await HostApp.RunAsync(args, errors),
            "serve" => await HostApp.RunAsync(args[1..], errors),
            _ when verb.StartsWith('-') => await HostApp.RunAsync(args, errors),
            _ => Unknown(verb, errors),
        };
    }

    internal static bool IsHelp(string arg) => arg is "--help" or "-h" or "-?" or "/?";

    private static int Unknown(string verb, TextWriter errors)
    {
        errors.WriteLine($"Unknown command '{verb}'.");
        errors.WriteLine(Usage);
        return 2;
    }
}
