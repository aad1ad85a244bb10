using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Workflow.Engine.Categories;
using Workflow.Engine.Priority;
using Workflow.Engine.Tests.Tickets;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Tickets;
using static Workflow.Engine.Tests.Workflows.TestDefinitions;

namespace Workflow.Engine.Tests.Workflows;

public sealed class WorkflowRuntimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Now.AddMinutes(20);

    private static readonly string[] TriageOutcomes =
        ["acknowledge", "hold", "resolve", "cancel", "reassign", "reprioritise", "recategorise"];

    private static readonly string[] WorkingOutcomes =
        ["hold", "resolve", "cancel", "reassign", "reprioritise", "recategorise"];

    private static readonly string[] OnHoldOutcomes =
        ["resume", "hold", "resolve", "cancel", "reassign", "reprioritise", "recategorise"];

    private readonly WorkflowDefinitionParser _parser = new(ActivityCatalog.BuiltIn());
    private readonly WorkflowRuntime _runtime = new(
        ActivityCatalog.BuiltIn(),
        PrioritySchemeLoader.Resolve("servicenow-base"),
        CategoryTree.Default());

    private readonly WorkflowDefinition _default;

    public WorkflowRuntimeTests() => _default = _parser.Parse(WorkflowDefinitionStore.DefaultJson());

    [Fact]
    public void Start_DefaultWorkflow_StopsAtTriageWithItsOutcomes()
    {
        var instance = StartDefault();

        Assert.Equal(InstanceStatus.Suspended, instance.Status);
        Assert.Equal("triage", instance.CurrentNodeId);
        Assert.Equal(BookmarkRequest.Task, instance.BookmarkKind);
        Assert.Equal(TriageOutcomes, instance.PendingOutcomes);
        Assert.NotNull(instance.BookmarkId);
        Assert.Null(instance.BookmarkDueAt);
    }

    [Fact]
    public void Start_DefaultWorkflow_LeavesTicketNewWithCategoryKindAndAssignment()
    {
        var details = TestTickets.Details() with { AssignmentGroup = "Service Desk", AssignedTo = "piet" };

        var instance = StartDefault(details);

        var ticket = instance.Ticket;
        Assert.Equal(TicketState.New, ticket.State);
        Assert.Equal(TicketKind.Incident, ticket.Kind);
        Assert.Equal(("Network", "VPN"), (ticket.Category, ticket.Subcategory));
        Assert.Equal(("Service Desk", "piet"), (ticket.AssignmentGroup, ticket.AssignedTo));
        Assert.Equal(0, ticket.ReassignmentCount);
    }

    [Fact]
    public void Start_TicketWithoutImpactOrUrgency_PrioritisesFromSchemeDefaults()
    {
        var instance = StartDefault();

        var ticket = instance.Ticket;
        Assert.Equal(("3", "3", "5"), (ticket.Impact, ticket.Urgency, ticket.Priority));
        Assert.Equal("servicenow-base", ticket.PriorityScheme);
    }

    [Fact]
    public void Start_TicketWithImpactAndUrgency_DerivesPriorityFromMatrix()
    {
        var details = TestTickets.Details() with { Impact = "1", Urgency = "2" };

        var instance = StartDefault(details);

        Assert.Equal(("1", "2", "2"), (instance.Ticket.Impact, instance.Ticket.Urgency, instance.Ticket.Priority));
    }

    [Fact]
    public void Start_UncategorisedTicket_StillReachesTriage()
    {
        var details = TestTickets.Details() with { Category = null, Subcategory = null };

        var instance = StartDefault(details);

        Assert.Equal("triage", instance.CurrentNodeId);
        Assert.Null(instance.Ticket.Category);
    }

    [Fact]
    public void Start_TicketOutsideTheCategoryTree_RefusedAtCategorise()
    {
        var details = TestTickets.Details() with { Category = "Plumbing", Subcategory = null };

        var ex = Assert.Throws<ValidationException>(() => StartDefault(details));

        Assert.Equal([new FieldError("category", "'Plumbing' is not in the category tree.")], ex.Errors);
    }

    [Fact]
    public void Start_ReporterWithoutName_RefusedAtLog()
    {
        var details = TestTickets.Details() with { Reporter = new Reporter { Mail = "someone@example.com" } };

        var ex = Assert.Throws<ValidationException>(() => StartDefault(details));

        Assert.Equal([new FieldError("reporter", "a name or a user name is required.")], ex.Errors);
    }

    [Fact]
    public void Start_DefaultWorkflow_JournalsPrioritiseWithWorkflowActorAndReason()
    {
        var instance = StartDefault();

        var entry = Assert.Single(instance.Ticket.Journal, e => e.Action == "prioritise");
        Assert.Equal("workflow", entry.Actor);
        Assert.Equal("workflow incident-default v1, node 'prioritise'", entry.Reason);
        Assert.Equal(Now, entry.At);
        Assert.Contains(new FieldChange("Priority", null, "5"), entry.Changes);
    }

    [Fact]
    public void Resume_Acknowledge_MovesToWorkingInProgress()
    {
        var instance = StartDefault();

        Act(instance, "acknowledge");

        Assert.Equal("working", instance.CurrentNodeId);
        Assert.Equal(TicketState.InProgress, instance.Ticket.State);
        Assert.Equal(WorkingOutcomes, instance.PendingOutcomes);
    }

    [Fact]
    public void Resume_HoldWithReason_MovesToOnHoldWithTheReason()
    {
        var instance = StartDefault();
        Act(instance, "acknowledge");

        Act(instance, new TaskAction("hold", "agent.jansen") { HoldReason = HoldReason.AwaitingCaller });

        Assert.Equal("onHold", instance.CurrentNodeId);
        Assert.Equal(TicketState.OnHold, instance.Ticket.State);
        Assert.Equal(HoldReason.AwaitingCaller, instance.Ticket.HoldReason);
        Assert.Equal(OnHoldOutcomes, instance.PendingOutcomes);
    }

    [Fact]
    public void Resume_HoldWithoutReason_RefusedNamingHoldReason()
    {
        var instance = StartDefault();

        var ex = Assert.Throws<ValidationException>(() => Act(instance, "hold"));

        Assert.Equal(
            [new FieldError("holdReason", "A hold needs a reason (awaitingCaller, awaitingVendor, ...).")],
            ex.Errors);
        Assert.Equal(TicketState.New, instance.Ticket.State);
    }

    [Fact]
    public void Resume_HoldWhileOnHold_StaysOnHoldWithTheNewReason()
    {
        var instance = StartDefault();
        Act(instance, new TaskAction("hold", "agent.jansen") { HoldReason = HoldReason.AwaitingCaller });

        Act(instance, new TaskAction("hold", "agent.jansen") { HoldReason = HoldReason.AwaitingVendor });

        Assert.Equal("onHold", instance.CurrentNodeId);
        Assert.Equal(HoldReason.AwaitingVendor, instance.Ticket.HoldReason);
    }

    [Fact]
    public void Resume_ResumeWhileOnHold_MovesToWorkingAndClearsTheReason()
    {
        var instance = StartDefault();
        Act(instance, new TaskAction("hold", "agent.jansen") { HoldReason = HoldReason.AwaitingVendor });

        Act(instance, "resume");

        Assert.Equal("working", instance.CurrentNodeId);
        Assert.Equal(TicketState.InProgress, instance.Ticket.State);
        Assert.Null(instance.Ticket.HoldReason);
    }

    [Fact]
    public void Resume_ResolveWithCode_MovesToResolvedTask()
    {
        var instance = StartDefault();
        Act(instance, "acknowledge");

        Act(instance, new TaskAction("resolve", "agent.jansen") { ResolutionCode = "fixed" });

        Assert.Equal("resolved", instance.CurrentNodeId);
        Assert.Equal(["close", "reopen"], instance.PendingOutcomes);
        Assert.Equal(TicketState.Resolved, instance.Ticket.State);
        Assert.Equal("fixed", instance.Ticket.ResolutionCode);
        Assert.Equal(Later, instance.Ticket.ResolvedAt);
    }

    [Fact]
    public void Resume_ResolveWithoutCode_RefusedNamingResolutionCode()
    {
        var instance = StartDefault();

        var ex = Assert.Throws<ValidationException>(() => Act(instance, "resolve"));

        Assert.Equal([new FieldError("resolutionCode", "Resolving needs a resolution code.")], ex.Errors);
    }

    [Fact]
    public void Resume_Close_CompletesInstanceAndClosesTicket()
    {
        var instance = Resolved();

        Act(instance, "close");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("end", instance.CurrentNodeId);
        Assert.Null(instance.BookmarkId);
        Assert.Empty(instance.PendingOutcomes);
        Assert.Equal(TicketState.Closed, instance.Ticket.State);
        Assert.Equal(Later, instance.Ticket.ClosedAt);
    }

    [Fact]
    public void Resume_Reopen_MovesBackToWorkingAndCountsTheReopen()
    {
        var instance = Resolved();

        Act(instance, "reopen");

        Assert.Equal("working", instance.CurrentNodeId);
        Assert.Equal(TicketState.InProgress, instance.Ticket.State);
        Assert.Equal(1, instance.Ticket.ReopenCount);
        Assert.Null(instance.Ticket.ResolutionCode);
    }

    [Fact]
    public void Resume_Cancel_CompletesInstanceAndCancelsTicket()
    {
        var instance = StartDefault();

        Act(instance, "cancel");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("end", instance.CurrentNodeId);
        Assert.Equal(TicketState.Cancelled, instance.Ticket.State);
    }

    [Fact]
    public void Resume_ReassignAtTriage_ReturnsToTriageWithTheNewGroup()
    {
        var details = TestTickets.Details() with { AssignmentGroup = "Service Desk", AssignedTo = "piet" };
        var instance = StartDefault(details);
        var bookmark = instance.BookmarkId;

        Act(instance, new TaskAction("reassign", "agent.jansen") { AssignmentGroup = "Network Operations" });

        Assert.Equal("triage", instance.CurrentNodeId);
        Assert.NotEqual(bookmark, instance.BookmarkId);
        Assert.Equal("Network Operations", instance.Ticket.AssignmentGroup);
        Assert.Null(instance.Ticket.AssignedTo);
        Assert.Equal(1, instance.Ticket.ReassignmentCount);
    }

    [Fact]
    public void Resume_ReassignWhileWorking_ReturnsToWorkingWithTheNewPerson()
    {
        var details = TestTickets.Details() with { AssignmentGroup = "Service Desk", AssignedTo = "piet" };
        var instance = StartDefault(details);
        Act(instance, "acknowledge");

        Act(instance, new TaskAction("reassign", "agent.jansen") { AssignedTo = "klaas" });

        Assert.Equal("working", instance.CurrentNodeId);
        Assert.Equal(("Service Desk", "klaas"), (instance.Ticket.AssignmentGroup, instance.Ticket.AssignedTo));
        Assert.Equal(TicketState.InProgress, instance.Ticket.State);
    }

    [Fact]
    public void Resume_ReassignWhileOnHold_ReturnsToOnHold()
    {
        var instance = StartDefault();
        Act(instance, new TaskAction("hold", "agent.jansen") { HoldReason = HoldReason.AwaitingVendor });

        Act(instance, new TaskAction("reassign", "agent.jansen") { AssignmentGroup = "Vendor Management" });

        Assert.Equal("onHold", instance.CurrentNodeId);
        Assert.Equal("Vendor Management", instance.Ticket.AssignmentGroup);
        Assert.Equal(HoldReason.AwaitingVendor, instance.Ticket.HoldReason);
    }

    [Fact]
    public void Resume_ReprioritiseWithNewImpactAndUrgency_RecomputesPriority()
    {
        var instance = StartDefault();

        Act(instance, new TaskAction("reprioritise", "agent.jansen") { Impact = "High", Urgency = "2 - Medium" });

        Assert.Equal("triage", instance.CurrentNodeId);
        Assert.Equal(("1", "2", "2"), (instance.Ticket.Impact, instance.Ticket.Urgency, instance.Ticket.Priority));
    }

    [Fact]
    public void Resume_ReprioritiseWithOnlyUrgency_KeepsImpact()
    {
        var details = TestTickets.Details() with { Impact = "2", Urgency = "3" };
        var instance = StartDefault(details);
        Act(instance, "acknowledge");

        Act(instance, new TaskAction("reprioritise", "agent.jansen") { Urgency = "1" });

        Assert.Equal("working", instance.CurrentNodeId);
        Assert.Equal(("2", "1", "2"), (instance.Ticket.Impact, instance.Ticket.Urgency, instance.Ticket.Priority));
    }

    [Fact]
    public void Resume_ReprioritiseWithUnknownImpact_RefusedNamingImpact()
    {
        var instance = StartDefault();

        var ex = Assert.Throws<ValidationException>(
            () => Act(instance, new TaskAction("reprioritise", "agent.jansen") { Impact = "Severe" }));

        Assert.Equal([new FieldError("impact", "'Severe' is not one of 1 - High, 2 - Medium, 3 - Low.")], ex.Errors);
    }

    [Fact]
    public void Resume_RecategoriseWithNewCategory_ReturnsToTriageWithIt()
    {
        var instance = StartDefault();

        Act(
            instance,
            new TaskAction("recategorise", "agent.jansen") { Category = "Access", Subcategory = "Permissions" });

        Assert.Equal("triage", instance.CurrentNodeId);
        Assert.Equal(("Access", "Permissions"), (instance.Ticket.Category, instance.Ticket.Subcategory));
    }

    [Fact]
    public void Resume_OutcomeNotOffered_RefusedNamingOutcome()
    {
        var instance = StartDefault();

        var ex = Assert.Throws<ValidationException>(() => Act(instance, "reopen"));

        Assert.Equal(
            [
                new FieldError(
                    "outcome",
                    "'reopen' is not offered at 'triage'; offered: acknowledge, hold, resolve, cancel, reassign, "
                    + "reprioritise, recategorise."),
            ],
            ex.Errors);
    }

    [Fact]
    public void Resume_OutcomeNotOffered_ChangesNothing()
    {
        var instance = StartDefault();
        var before = (instance.Status, instance.CurrentNodeId, instance.BookmarkId, instance.BookmarkOutcomes);
        var journal = instance.Ticket.JournalLength;

        Assert.Throws<ValidationException>(() => Act(instance, "close"));

        Assert.Equal(before, (instance.Status, instance.CurrentNodeId, instance.BookmarkId, instance.BookmarkOutcomes));
        Assert.Equal(TicketState.New, instance.Ticket.State);
        Assert.Equal(journal, instance.Ticket.JournalLength);
        Assert.Empty(instance.Ticket.PendingChanges);
    }

    [Fact]
    public void Resume_CurrentBookmarkId_Accepted()
    {
        var instance = StartDefault();

        Act(instance, new TaskAction("acknowledge", "agent.jansen") { BookmarkId = instance.BookmarkId });

        Assert.Equal("working", instance.CurrentNodeId);
    }

    [Fact]
    public void Resume_StaleBookmarkId_ThrowsConflict()
    {
        var instance = StartDefault();
        var stale = instance.BookmarkId;
        Act(instance, "acknowledge");

        var ex = Assert.Throws<WorkflowConflictException>(
            () => Act(instance, new TaskAction("hold", "agent.jansen")
            {
                BookmarkId = stale,
                HoldReason = HoldReason.AwaitingCaller,
            }));

        Assert.Contains($"Bookmark {stale} of ticket", ex.Message);
        Assert.Contains($"was already taken; it now waits at 'working' (bookmark {instance.BookmarkId})", ex.Message);
        Assert.Equal(TicketState.InProgress, instance.Ticket.State);
    }

    [Fact]
    public void Resume_CompletedInstance_ThrowsConflict()
    {
        var instance = StartDefault();
        Act(instance, "cancel");

        var ex = Assert.Throws<WorkflowConflictException>(() => Act(instance, "acknowledge"));

        Assert.Contains("is not waiting for an action (workflow Completed)", ex.Message);
    }

    [Fact]
    public void Resume_Acknowledge_JournalsActorAndReasonNamingWorkflowVersionAndNode()
    {
        var instance = StartDefault();
        var length = instance.Ticket.JournalLength;

        Act(instance, new TaskAction("acknowledge", "agent.jansen") { Comment = "Calling the reporter" });

        var entry = instance.Ticket.Journal[^1];
        Assert.Equal(length + 1, entry.Sequence);
        Assert.Equal("agent.jansen", entry.Actor);
        Assert.Equal("acknowledge", entry.Action);
        Assert.Equal("workflow incident-default v1, node 'acknowledge': Calling the reporter", entry.Reason);
        Assert.Equal(Later, entry.At);
        Assert.Equal([new FieldChange("State", "New", "InProgress")], entry.Changes);
    }

    [Fact]
    public void Resume_ActionWithRecordedTime_JournalsThatTime()
    {
        var instance = StartDefault();
        var recorded = new DateTimeOffset(2026, 3, 2, 9, 5, 0, TimeSpan.FromHours(1));

        Act(instance, new TaskAction("acknowledge", "import") { At = recorded });

        Assert.Equal(recorded, instance.Ticket.Journal[^1].At);
        Assert.Equal(TimeSpan.Zero, instance.Ticket.Journal[^1].At.Offset);
    }

    [Fact]
    public void Start_SeveralChangingNodes_JournalsEachNodeWithItsReason()
    {
        var doc = Document(
            "request-intake",
            "identify",
            new JsonArray(
                Node("identify", "identify", new JsonObject { ["kind"] = "serviceRequest" }),
                Node("prioritise", "prioritise"),
                Node("assign", "assign", new JsonObject { ["group"] = "Service Desk" }),
                Task("triage", "done"),
                Node("end", "end")),
            new JsonArray(
                Link("identify", "incident", "prioritise"),
                Link("identify", "serviceRequest", "prioritise"),
                Link("prioritise", "done", "assign"),
                Link("assign", "done", "triage"),
                Link("triage", "done", "end")));

        var instance = Start(_parser.Parse(doc.ToJsonString()), version: 3);

        Assert.Equal(
            [
                ("created", "desk", "logged through Phone"),
                ("identify", "workflow", "workflow request-intake v3, node 'identify'"),
                ("prioritise", "workflow", "workflow request-intake v3, node 'prioritise'"),
                ("assign", "workflow", "workflow request-intake v3, node 'assign'"),
            ],
            instance.Ticket.Journal.Select(e => (e.Action, e.Actor, e.Reason)));
        Assert.Equal([1, 2, 3, 4], instance.Ticket.Journal.Select(e => e.Sequence));
    }

    [Fact]
    public void Start_TimerNode_BlocksUntilNowPlusDuration()
    {
        var instance = Start(TimerWorkflow("PT30M"));

        Assert.Equal(InstanceStatus.Suspended, instance.Status);
        Assert.Equal("wait", instance.CurrentNodeId);
        Assert.Equal(BookmarkRequest.Timer, instance.BookmarkKind);
        Assert.Equal(["elapsed"], instance.PendingOutcomes);
        Assert.Equal(Now.AddMinutes(30), instance.BookmarkDueAt);
    }

    [Fact]
    public void Resume_TimerElapsed_ContinuesToTheNextNode()
    {
        var clock = new FakeTimeProvider(Now);
        var definition = TimerWorkflow("P1DT4H");
        var instance = Start(definition);
        clock.Advance(TimeSpan.FromHours(28));

        _runtime.Resume(definition, instance, new TaskAction("elapsed", "scheduler"), clock.GetUtcNow());

        Assert.Equal("task", instance.CurrentNodeId);
        Assert.Equal(BookmarkRequest.Task, instance.BookmarkKind);
        Assert.Null(instance.BookmarkDueAt);
    }

    [Fact]
    public void Resume_TimerWithOutcomeItDoesNotOffer_RefusedNamingOutcome()
    {
        var definition = TimerWorkflow("PT30M");
        var instance = Start(definition);

        var ex = Assert.Throws<ValidationException>(
            () => _runtime.Resume(definition, instance, new TaskAction("finish", "agent.jansen"), Now.AddHours(1)));

        Assert.Equal("outcome", Assert.Single(ex.Errors).Field);
        Assert.Equal("wait", instance.CurrentNodeId);
    }

    [Fact]
    public void Resume_TimerReachedDuringAStep_CountsFromTheStepTime()
    {
        var doc = Document(
            "snooze",
            "task",
            new JsonArray(
                Task("task", "snooze"),
                Node("wait", "timer", new JsonObject { ["after"] = "PT2H" }),
                Node("end", "end")),
            new JsonArray(Link("task", "snooze", "wait"), Link("wait", "elapsed", "end")));
        var definition = _parser.Parse(doc.ToJsonString());
        var instance = Start(definition);

        _runtime.Resume(definition, instance, new TaskAction("snooze", "agent.jansen"), Later);

        Assert.Equal("wait", instance.CurrentNodeId);
        Assert.Equal(Later.AddHours(2), instance.BookmarkDueAt);
    }

    [Fact]
    public void Start_LoopWithoutBlockingNode_ThrowsWorkflowExceptionNamingTheLoop()
    {
        var doc = Document(
            "spin",
            "first",
            new JsonArray(Node("first", "assign"), Node("second", "prioritise")),
            new JsonArray(Link("first", "done", "second"), Link("second", "done", "first")));
        var definition = _parser.Parse(doc.ToJsonString());

        var ex = Assert.Throws<WorkflowException>(() => Start(definition));

        Assert.Equal(
            $"Workflow 'spin' v1 passed {WorkflowRuntime.MaxNodesPerStep} nodes without reaching a task, a timer "
            + "or an end; it has a loop with no way out.",
            ex.Message);
    }

    private WorkflowInstance StartDefault(TicketDetails? details = null) => Start(_default, details);

    private WorkflowInstance Start(WorkflowDefinition definition, TicketDetails? details = null, int version = 1)
    {
        var ticket = Ticket.Log(details ?? TestTickets.Details(), Now);
        ticket.AppendJournal("desk", "created", "logged through Phone", Now);
        var instance = WorkflowInstance.Start(ticket, definition.Id, version, Now);

        _runtime.Start(definition, instance, Now);
        return instance;
    }

    private WorkflowInstance Resolved()
    {
        var instance = StartDefault();
        Act(instance, "acknowledge");
        Act(instance, new TaskAction("resolve", "agent.jansen") { ResolutionCode = "fixed" });
        return instance;
    }

    private void Act(WorkflowInstance instance, string outcome) =>
        Act(instance, new TaskAction(outcome, "agent.jansen"));

    private void Act(WorkflowInstance instance, TaskAction action) =>
        _runtime.Resume(_default, instance, action, Later);

    /// <summary>wait (timer) --elapsed--> task --finish--> end.</summary>
    private WorkflowDefinition TimerWorkflow(string after)
    {
        var doc = Document(
            "timed",
            "wait",
            new JsonArray(
                Node("wait", "timer", new JsonObject { ["after"] = after }),
                Task("task", "finish"),
                Node("end", "end")),
            new JsonArray(Link("wait", "elapsed", "task"), Link("task", "finish", "end")));
        return _parser.Parse(doc.ToJsonString());
    }
}
