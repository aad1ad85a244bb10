using Workflow.Engine.Rules;
using Workflow.Sdk.Tickets;

namespace Workflow.Benchmarks.Rules;

/// <summary>
/// Generates a company rule set of any size from a fixed seed: categorisation by keyword, subcategories and
/// assignment by category, impact by the number of affected users, and tags. The keywords are words of the
/// help-desk corpus, so the rules fire on real ticket texts.
/// </summary>
internal static class RuleSetGenerator
{
    public sealed record Area(string Category, string Group, IReadOnlyList<string> Keywords);

    /// <summary>The categories of the help-desk corpus, each with words its tickets use and the group that works them.</summary>
    public static IReadOnlyList<Area> Areas { get; } =
    [
        new("Hardware", "Desktop Support",
            ["laptop", "monitor", "keyboard", "mouse", "printer", "screen", "charger", "battery", "headset",
             "hardware", "replacement", "cable", "computer", "device"]),
        new("Access", "Identity and Access",
            ["access", "password", "credentials", "permissions", "account", "reset", "token", "rights", "expire",
             "unlock"]),
        new("HR Support", "HR Operations",
            ["leave", "holiday", "annual", "contract", "starter", "leaver", "payroll", "vacation", "employee"]),
        new("Purchase", "Procurement",
            ["purchase", "order", "invoice", "receipts", "license", "approved", "supplier", "quote"]),
        new("Storage", "Storage Team", ["storage", "folder", "shared", "drive", "backup", "files", "disk", "space"]),
        new("Internal Project", "Project Tools",
            ["project", "confluence", "oracle", "client", "developer", "tester", "environment"]),
        new("Administrative rights", "Platform Admins",
            ["administrator", "install", "installation", "software", "upgrade", "version", "admin"]),
        new("Miscellaneous", "Service Desk",
            ["mailbox", "outlook", "meeting", "video", "mobile", "network", "connection", "server", "error"]),
    ];

    /// <summary>Words that tell a disruption is hurting work now.</summary>
    public static IReadOnlyList<string> TroubleWords { get; } =
        ["outage", "down", "slow", "crash", "failed", "unable", "cannot", "urgent", "asap"];

    /// <summary>Words tags are set from, with the tag each one sets.</summary>
    public static IReadOnlyList<(string Word, string Tag)> TagWords { get; } =
    [
        ("urgent", "urgent"), ("asap", "urgent"), ("importance high", "urgent"), ("crash", "stability"),
        ("security", "security"), ("certificate", "security"), ("monitoring", "monitoring"), ("warning", "monitoring"),
        ("new starter", "onboarding"), ("leaver", "offboarding"),
    ];

    private static readonly IntakeChannel[] Channels =
        [IntakeChannel.Mail, IntakeChannel.Phone, IntakeChannel.Portal, IntakeChannel.InPerson];

    private static readonly int[] Thresholds = [2, 5, 10, 25, 50, 100, 250];

    public static IReadOnlyList<BenchmarkRule> Generate(int count, ulong seed = 20261204)
    {
        var random = new Seeded(seed);
        var rules = new List<BenchmarkRule>(count);
        for (var i = 0; i < count; i++)
        {
            // Twenty slots repeat: seven categorise, three set subcategories, three impact, five assign, two tag.
            var rule = (i % 20) switch
            {
                < 7 => Categorise(random, i),
                < 10 => Subcategorise(random, i),
                < 13 => Impact(random, i),
                < 18 => Assign(random, i),
                _ => Tag(random, i),
            };
            rules.Add(rule);
        }

        return rules;
    }

    private static BenchmarkRule Categorise(Seeded random, int i)
    {
        var area = random.Pick(Areas);
        var word = random.Pick(area.Keywords);
        var shape = random.Fraction();
        List<Clause> clauses = shape switch
        {
            < 0.55 => [new MentionsClause(word)],
            < 0.70 => [new MentionsAnyClause([word, OtherWord(random, area, word)])],
            < 0.85 => [new MentionsClause(word), new ChannelIsClause(random.Pick(Channels))],
            _ => [new MentionsClause(word), new UsersAtLeastClause(random.Pick(Thresholds))],
        };
        if (random.Fraction() < 0.1)
        {
            var other = random.Pick(Areas.Where(a => a != area).ToList());
            clauses.Add(new MentionsNoneClause(random.Pick(other.Keywords)));
        }

        return new BenchmarkRule(
            $"category-{i:0000}-{Slug(word)}",
            random.Between(40, 90),
            clauses,
            RuleActionKind.SetCategory,
            area.Category);
    }

