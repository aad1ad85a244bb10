using System.Globalization;
using Microsoft.Extensions.Configuration;
using Workflow.Engine.Validation;

namespace Workflow.Host.Cli;

/// <summary>The import verb's arguments, with defaults from the <c>Import</c> section of the settings.</summary>
internal sealed record ImportArguments(string File, string Scheme, string? Zone, string Source, int Show, int BatchSize)
{
    public static ImportArguments Parse(string[] args, IConfiguration config)
    {
        var section = config.GetSection("Import");
        string? file = null;
        var scheme = section["PriorityScheme"] ?? "servicenow-incident";
        var zone = section["TimeZone"];
        var source = section["Source"] ?? "servicenow";
        var show = Number(section["MaxRejectionsShown"], "Import:MaxRejectionsShown", 20);
        var batch = Number(section["BatchSize"], "Import:BatchSize", 1000);

        var words = SplitEquals(args);
        for (var i = 0; i < words.Count; i++)
        {
            string Next() => i + 1 < words.Count
                ? words[++i]
                : throw new ValidationException(words[i], "needs a value.");

            switch (words[i])
            {
                case "--scheme": scheme = Next(); break;
                case "--zone": zone = Next(); break;
                case "--source": source = Next(); break;
                case "--show": show = Number(Next(), "--show", show); break;
                case "--batch": batch = Number(Next(), "--batch", batch); break;
                case var a when a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':'): break;
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    throw new ValidationException(a, "is not an option of import.");
                case var a when file is null: file = a; break;
                default: throw new ValidationException(words[i], "only one file can be imported at a time.");
            }
        }

        if (file is null)
        {
            throw new ValidationException("FILE", "name the CSV file to import.");
        }

        if (Directory.Exists(file))
        {
            throw new ValidationException("FILE", $"'{file}' is a directory; name the CSV file to import.");
        }

        if (!System.IO.File.Exists(file))
        {
            throw new ValidationException("FILE", $"'{file}' does not exist.");
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            // The source prefixes every incident number in the key that keeps a second import from duplicating.
            throw new ValidationException("--source", "must not be empty; it names where the incidents come from.");
        }

        return new ImportArguments(file, scheme, zone, source, show, batch);
    }

    /// <summary>
    /// Writes <c>--zone=UTC</c> as <c>--zone UTC</c>; settings such as <c>--Engine:Storage:Provider=postgres</c>
    /// stay whole, since the configuration reads them.
    /// </summary>
    private static List<string> SplitEquals(string[] args)
    {
        var words = new List<string>(args.Length);
        foreach (var arg in args)
        {
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 && !arg[..equals].Contains(':'))
            {
                words.Add(arg[..equals]);
                words.Add(arg[(equals + 1)..]);
            }
            else
            {
                words.Add(arg);
            }
        }

        return words;
    }

    private static int Number(string? text, string name, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ValidationException(name, $"'{text}' is not a positive whole number.");
    }
}
