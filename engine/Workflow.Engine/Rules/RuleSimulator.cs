using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Catalog;
using Workflow.Engine.Priority;
using Workflow.Engine.Storage;
using Workflow.Engine.Tickets;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Rules;

/// <summary>A field of a stored ticket that a draft rule set would decide differently, and the rule why.</summary>
public sealed record SimulatedChange(
    long TicketId,
    string Number,
    string Field,
    string? Before,
    string? After,
    string? Rule);

/// <summary>
/// Shows what a draft rule set would change before it is published: each stored ticket's logged details
/// are evaluated by the rules in force and by the draft, and every difference in kind, category,
/// subcategory, priority or assignment group is listed with the rule responsible.
/// </summary>
public sealed class RuleSimulator(WorkflowDbContextFactory contexts, TicketCatalog catalog, FactDirectory directory)
{
    private const int Page = 500;

    public async Task<IReadOnlyList<SimulatedChange>> SimulateAsync(
        RuleEngine current,
        RuleEngine draft,
        int maxTickets,
        CancellationToken cancellationToken = default)
    {
        var changes = new List<SimulatedChange>();
        long after = 0;
        var seen = 0;

        while (seen < maxTickets)
        {
            await using var db = contexts.Create();
            var tickets = await db.Tickets.AsNoTracking()
                .Where(t => t.Id > after)
                .OrderBy(t => t.Id)
                .Take(Math.Min(Page, maxTickets - seen))
                .ToListAsync(cancellationToken);
            if (tickets.Count == 0)
            {
                break;
            }

            var ids = tickets.Select(t => t.Id).ToList();
            var created = await db.Journal.AsNoTracking()
                .Where(j => ids.Contains(j.TicketId) && j.Sequence == 1)
                .ToDictionaryAsync(j => j.TicketId, cancellationToken);

            foreach (var ticket in tickets)
            {
                var logged = created.GetValueOrDefault(ticket.Id);
                var before = current.Evaluate(Logged(ticket, logged));
                changes.AddRange(Compare(ticket, before, draft.Evaluate(Logged(ticket, logged))));
            }

            after = tickets[^1].Id;
            seen += tickets.Count;
        }

        return changes;
    }

    /// <summary>The ticket as it was logged: fields rules may decide take the values the reporter gave.</summary>
    private TicketFact Logged(Ticket ticket, JournalEntry? created)
    {
        string? Given(string field) => created?.Changes.FirstOrDefault(c => c.Field == field)?.New;

        var fact = TicketFacts.From(ticket, directory: directory);
        fact.Category = Given(nameof(Ticket.Category));
        fact.Subcategory = Given(nameof(Ticket.Subcategory));
        fact.Impact = Given(nameof(Ticket.Impact));
        fact.Urgency = Given(nameof(Ticket.Urgency));
        fact.AssignmentGroup = Given(nameof(Ticket.AssignmentGroup));
        return fact;
    }

    private IEnumerable<SimulatedChange> Compare(Ticket ticket, RuleEvaluation before, RuleEvaluation after)
    {
        var fields = new (string Field, Func<RuleEvaluation, string?> Read, string[] Decided)[]
        {
            ("Kind", e => e.Fact.Kind.ToString(), ["Kind"]),
            ("Category", e => e.Fact.Category, ["Category"]),
            ("Subcategory", e => e.Fact.Subcategory, ["Subcategory"]),
            ("Priority", e => PriorityOf(ticket, e.Fact), ["Impact", "Urgency", "PriorityOverride"]),
            ("AssignmentGroup", e => e.Fact.AssignmentGroup, ["AssignmentGroup"]),
        };

        foreach (var (field, read, decided) in fields)
        {
            var was = read(before);
            var will = read(after);
            if (string.Equals(was, will, StringComparison.Ordinal))
            {
                continue;
            }

            var rule = after.Changes.LastOrDefault(c => decided.Contains(c.Field))?.Rule
                ?? before.Changes.LastOrDefault(c => decided.Contains(c.Field))?.Rule;
            yield return new SimulatedChange(ticket.Id, ticket.Number, field, was, will, rule);
        }
    }

    private string? PriorityOf(Ticket ticket, TicketFact fact)
    {
        var own = catalog.Current.SchemeFor(ticket.PriorityScheme);
        if (fact.PriorityOverride is { } overridden && own.FindLevel(overridden) is { } level)
        {
            return level.Code;
        }

        var impact = own.FindImpact(fact.Impact) ?? own.DefaultImpact;
        var urgency = own.FindUrgency(fact.Urgency) ?? own.DefaultUrgency;
        return own.PriorityFor(impact.Code, urgency.Code).Code;
    }
}
