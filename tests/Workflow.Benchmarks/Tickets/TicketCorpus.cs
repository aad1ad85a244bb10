using System.Text;
using Workflow.Benchmarks.Rules;
using Workflow.Sdk.Tickets;

namespace Workflow.Benchmarks.Tickets;

/// <summary>
/// The tickets to evaluate: texts of the Endava help-desk corpus, cycled to the number asked for, with a
/// channel, an affected-user count and, for portal tickets, the category the reporter picked. Without the
/// corpus the texts are synthetic, made of the same words the rules look for.
/// </summary>
internal sealed class TicketCorpus
{
    public const string DataFile = "endava-it-tickets/it_service_tickets_topic_group.csv";

    private const int SubjectWords = 8;

    private TicketCorpus(IReadOnlyList<TicketSpec> tickets, int documents, string source)
    {
        Tickets = tickets;
        Documents = documents;
        Source = source;
    }

    public IReadOnlyList<TicketSpec> Tickets { get; }

    /// <summary>How many distinct texts the tickets cycle through.</summary>
    public int Documents { get; }

    /// <summary>Where the texts came from, for the report.</summary>
    public string Source { get; }

    public static TicketCorpus Load(int count, string? dataFolder, TextWriter notices)
    {
        var file = dataFolder is null ? null : Path.Combine(dataFolder, DataFile);
        List<(string Text, string Label)> documents;
        string source;
        if (file is not null && File.Exists(file))
        {
            documents = ReadCsv(file);
            source = $"{Path.GetFullPath(file)} ({documents.Count:N0} documents)";
        }
        else
        {
            notices.WriteLine($"NOTICE: the help-desk corpus was not found (looked for {file ?? DataFile} in "
                + "../shared/data beside the repository root); the tickets use synthetic texts instead, so the "
                + "figures are not comparable with runs on the real corpus.");
            documents = Synthetic(20_000);
            source = $"synthetic ({documents.Count:N0} documents)";
        }

        var split = documents.Select(d => (Split(d.Text), d.Label)).ToList();
        var tickets = new TicketSpec[count];
        var random = new Seeded(7);
        for (var i = 0; i < count; i++)
        {
            var ((subject, description), label) = split[i % split.Count];
            var channel = Channel(random.Fraction());
            tickets[i] = new TicketSpec(
                $"BENCH-{i + 1:000000}",
                channel,
                subject,
                description,
                AffectedUsers(random),
                channel == IntakeChannel.Portal ? label : null);
        }

        return new TicketCorpus(tickets, documents.Count, source);
    }

    /// <summary>The shared data folder: <c>../shared/data</c> beside the root of the repository this runs from.</summary>
    public static string? FindDataFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                }
            }
        }

        return null;
    }

    private static IntakeChannel Channel(double draw) => draw switch
    {
        < 0.45 => IntakeChannel.Mail,
        < 0.75 => IntakeChannel.Portal,
        < 0.90 => IntakeChannel.Phone,
        < 0.95 => IntakeChannel.InPerson,
        _ => IntakeChannel.MonitoringAlert,
    };

    private static int? AffectedUsers(Seeded random)
    {
        var draw = random.Fraction();
        return draw switch
        {
            < 0.35 => null,
            < 0.65 => 1,
            < 0.85 => random.Between(2, 9),
            < 0.95 => random.Between(10, 49),
            < 0.99 => random.Between(50, 249),
            _ => random.Between(250, 2000),
        };
    }

    /// <summary>The corpus joins subject and body; the first words stand for the subject.</summary>
    private static (string Subject, string Description) Split(string text)
    {
        var end = -1;
        for (var words = 0; words < SubjectWords; words++)
        {
            end = text.IndexOf(' ', end + 1);
            if (end < 0)
            {
                return (text, "");
            }
        }

        return (text[..end], text[(end + 1)..]);
    }

    /// <summary>Reads the two columns of the corpus; quoted fields may hold commas, quotes and line breaks.</summary>
    private static List<(string Text, string Label)> ReadCsv(string file)
    {
        var rows = new List<(string, string)>();
        using var reader = new StreamReader(file, Encoding.UTF8);
        var header = true;
        foreach (var fields in Records(reader))
        {
            if (header)
            {
                header = false;
                continue;
            }

            if (fields.Count >= 2 && fields[0].Length > 0)
            {
                rows.Add((fields[0], fields[1]));
            }
        }

        return rows;
    }

    private static IEnumerable<List<string>> Records(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields;
                    fields = [];
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }

    /// <summary>Texts of 10 to 60 words: mostly filler, with a few of the words the rules look for.</summary>
    private static List<(string Text, string Label)> Synthetic(int count)
    {
        string[] filler =
        [
            "please", "hi", "regards", "thank", "help", "issue", "request", "team", "today", "kindly", "need",
            "working", "user", "check", "update", "details", "attached", "problem", "since", "morning",
        ];
        var random = new Seeded(11);
        var documents = new List<(string, string)>(count);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var area = random.Pick(RuleSetGenerator.Areas);
            var words = random.Between(10, 60);
            text.Clear();
            for (var w = 0; w < words; w++)
            {
                var draw = random.Fraction();
                var word = draw switch
                {
                    < 0.10 => random.Pick(area.Keywords),
                    < 0.12 => random.Pick(random.Pick(RuleSetGenerator.Areas).Keywords),
                    < 0.13 => random.Pick(RuleSetGenerator.TroubleWords),
                    _ => random.Pick(filler),
                };
                text.Append(w == 0 ? "" : " ").Append(word);
            }

            documents.Add((text.ToString(), area.Category));
        }

        return documents;
    }
}
