using System.Globalization;

namespace Workflow.Benchmarks;

/// <summary>
/// Benchmarks that print figures. <c>rules [--tickets N] [--rules N] [--sample N]</c> compares our rule
/// engine with a hand-written if-chain and with Microsoft RulesEngine on the same rules and tickets;
/// <c>rules-memory [--versions N]</c> publishes N rule-set versions in one process and prints the heap.
/// </summary>
internal static class Program
{
    private const string Usage = "usage: dotnet run -c Release --project tests/Workflow.Benchmarks -- "
        + "rules [--tickets N] [--rules N] [--sample N] | rules-memory [--versions N]";

    public static int Main(string[] args)
    {
        if (args is ["rules-memory", ..])
        {
            return Memory(args[1..]);
        }

        if (args.Length == 0 || args[0] != "rules")
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var options = new RulesOptions(Tickets: 100_000, Rules: 200, Sample: 5_000);
        for (var i = 1; i < args.Length; i++)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || n <= 0)
            {
                Console.Error.WriteLine($"'{args[i]}' needs a positive whole number after it.");
                Console.Error.WriteLine(Usage);
                return 2;
            }

            switch (args[i])
            {
                case "--tickets":
                    options = options with { Tickets = n };
                    break;
                case "--rules":
                    options = options with { Rules = n };
                    break;
                case "--sample":
                    options = options with { Sample = n };
                    break;
                default:
                    Console.Error.WriteLine($"unknown option '{args[i]}'.");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }

            i++;
        }

        return new RulesBenchmark(options, Console.Out).Run();
    }

    private static int Memory(string[] args)
    {
        var versions = 1_000;
        if (args is ["--versions", var text]
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 100)
        {
            versions = n;
        }
        else if (args.Length > 0)
        {
            Console.Error.WriteLine("rules-memory takes --versions N, with N at least 100.");
            return 2;
        }

        return new RuleMemoryBenchmark(versions, Console.Out).Run();
    }
}
