using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Intake.EventLog;

/// <summary>
/// Folds the events of one incident, in time order, into one ticket run through a workflow: the first event
/// logs it, each later one becomes the task actions that lead from the ticket's state to the recorded one.
/// </summary>
internal sealed class IncidentFolder(WorkflowRuntime runtime, WorkflowDefinition definition, int version, string source)
{
    /// <summary>The code a resolve gets when the export recorded none; the lifecycle needs one.</summary>
    public const string UnrecordedResolution = "unrecorded";

    public (Ticket Ticket, WorkflowInstance Instance) Fold(IReadOnlyList<IncidentEvent> events, ImportTally tally)
    {
        var first = events[0];
        var logged = first.CreatedAt ?? first.OpenedAt;
        var ticket = Ticket.Log(Details(first), logged);
        ticket.AppendJournal(first.OpenedBy ?? "import", "created", $"imported from {source}, line {first.Line}", logged);

        var instance = WorkflowInstance.Start(ticket, definition.Id, version, logged);
        runtime.Start(definition, instance, logged);

        foreach (var e in events)
        {
            Apply(instance, e, tally);
        }

        return (ticket, instance);
    }

    private void Apply(WorkflowInstance instance, IncidentEvent e, ImportTally tally)
    {
        var ticket = instance.Ticket;
        if (TicketLifecycle.IsFinal(ticket.State))
        {
            if (e.State == TicketState.Closed)
            {
                tally.AfterClosure++;
            }
            else
            {
                tally.Refused.Add(new RowRejection(e.Line, e.Number, $"the ticket is already {ticket.State}; "
                    + $"'{e.SourceState}' would reopen it, which the lifecycle does not allow."));
            }

            return;
        }

        var path = Path(ticket, e, tally);
        if (path is null)
        {
            return;
        }

        var edits = Edits(ticket, e);
        var early = edits.Where(o => instance.PendingOutcomes.Contains(o)).ToList();
        Run(instance, e, early);
        Run(instance, e, path);
        var late = edits.Except(early).ToList();
        var offered = late.Where(o => instance.PendingOutcomes.Contains(o)).ToList();
        Run(instance, e, offered);
        tally.EditsNotOffered += late.Count - offered.Count;
    }

    private void Run(WorkflowInstance instance, IncidentEvent e, IReadOnlyList<string> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            var action = new TaskAction(outcome, e.UpdatedBy ?? "import")
            {
                At = e.UpdatedAt,
                Comment = $"import line {e.Line}",
                HoldReason = e.HoldReason,
                ResolutionCode = e.ClosedCode ?? UnrecordedResolution,
                AssignmentGroup = e.AssignmentGroup,
                AssignedTo = e.AssignedTo,
                Category = e.Category,
                Subcategory = e.Subcategory,
                Impact = e.Impact,
                Urgency = e.Urgency,
            };
            runtime.Resume(definition, instance, action, e.UpdatedAt);
        }
    }

    /// <summary>The field changes the event records, as the task outcomes that make them.</summary>
    private static List<string> Edits(Ticket ticket, IncidentEvent e)
    {
        var edits = new List<string>(3);
        if (e.Category is not null && (e.Category != ticket.Category || e.Subcategory != ticket.Subcategory))
        {
            edits.Add("recategorise");
        }

        if (e.Impact != ticket.Impact || e.Urgency != ticket.Urgency)
        {
            edits.Add("reprioritise");
        }

        if ((e.AssignmentGroup is not null && e.AssignmentGroup != ticket.AssignmentGroup)
            || (e.AssignedTo is not null && e.AssignedTo != ticket.AssignedTo))
        {
            edits.Add("reassign");
        }

        return edits;
    }

    /// <summary>
    /// The lifecycle actions from the ticket's state to the recorded one, or null (with the event refused)
    /// when the lifecycle offers no way there.
    /// </summary>
    private static List<string>? Path(Ticket ticket, IncidentEvent e, ImportTally tally)
    {
        var from = ticket.State;
        var to = e.State;
        List<TicketAction>? actions = (from, to) switch
        {
            _ when from == to => from == TicketState.OnHold && ticket.HoldReason != e.HoldReason
                ? [TicketAction.Hold]
                : [],
            (TicketState.New, TicketState.InProgress) => [TicketAction.Acknowledge],
            (TicketState.OnHold, TicketState.InProgress) => [TicketAction.Resume],
            (TicketState.Resolved, TicketState.InProgress) => [TicketAction.Reopen],
            (TicketState.Resolved, TicketState.New) => [TicketAction.Reopen],
            (TicketState.Resolved, TicketState.OnHold) => [TicketAction.Reopen, TicketAction.Hold],
            (TicketState.Resolved, TicketState.Closed) => [TicketAction.Close],
            (_, TicketState.OnHold) => [TicketAction.Hold],
            (_, TicketState.Resolved) => [TicketAction.Resolve],
            (_, TicketState.Closed) => [TicketAction.Resolve, TicketAction.Close],
            _ => null,
        };

        if (actions is null)
        {
            tally.Refused.Add(new RowRejection(
                e.Line,
                e.Number,
                $"the lifecycle has no way from {from} back to '{e.SourceState}'."));
            return null;
        }

        if (from == TicketState.Resolved && to == TicketState.New)
        {
            tally.ReopenedAsNew++;
        }

        return [.. actions.Select(ActionNames.Of)];
    }

    private TicketDetails Details(IncidentEvent e) => new()
    {
        ExternalKey = $"{source}:{e.Number}",
        Kind = TicketKind.Incident,
        Channel = e.Channel,
        Reporter = new Reporter { Name = e.Caller ?? e.OpenedBy, UserName = e.Caller, Location = e.Location },
        Subject = $"{e.Number}: {e.Category ?? "uncategorised"} / {e.Subcategory ?? "-"} / {e.Symptom ?? "no symptom"}",
        OccurredAt = e.OpenedAt,
        ReportedAt = e.CreatedAt ?? e.OpenedAt,
        ConfigurationItem = e.ConfigurationItem,
        Category = e.Category,
        Subcategory = e.Subcategory,
        Impact = e.Impact,
        Urgency = e.Urgency,
        AssignmentGroup = e.AssignmentGroup,
        AssignedTo = e.AssignedTo,
    };
}