    private static BenchmarkRule Subcategorise(Seeded random, int i)
    {
        var area = random.Pick(Areas);
        var word = random.Pick(area.Keywords);
        return new BenchmarkRule(
            $"subcategory-{i:0000}-{Slug(word)}",
            random.Between(20, 100),
            [new CategoryIsClause(area.Category), new MentionsClause(word)],
            RuleActionKind.SetSubcategory,
            char.ToUpperInvariant(word[0]) + word[1..]);
    }

    private static BenchmarkRule Impact(Seeded random, int i)
    {
        var threshold = random.Pick(Thresholds);
        var level = threshold >= 100 ? 1 : threshold >= 25 ? 2 : 3;
        var shape = random.Fraction();
        (List<Clause> Clauses, int Level) rule = shape switch
        {
            < 0.45 => ([new UsersAtLeastClause(threshold)], level),
            < 0.75 => ([new UsersAtLeastClause(threshold), new MentionsAnyClause(TwoTroubleWords(random))],
                Math.Max(1, level - 1)),
            < 0.87 => ([new ChannelIsClause(IntakeChannel.MonitoringAlert)], 2),
            _ => ([new ChannelIsClause(IntakeChannel.Phone), new MentionsClause(random.Pick(TroubleWords))], 2),
        };

        return new BenchmarkRule(
            $"impact-{i:0000}-{rule.Level}",
            random.Between(10, 60),
            rule.Clauses,
            RuleActionKind.SetImpact,
            rule.Level.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static BenchmarkRule Assign(Seeded random, int i)
    {
        var area = random.Pick(Areas);
        var shape = random.Fraction();
        if (shape < 0.60)
        {
            return new BenchmarkRule(
                $"assign-{i:0000}-{Slug(area.Category)}",
                random.Between(0, 70),
                [new CategoryIsClause(area.Category)],
                RuleActionKind.SetAssignmentGroup,
                area.Group);
        }

        if (shape < 0.75)
        {
            var channel = random.Pick(Channels);
            return new BenchmarkRule(
                $"assign-{i:0000}-{Slug(area.Category)}-{channel.ToString().ToLowerInvariant()}",
                random.Between(0, 70),
                [new CategoryIsClause(area.Category), new ChannelIsClause(channel)],
                RuleActionKind.SetAssignmentGroup,
                channel == IntakeChannel.InPerson ? "Walk-in Desk" : area.Group);
        }

        var word = random.Pick(area.Keywords);
        return new BenchmarkRule(
            $"assign-{i:0000}-{Slug(word)}",
            random.Between(0, 70),
            [new MentionsClause(word)],
            RuleActionKind.SetAssignmentGroup,
            area.Group);
    }

    private static BenchmarkRule Tag(Seeded random, int i)
    {
        var shape = random.Fraction();
        var (word, tag) = random.Pick(TagWords);
        List<Clause> clauses = shape switch
        {
            < 0.6 => [new MentionsClause(word)],
            < 0.8 => [new UsersAtLeastClause(100)],
            _ => [new ChannelIsClause(IntakeChannel.Phone), new MentionsClause(random.Pick(TroubleWords))],
        };
        tag = shape switch
        {
            < 0.6 => tag,
            < 0.8 => "wide-impact",
            _ => "callback",
        };

        return new BenchmarkRule($"tag-{i:0000}-{tag}", random.Between(0, 100), clauses, RuleActionKind.AddTag, tag);
    }

    private static string OtherWord(Seeded random, Area area, string word)
    {
        var others = area.Keywords.Where(k => k != word).ToList();
        return random.Pick(others);
    }

    private static List<string> TwoTroubleWords(Seeded random)
    {
        var first = random.Pick(TroubleWords);
        var second = random.Pick(TroubleWords.Where(w => w != first).ToList());
        return [first, second];
    }

    private static string Slug(string text) => text.ToLowerInvariant().Replace(' ', '-');
}
