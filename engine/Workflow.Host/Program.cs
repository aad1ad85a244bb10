using Workflow.Host;
using Workflow.Host.Cli;

return args.FirstOrDefault() switch
{
    "import" => await ImportCommand.RunAsync(args[1..], Console.Out, Console.Error),
    null or "serve" => await HostApp.RunAsync(args.Skip(args.Length > 0 ? 1 : 0).ToArray()),
    _ when args[0].StartsWith('-') => await HostApp.RunAsync(args),
    _ => Usage(args[0]),
};

static int Usage(string verb)
{
    Console.Error.WriteLine($"Unknown command '{verb}'.");
    Console.Error.WriteLine("Usage: Workflow.Host [serve]            serve the API on 127.0.0.1:5080");
    Console.Error.WriteLine("       Workflow.Host import FILE.csv    import a ServiceNow incident event log");
    return 2;
}
