using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Workflow.Engine.Catalog;
using Workflow.Engine.Priority;
using Workflow.Engine.Rules;
using Workflow.Engine.Sla;
using Workflow.Engine.Storage;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Jobs;

/// <summary>
/// Re-evaluates open tickets in batches: raises SLA warnings and breaches and carries out their escalations (as
/// each ticket's workflow version states them, or the policy), then re-runs the time-based company rules and
/// carries out what they ask once per ticket and rule, with the notices going out through the outbox. A batch
/// first stamps its tickets' <see cref="TicketSweep"/> rows with its run number in one statement, which also locks
/// those rows until it commits, and evaluates only the tickets that stamp returned; a batch run twice (a retry
/// after a crash, a job fetched again after a timeout) finds nothing left the second time, and a ticket is never
/// evaluated by two workers at once. Thread-safe.
/// </summary>
public sealed partial class Sweeper(
    WorkflowDbContextFactory contexts,
    SlaClock clock,
    TicketCatalog catalog,
    RuleRegistry rules,
    WorkflowDefinitionStore definitions,
    TimeProvider time)
{
    public const string Actor = "sweep";

    /// <summary>The journal action of the time-based rule that raises the urgency of unassigned tickets.</summary>
    public const string UnassignedAction = "rule.unassigned";

    /// <summary>The journal action of a company rule's escalation, carried out by a sweep.</summary>
    public const string RuleAction = "rule.escalation";

    /// <summary>The outbox kind of a notice a company rule asked for.</summary>
    public const string RuleNoticeKind = "rule.notify";

    /// <summary>Open tickets cut into batches of at most <paramref name="batchSize"/>, by id.</summary>
    public async Task<IReadOnlyList<SweepBatch>> PlanAsync(
        long run,
        int batchSize,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var ids = await db.Tickets.AsNoTracking()
            .Open()
            .OrderBy(t => t.Id)
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);

        return [.. ids.Chunk(batchSize).Select(chunk => new SweepBatch(run, chunk[0], chunk[^1]))];
    }

    /// <summary>Evaluates one batch in one transaction.</summary>
    /// <exception cref="DbUpdateException">
    /// A ticket changed under the batch; nothing of it was written, so it can run again.
    /// </exception>
    public async Task<SweepResult> RunAsync(SweepBatch batch, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = contexts.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var stamped = await StampAsync(db, batch, now, rules.Current.Version, cancellationToken);
        if (stamped.Count == 0)
        {
            return SweepResult.None;
        }

        var unassignedSince = now - clock.Policy.RaiseUrgencyWhenUnassignedFor;
        var due = await db.Tickets
            .Where(t => stamped.Contains(t.Id)
                && ((t.SlaCheckAt != null && t.SlaCheckAt <= now)
                    || (unassignedSince != null && t.State == TicketState.New && t.AssignedTo == null
                        && t.UnassignedRaisedAt == null && t.CreatedAt <= unassignedSince)))
            .ToListAsync(cancellationToken);
        var timed = rules.Timed;
        var pinned = timed is null ? [.. due.Select(t => t.Id)] : stamped;
        var own = await OwnEscalationsAsync(db, pinned, cancellationToken);
        var messages = 0;
        var escalated = new HashSet<long>();
        foreach (var ticket in due)
        {
            var escalation = own.GetValueOrDefault(ticket.Id);
            var raised = RaiseIfUnassigned(ticket, now, escalation);
            if (Escalate(db, ticket, now, escalation) is { } written)
            {
                messages += written;
                escalated.Add(ticket.Id);
            }
            else if (raised)
            {
                escalated.Add(ticket.Id);
            }
        }

        if (timed is not null)
        {
            messages += await RunTimeRulesAsync(db, timed, stamped, own, now, escalated, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SweepResult(stamped.Count, escalated.Count, messages);
    }

    /// <summary>Carries out every crossing the ticket has reached; the messages written, or null when it reached none.
    /// </summary>
    private int? Escalate(WorkflowDbContext db, Ticket ticket, DateTimeOffset now, SlaOverride? own)
    {
        var crossings = clock.Crossings(ticket, now);
        if (crossings.Count == 0)
        {
            // The due time moved (a new priority, a pause) since the check time was set; put the check right.
            clock.Update(ticket, now, own);
            return null;
        }

        var escalation = clock.Policy.EscalationFor(own);
        var messages = 0;
        foreach (var crossing in crossings)
        {
            var actions = escalation.At(crossing.Stage);
            SlaClock.Raise(ticket, crossing);
            EngineMetrics.SlaCrossed(crossing, ticket.SlaPriority);
            var done = new List<string>();
            foreach (var action in actions)
            {
                if (Apply(db, ticket, crossing, action, escalation, now) is { } what)
                {
                    done.Add(what);
                }
            }

            messages += actions.Contains(EscalationAction.Notify) ? 1 : 0;
            clock.Update(ticket, now, own);
            var stage = crossing.Stage == SlaStage.Breached ? "breached" : "warning";
            ticket.AppendJournal(
                Actor,
                $"sla.{stage}",
                $"{crossing.Clock} SLA {stage} at {crossing.Threshold:O} (priority {ticket.SlaPriority ?? "-"})"
                    + (done.Count > 0 ? $"; {string.Join(", ", done)}" : ""),
                now,
                always: true);
        }

        return messages;
    }

    /// <summary>
    /// The time-based rule: a new ticket nobody has taken within the policy's time gets one step more urgency,
    /// once. Returns whether the rule applied.
    /// </summary>
    private bool RaiseIfUnassigned(Ticket ticket, DateTimeOffset now, SlaOverride? escalation)
    {
        if (clock.Policy.RaiseUrgencyWhenUnassignedFor is not { } after || ticket.State != TicketState.New
            || ticket.AssignedTo is not null || ticket.UnassignedRaisedAt is not null || ticket.CreatedAt > now - after)
        {
            return false;
        }

        var outcome = RaiseUrgency(ticket);
        ticket.RaisedWhileUnassigned(now);
        clock.Update(ticket, now, escalation);
        ticket.AppendJournal(
            Actor,
            UnassignedAction,
            $"new and taken by nobody for {after:c} (rule set {rules.Current.Version}); {outcome}",
            now);
        return true;
    }

    /// <summary>
    /// The escalation each ticket's workflow version states of its own, by ticket id; tickets on a version that
    /// states none (or with no workflow, as imported ones) are left out and follow the policy.
    /// </summary>
    private async Task<Dictionary<long, SlaOverride>> OwnEscalationsAsync(
        WorkflowDbContext db,
        List<long> ids,
        CancellationToken cancellationToken)
    {
        var pins = await db.Instances.AsNoTracking()
            .Where(i => ids.Contains(i.TicketId))
            .Select(i => new { i.TicketId, i.DefinitionId, i.DefinitionVersion })
            .ToListAsync(cancellationToken);

        var own = new Dictionary<long, SlaOverride>();
        foreach (var pin in pins)
        {
            // Published versions are cached by the store, so this reads each version once per process.
            var definition = await definitions.PublishedAsync(
                pin.DefinitionId,
                pin.DefinitionVersion,
                cancellationToken);
            if (definition.Sla is { } sla)
            {
                own[pin.TicketId] = sla;
            }
        }

        return own;
    }

    /// <summary>One step more urgency and the priority the matrix gives for it; what happened, for the journal.
    /// </summary>
    private string RaiseUrgency(Ticket ticket)
    {
        var own = SchemeOf(ticket);
        var index = own.Urgencies.ToList().FindIndex(u => u.Code == ticket.Urgency);
        if (index <= 0 || ticket.Impact is not { } impact || own.FindImpact(impact) is null)
        {
            return "already at the highest urgency";
        }

        var urgency = own.Urgencies[index - 1].Code;
        ticket.Prioritise(impact, urgency, own.PriorityFor(impact, urgency).Code, own.Id);
        return $"urgency raised to {urgency}, priority {ticket.Priority}";
    }

    /// <summary>One level up the ticket's priority scheme; null when it is at the top (or has no priority).</summary>
    private string? RaisePriority(Ticket ticket)
    {
        var own = SchemeOf(ticket);
        var index = own.Levels.ToList().FindIndex(l => l.Code == ticket.Priority);
        if (index <= 0)
        {
            return null;
        }

        ticket.RaisePriority(own.Levels[index - 1].Code);
        return $"priority raised to {ticket.Priority}";
    }

    /// <summary>To the tier after the ticket's group; null when it is at the last tier.</summary>
    private static string? Reassign(Ticket ticket, SlaEscalation escalation)
    {
        if (escalation.NextTier(ticket.AssignmentGroup) is not { } tier)
        {
            return null;
        }

        ticket.Assign(tier, null);
        return $"reassigned to {tier}";
    }

    private PriorityScheme SchemeOf(Ticket ticket) => catalog.Current.SchemeFor(ticket.PriorityScheme);

    private string? Apply(
        WorkflowDbContext db,
        Ticket ticket,
        SlaCrossing crossing,
        EscalationAction action,
        SlaEscalation escalation,
        DateTimeOffset now)
    {
        switch (action)
        {
            case EscalationAction.Notify:
                db.Outbox.Add(Notice(ticket, crossing, now));
                return "notified";
            case EscalationAction.RaisePriority:
                return RaisePriority(ticket);
            case EscalationAction.Reassign:
                return Reassign(ticket, escalation);
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    /// <summary>The key names the ticket, clock, stage and threshold: one notice per crossing, ever.</summary>
    private static OutboxMessage Notice(Ticket ticket, SlaCrossing crossing, DateTimeOffset now)
    {
        var stage = crossing.Stage == SlaStage.Breached ? "breached" : "warning";
        var key = $"sla:{ticket.Id}:{crossing.Clock}:{stage}:{crossing.Threshold.UtcTicks}";
        var payload = JsonSerializer.Serialize(
            new
            {
                ticketId = ticket.Id,
                number = ticket.Number,
                subject = ticket.Subject,
                clock = crossing.Clock,
                stage,
                threshold = crossing.Threshold,
                priority = ticket.Priority,
                assignmentGroup = ticket.AssignmentGroup,
            },
            JsonSerializerOptions.Web);
        return OutboxMessage.Create(key, $"sla.{stage}", ticket.Id, payload, now);
    }

    /// <summary>
    /// Records the batch's run on each of its open tickets that no run as new has evaluated, and returns those
    /// tickets. Only the narrow sweep rows are written; the upsert locks them in id order, so a second worker on the
    /// same tickets waits, then finds them taken by the run and returns nothing.
    /// </summary>
    private static async Task<List<long>> StampAsync(
        WorkflowDbContext db,
        SweepBatch batch,
        DateTimeOffset now,
        string rules,
        CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = """
            INSERT INTO ticket_sweeps ("TicketId", "Run", "At", "Rules")
            SELECT "Id", @run, @at, @rules FROM tickets
            WHERE "Id" >= @from AND "Id" <= @to AND "State" IN ('New', 'InProgress', 'OnHold')
            ORDER BY "Id"
            ON CONFLICT ("TicketId")
              DO UPDATE SET "Run" = excluded."Run", "At" = excluded."At", "Rules" = excluded."Rules"
            WHERE ticket_sweeps."Run" < excluded."Run"
            RETURNING "TicketId"
            """;
        Add(command, "run", batch.Run);
        Add(command, "at", db is SqliteWorkflowDbContext ? now.UtcTicks : now.ToUniversalTime());
        Add(command, "rules", rules);
        Add(command, "from", batch.FromId);
        Add(command, "to", batch.ToId);

        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
