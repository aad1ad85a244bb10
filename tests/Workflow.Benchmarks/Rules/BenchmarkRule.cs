using Workflow.Engine.Rules;
using Workflow.Sdk.Rules;
using Workflow.Sdk.Tickets;

namespace Workflow.Benchmarks.Rules;

/// <summary>One test inside a rule's condition; a condition holds when every one of its clauses holds.</summary>
internal abstract record Clause
{
    /// <summary>The clause as an expression over <c>ticket</c>; the text is valid C# and valid Dynamic LINQ.</summary>
    public abstract string Text { get; }

    /// <summary>True when the clause reads a field that rule actions set, so its value can change mid-evaluation.</summary>
    public virtual bool ReadsDecisions => false;

    internal static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}

internal sealed record MentionsClause(string Word) : Clause
{
    public override string Text => $"ticket.Mentions({Quote(Word)})";
}

internal sealed record MentionsNoneClause(string Word) : Clause
{
    public override string Text => $"!ticket.Mentions({Quote(Word)})";
}

internal sealed record MentionsAnyClause(IReadOnlyList<string> Words) : Clause
{
    public override string Text => "(" + string.Join(" || ", Words.Select(w => $"ticket.Mentions({Quote(w)})")) + ")";
}

internal sealed record UsersAtLeastClause(int Threshold) : Clause
{
    public override string Text => $"ticket.AffectedUsers >= {Threshold}";
}

internal sealed record CategoryIsClause(string Category) : Clause
{
    public override string Text => $"ticket.Category == {Quote(Category)}";

    public override bool ReadsDecisions => true;
}

internal sealed record ChannelIsClause(IntakeChannel Channel) : Clause
{
    public override string Text => $"ticket.Channel == IntakeChannel.{Channel}";
}

/// <summary>
/// A generated company rule in a form every engine under test can take: the condition as clauses, rendered
/// once as text, and an action of one of the kinds a process owner picks from.
/// </summary>
internal sealed record BenchmarkRule(
    string Name,
    int Salience,
    IReadOnlyList<Clause> Clauses,
    RuleActionKind Action,
    string Value)
{
    public string Condition => string.Join(" && ", Clauses.Select(c => c.Text));

    /// <summary>True when the condition can change while the rules run, because an action sets what it reads.</summary>
    public bool ReadsDecisions => Clauses.Any(c => c.ReadsDecisions);

    public CompanyRule ToCompanyRule() => new(Name, Salience, Condition, Action, Value);

    /// <summary>The action as one C# statement over <c>ticket</c>.</summary>
    public string ActionText => Action switch
    {
        RuleActionKind.SetCategory => $"ticket.Category = {Clause.Quote(Value)};",
        RuleActionKind.SetSubcategory => $"ticket.Subcategory = {Clause.Quote(Value)};",
        RuleActionKind.SetImpact => $"ticket.Impact = {Clause.Quote(Value)};",
        RuleActionKind.SetAssignmentGroup => $"ticket.AssignmentGroup = {Clause.Quote(Value)};",
        RuleActionKind.AddTag => $"ticket.AddTag({Clause.Quote(Value)});",
        _ => throw new InvalidOperationException($"The benchmark does not generate {Action} actions."),
    };

    /// <summary>Runs the action on a fact; used where an engine only says which rules matched.</summary>
    public void Apply(TicketFact ticket)
    {
        switch (Action)
        {
            case RuleActionKind.SetCategory:
                ticket.Category = Value;
                break;
            case RuleActionKind.SetSubcategory:
                ticket.Subcategory = Value;
                break;
            case RuleActionKind.SetImpact:
                ticket.Impact = Value;
                break;
            case RuleActionKind.SetAssignmentGroup:
                ticket.AssignmentGroup = Value;
                break;
            case RuleActionKind.AddTag:
                ticket.AddTag(Value);
                break;
            default:
                throw new InvalidOperationException($"The benchmark does not generate {Action} actions.");
        }
    }

    /// <summary>Salience order as the engine documents it: higher salience first, then name in ordinal order.</summary>
    public static IReadOnlyList<BenchmarkRule> InFiringOrder(IEnumerable<BenchmarkRule> rules) =>
        [.. rules.OrderByDescending(r => r.Salience).ThenBy(r => r.Name, StringComparer.Ordinal)];
}
