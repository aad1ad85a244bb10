using Workflow.Engine.Rules;

namespace Workflow.Engine.Tests.Rules;

public sealed class RuleSandboxTests
{
    private const string Threads = "rules cannot use threads or tasks.";
    private const string Files = "rules cannot use files.";
    private const string Reflection = "it leads to reflection.";
    private const string TypeName = "== \"TicketFact\"";
    private const string Environment = "'System.Environment' is not allowed in rules.";

    /// <summary>Part, code, line and column of the refusal in the author's text, and how its message ends.</summary>
    public static TheoryData<string, string, int, int, string> Denied => new()
    {
        { "action", "ticket.AddTag(\"a\");\n    System.IO.File.Delete(\"x\");", 2, 12, Files },
        { "condition", "ticket.Subject.Length > 0\n  && System.IO.File.Exists(\"x\")", 2, 13, Files },
        { "action", "var client = new System.Net.Http.HttpClient();", 1, 25, "rules cannot use the network." },
        { "action", "System.Diagnostics.Process.Start(\"sh\");", 1, 8, "rules cannot start or inspect processes." },
        { "action", "System.Threading.Thread.Sleep(10);", 1, 8, Threads },
        { "action", "ticket.AddTag(\"a\");\nSystem.Threading.Tasks.Task.Run(() => { });", 2, 8, Threads },
        { "condition", "typeof(TicketFact).Name " + TypeName, 1, 1, "typeof is not allowed in rules: " + Reflection },
        { "condition", "ticket.GetType().Name " + TypeName, 1, 8, "'GetType' is not allowed in rules: " + Reflection },
        {
            "action",
            "ticket.AddTag(System.Reflection.Assembly.GetExecutingAssembly().FullName!);",
            1,
            22,
            "rules cannot use reflection."
        },
        { "condition", "System.Environment.GetEnvironmentVariable(\"HOME\") == null", 1, 8, Environment },
        { "action", "if (ticket.Subject == \"\")\n{\n    System.Environment.Exit(1);\n}", 3, 12, Environment },
        { "action", "unsafe\n{\n    var x = 1;\n}", 1, 1, "unsafe code is not allowed in rules." },
        { "action", "var n = 0;\n    again: n++;", 2, 5, "jumps (goto and labels) are not allowed in rules." },
    };

    [Theory]
    [MemberData(nameof(Denied))]
    public void Compile_DeniedApi_RefusedAtTheAuthorsPosition(
        string part,
        string code,
        int line,
        int column,
        string reason)
    {
        var rule = part == "action"
            ? TestRules.Statement("denied", 1, "true", code)
            : new CompanyRule("denied", 1, code, RuleActionKind.AddTag, "x");

        var errors = TestRules.Refusals(rule);

        var refusal = Assert.Single(errors, e => e.Message.EndsWith(reason, StringComparison.Ordinal));
        Assert.Equal(("denied", part, line, column), (refusal.Rule, refusal.Part, refusal.Line, refusal.Column));
        Assert.All(errors, e => Assert.Equal(("denied", part), (e.Rule, e.Part)));
    }

    [Fact]
    public void Compile_GotoAndLabelOnDifferentLines_RefusedOncePerLine()
    {
        var rule = TestRules.Statement("jumps", 1, "true", "var n = 0;\nagain:\nn++;\nif (n < 10) goto again;");

        var errors = TestRules.Refusals(rule);

        Assert.Equal([(2, 1), (4, 13)], errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void Compile_PlainLibraryCode_Accepted()
    {
        var rule = TestRules.Statement(
            "library",
            1,
            "System.Text.RegularExpressions.Regex.IsMatch(ticket.Subject, \"^VPN\") && Math.Max(1, 2) == 2",
            "var words = ticket.Subject.Split(' ').Where(w => w.Length > 3).ToList();\n"
            + "foreach (var word in words) { ticket.AddTag(word.ToLowerInvariant()); }\n"
            + "ticket.Urgency = DateTime.UtcNow.Year > 2000 ? \"2\" : \"3\";");

        var evaluation = RuleEngine.Build([], [TestRules.Compile(rule)], TestRules.Version)
            .Evaluate(TestRules.Ticket());

        Assert.Equal(["drops", "every", "minutes"], evaluation.Fact.Tags);
        Assert.Equal("2", evaluation.Fact.Urgency);
    }

    [Fact]
    public void Compile_RegexInstance_RefusedNamingTheStaticMethodsToUse()
    {
        var rule = new CompanyRule(
            "instance",
            1,
            "new System.Text.RegularExpressions.Regex(\"^VPN\").IsMatch(ticket.Subject)",
            RuleActionKind.AddTag,
            "vpn");

        var error = TestRules.Refusals(rule)[0];

        Assert.Equal(("instance", "condition", 1, 1), (error.Rule, error.Part, error.Line, error.Column));
        Assert.Equal(
            "'Regex..ctor' is not allowed in rules; use the static Regex methods IsMatch, Match, Matches, Replace, "
            + "Split, Count with a pattern and options, which are held to the rule's time budget.",
            error.Message);
    }

    [Fact]
    public void Evaluate_StaticRegexCallsInAnAction_WorkAsTheRegexMethodsDo()
    {
        const string Code = """
            var words = System.Text.RegularExpressions.Regex.Split(ticket.Subject, "\\s+");
            var count = System.Text.RegularExpressions.Regex.Matches(ticket.Subject, "e").Count;
            ticket.AddTag(words.Length + " words, " + count + " e");
            ticket.Impact = System.Text.RegularExpressions.Regex.Replace(ticket.Subject, "[^0-9]", "x").Length.ToString();
            """;
        var rule = TestRules.Statement("regex", 1, "true", Code);

        var evaluation = TestRules.Engine(rule).Evaluate(TestRules.Ticket("VPN drops every ten minutes"));

        Assert.Equal(["5 words, 4 e"], evaluation.Fact.Tags);
        Assert.Equal("27", evaluation.Fact.Impact);
        Assert.Empty(evaluation.Faults);
    }
}
