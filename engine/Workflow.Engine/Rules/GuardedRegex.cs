using System.Text.RegularExpressions;

namespace Workflow.Engine.Rules;

/// <summary>
/// The static <see cref="Regex"/> methods company rules may call. Compiled rules call these instead, so a
/// pattern that backtracks without end is held to what is left of the rule's time budget: the rule is stopped
/// and quarantined as if it had looped.
/// </summary>
public static class GuardedRegex
{
    /// <summary>The methods rules may call, by name; each is offered with and without options.</summary>
    public static readonly IReadOnlySet<string> Methods =
        new HashSet<string>(StringComparer.Ordinal) { "IsMatch", "Match", "Matches", "Replace", "Split", "Count" };

    public static bool IsMatch(string input, string pattern) => IsMatch(input, pattern, RegexOptions.None);

    public static bool IsMatch(string input, string pattern, RegexOptions options) =>
        Run(() => Regex.IsMatch(input, pattern, options, RuleGuard.Remaining()));

    public static Match Match(string input, string pattern) => Match(input, pattern, RegexOptions.None);

    public static Match Match(string input, string pattern, RegexOptions options) =>
        Run(() => Regex.Match(input, pattern, options, RuleGuard.Remaining()));

    public static MatchCollection Matches(string input, string pattern) => Matches(input, pattern, RegexOptions.None);

    /// <summary>All matches, found at once (counting them runs the whole search) so the budget covers it.</summary>
    public static MatchCollection Matches(string input, string pattern, RegexOptions options) =>
        Run(() =>
        {
            var matches = Regex.Matches(input, pattern, options, RuleGuard.Remaining());
            _ = matches.Count;
            return matches;
        });

    public static string Replace(string input, string pattern, string replacement) =>
        Replace(input, pattern, replacement, RegexOptions.None);

    public static string Replace(string input, string pattern, string replacement, RegexOptions options) =>
        Run(() => Regex.Replace(input, pattern, replacement, options, RuleGuard.Remaining()));

    public static string[] Split(string input, string pattern) => Split(input, pattern, RegexOptions.None);

    public static string[] Split(string input, string pattern, RegexOptions options) =>
        Run(() => Regex.Split(input, pattern, options, RuleGuard.Remaining()));

    public static int Count(string input, string pattern) => Count(input, pattern, RegexOptions.None);

    public static int Count(string input, string pattern, RegexOptions options) =>
        Run(() => new Regex(pattern, options, RuleGuard.Remaining()).Count(input));

    private static T Run<T>(Func<T> search)
    {
        try
        {
            return search();
        }
        catch (RegexMatchTimeoutException)
        {
            throw RuleGuard.Expire();
        }
    }
}
