using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Rules;
using Workflow.Engine.Sla;
using Workflow.Engine.Storage;
using Workflow.Engine.Tickets;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Jobs;

public sealed partial class Sweeper
{
    /// <summary>
    /// Runs the time-based company rules on every ticket of the batch and carries out, once per ticket and rule,
    /// the escalations they ask for: one journal entry naming the rule and its rule-set version, a
    /// <see cref="RuleFiring"/> so later sweeps leave it be, and notices through the outbox. Returns the notices
    /// written; the tickets escalated join <paramref name="escalated"/>.
    /// </summary>
    private async Task<int> RunTimeRulesAsync(
        WorkflowDbContext db,
        RuleEngine timed,
        List<long> stamped,
        Dictionary<long, SlaOverride> own,
        DateTimeOffset now,
        HashSet<long> escalated,
        CancellationToken cancellationToken)
    {
        // Tickets the SLA pass loaded are tracked already and come back as the same objects, with its changes.
        var tickets = await db.Tickets.Where(t => stamped.Contains(t.Id)).ToListAsync(cancellationToken);
        var fired = (await db.RuleFirings.AsNoTracking()
                .Where(f => stamped.Contains(f.TicketId))
                .Select(f => new { f.TicketId, f.Rule })
                .ToListAsync(cancellationToken))
            .Select(f => (f.TicketId, f.Rule))
            .ToHashSet();

        var messages = 0;
        foreach (var ticket in tickets)
        {
            var times = TimeFacts.Of(ticket, now, clock.Policy);
            var fact = TicketFacts.From(ticket, enrichers: timed.Enrichers, directory: rules.Directory, times: times);
            var evaluation = timed.Evaluate(fact);
            var asked = evaluation.Fact.Escalations
                .GroupBy(e => e.Rule, StringComparer.Ordinal)
                .Where(g => g.Key.Length > 0 && !fired.Contains((ticket.Id, g.Key)));
            var escalation = own.GetValueOrDefault(ticket.Id);
            var acted = false;
            foreach (var rule in asked)
            {
                messages += CarryOut(db, ticket, rule.Key, [.. rule], timed.Version, escalation, now);
                acted = true;
            }

            // A rule that raised the priority may have put the ticket past its new warning or due time already.
            if (acted)
            {
                escalated.Add(ticket.Id);
                messages += Escalate(db, ticket, now, escalation) ?? 0;
            }
        }

        return messages;
    }

    private int CarryOut(
        WorkflowDbContext db,
        Ticket ticket,
        string rule,
        List<EscalationRequest> requests,
        string version,
        SlaOverride? own,
        DateTimeOffset now)
    {
        var escalation = clock.Policy.EscalationFor(own);
        var done = new List<string>();
        var notices = 0;
        foreach (var request in requests)
        {
            switch (request.Kind)
            {
                case EscalationKind.Notify:
                    db.Outbox.Add(RuleNotice(ticket, rule, version, request.Note, notices++, now));
                    done.Add("notified");
                    break;
                case EscalationKind.RaisePriority:
                    done.Add(RaisePriority(ticket) ?? "already at the highest priority");
                    break;
                case EscalationKind.Reassign:
                    done.Add(Reassign(ticket, escalation) ?? "already at the last support tier");
                    break;
                case EscalationKind.RaiseUrgency:
                    done.Add(RaiseUrgency(ticket));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(requests), request.Kind, null);
            }
        }

        db.RuleFirings.Add(RuleFiring.Create(ticket.Id, rule, version, now));

        // A new priority brings new due times; they join this entry.
        clock.Update(ticket, now, own);
        var reason = $"rule '{rule}' ({version}); {string.Join(", ", done)}";
        ticket.AppendJournal(Actor, RuleAction, reason, now, always: true);
        return notices;
    }

    /// <summary>
    /// The key names the ticket, the rule (by a digest: names may be long) and the notice's place among the rule's
    /// notices: one notice per rule and ticket, ever.
    /// </summary>
    private static OutboxMessage RuleNotice(
        Ticket ticket,
        string rule,
        string version,
        string? note,
        int index,
        DateTimeOffset now)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rule)))[..16];
        var payload = JsonSerializer.Serialize(
            new
            {
                ticketId = ticket.Id,
                number = ticket.Number,
                subject = ticket.Subject,
                rule,
                ruleSet = version,
                note,
                priority = ticket.Priority,
                assignmentGroup = ticket.AssignmentGroup,
            },
            JsonSerializerOptions.Web);
        return OutboxMessage.Create($"rule:{ticket.Id}:{digest}:{index}", RuleNoticeKind, ticket.Id, payload, now);
    }
}
