using System.Net;
using System.Text.Json.Nodes;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Host.Api;
using Workflow.Sdk.Tickets;
using Workflow.Testing;

namespace Workflow.Host.Tests.Api;

/// <summary>
/// POST /api/tickets/{id}/actions along the main path (acknowledge, hold, resume, resolve, close): the state and
/// the node after each action, and the journal entry with every changed field's old and new value.
/// </summary>
public sealed class TicketActionApiTests
{
    private const string Agent = "desk.agent";

    private static readonly TimeSpan StepGap = TimeSpan.FromMinutes(5);

    private static readonly string[] WorkingActions =
        ["hold", "resolve", "cancel", "reassign", "reprioritise", "recategorise"];

    private static readonly string[] OnHoldActions =
        ["resume", "hold", "resolve", "cancel", "reassign", "reprioritise", "recategorise"];

    [Fact]
    public async Task PostAction_Acknowledge_MovesToInProgressAndWaitsAtWorking()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.CreateTicketAsync();

        host.Clock.Advance(StepGap);
        var ticket = await host.ActAsync(created.Id, TicketRequests.Action("acknowledge", created), Agent);

        Assert.Equal(TicketState.InProgress, ticket.State);
        AssertWaitsAt(ticket, "working", WorkingActions, previous: created);
        AssertLastEntry(host, ticket, 3, "acknowledge", new FieldChange("State", "New", "InProgress"));
        Assert.Equal(host.Clock.GetUtcNow(), ticket.UpdatedAt);
    }

    [Fact]
    public async Task PostAction_HoldWithReason_PutsTheTicketOnHoldAndWaitsAtOnHold()
    {
        await using var host = await TestHost.StartAsync();
        var working = await CreateAndActAsync(host, "acknowledge");
        var hold = TicketRequests.Action("hold", working);
        hold["holdReason"] = nameof(HoldReason.AwaitingVendor);

        host.Clock.Advance(StepGap);
        var ticket = await host.ActAsync(working.Id, hold, Agent);

        Assert.Equal(TicketState.OnHold, ticket.State);
        Assert.Equal(HoldReason.AwaitingVendor, ticket.HoldReason);
        AssertWaitsAt(ticket, "onHold", OnHoldActions, previous: working);
        AssertLastEntry(
            host,
            ticket,
            4,
            "hold",
            new FieldChange("State", "InProgress", "OnHold"),
            new FieldChange("HoldReason", null, "AwaitingVendor"));
    }

    [Fact]
    public async Task PostAction_Resume_ReturnsToWorkingAndClearsTheHoldReason()
    {
        await using var host = await TestHost.StartAsync();
        var onHold = await CreateAndActAsync(host, "acknowledge", "hold");

        host.Clock.Advance(StepGap);
        var ticket = await host.ActAsync(onHold.Id, TicketRequests.Action("resume", onHold), Agent);

        Assert.Equal(TicketState.InProgress, ticket.State);
        Assert.Null(ticket.HoldReason);
        AssertWaitsAt(ticket, "working", WorkingActions, previous: onHold);
        AssertLastEntry(
            host,
            ticket,
            5,
            "resume",
            new FieldChange("State", "OnHold", "InProgress"),
            new FieldChange("HoldReason", "AwaitingCaller", null));
    }

    [Fact]
    public async Task PostAction_ResolveWithCode_ResolvesAndWaitsAtResolved()
    {
        await using var host = await TestHost.StartAsync();
        var working = await CreateAndActAsync(host, "acknowledge");
        var resolve = TicketRequests.Action("resolve", working);
        resolve["resolutionCode"] = "workaround";
        resolve["comment"] = "Client reinstalled";

        host.Clock.Advance(StepGap);
        var ticket = await host.ActAsync(working.Id, resolve, Agent);

        Assert.Equal(TicketState.Resolved, ticket.State);
        Assert.Equal("workaround", ticket.ResolutionCode);
        AssertWaitsAt(ticket, "resolved", ["close", "reopen"], previous: working);
        var entry = AssertLastEntry(
            host,
            ticket,
            4,
            "resolve",
            new FieldChange("State", "InProgress", "Resolved"),
            new FieldChange("ResolutionCode", null, "workaround"),
            new FieldChange("ResolvedAt", null, "2026-03-02T09:10:00.0000000+00:00"));
        Assert.Equal("workflow incident-default v1, node 'resolve': Client reinstalled", entry.Reason);
    }

    [Fact]
    public async Task PostAction_Close_ClosesTheTicketAndCompletesTheWorkflow()
    {
        await using var host = await TestHost.StartAsync();
        var resolved = await CreateAndActAsync(host, "acknowledge", "resolve");

        host.Clock.Advance(StepGap);
        var ticket = await host.ActAsync(resolved.Id, TicketRequests.Action("close", resolved), Agent);

        Assert.Equal(TicketState.Closed, ticket.State);
        Assert.Equal("fixed", ticket.ResolutionCode);
        Assert.Equal(InstanceStatus.Completed, ticket.Workflow.Status);
        Assert.Equal("end", ticket.Workflow.Node);
        Assert.Null(ticket.Workflow.BookmarkId);
        Assert.Empty(ticket.Workflow.Actions);
        AssertLastEntry(
            host,
            ticket,
            5,
            "close",
            new FieldChange("State", "Resolved", "Closed"),
            new FieldChange("ClosedAt", null, "2026-03-02T09:15:00.0000000+00:00"));
    }

    [Fact]
    public async Task PostAction_Reopen_ReturnsToWorkingAndCountsTheReopen()
    {
        await using var host = await TestHost.StartAsync();
        var resolved = await CreateAndActAsync(host, "acknowledge", "resolve");

        host.Clock.Advance(StepGap);
        var ticket = await host.ActAsync(resolved.Id, TicketRequests.Action("reopen", resolved), Agent);

        Assert.Equal(TicketState.InProgress, ticket.State);
        Assert.Equal(1, ticket.ReopenCount);
        Assert.Null(ticket.ResolutionCode);
        AssertWaitsAt(ticket, "working", WorkingActions, previous: resolved);
        AssertLastEntry(
            host,
            ticket,
            5,
            "reopen",
            new FieldChange("State", "Resolved", "InProgress"),
            new FieldChange("ReopenCount", "0", "1"),
            new FieldChange("ResolutionCode", "fixed", null),
            new FieldChange("ResolvedAt", "2026-03-02T09:10:00.0000000+00:00", null));
    }

    [Fact]
    public async Task PostAction_Cancel_CancelsTheTicketAndCompletesTheWorkflow()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.CreateTicketAsync();

        host.Clock.Advance(StepGap);
        var ticket = await host.ActAsync(created.Id, TicketRequests.Action("cancel", created), Agent);

        Assert.Equal(TicketState.Cancelled, ticket.State);
        Assert.Equal((InstanceStatus.Completed, "end"), (ticket.Workflow.Status, ticket.Workflow.Node));
        Assert.Empty(ticket.Workflow.Actions);
        AssertLastEntry(host, ticket, 3, "cancel", new FieldChange("State", "New", "Cancelled"));
    }

    [Fact]
    public async Task PostAction_EachStep_IsStoredAsTheResponseShowsIt()
    {
        await using var host = await TestHost.StartAsync();

        var onHold = await CreateAndActAsync(host, "acknowledge", "hold");

        var stored = await host.GetTicketAsync(onHold.Id);
        Assert.Equal((TicketState.OnHold, HoldReason.AwaitingCaller), (stored.State, stored.HoldReason));
        Assert.Equal(("onHold", onHold.Workflow.BookmarkId), (stored.Workflow.Node, stored.Workflow.BookmarkId));
        Assert.Equal(onHold.Journal.Count, stored.Journal.Count);
    }

    [Fact]
    public async Task PostAction_WithoutBookmarkId_ActsOnThePendingTask()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.CreateTicketAsync();

        var ticket = await host.ActAsync(created.Id, new JsonObject { ["outcome"] = "acknowledge" });

        Assert.Equal(TicketState.InProgress, ticket.State);
        Assert.Equal("working", ticket.Workflow.Node);
    }

    [Fact]
    public async Task PostAction_Reprioritise_RecomputesThePriorityAndStaysAtTriage()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.CreateTicketAsync();
        var reprioritise = TicketRequests.Action("reprioritise", created);
        reprioritise["impact"] = "Low";
        reprioritise["urgency"] = "Low";

        var ticket = await host.ActAsync(created.Id, reprioritise, Agent);

        Assert.Equal(("3", "3", "Low"), (ticket.Impact, ticket.Urgency, ticket.Priority));
        AssertWaitsAt(ticket, "triage", created.Workflow.Actions, previous: created);
        AssertLastEntry(
            host,
            ticket,
            3,
            "prioritise",
            new FieldChange("Impact", "2", "3"),
            new FieldChange("Urgency", "1", "3"),
            new FieldChange("Priority", "High", "Low"));
    }

    [Fact]
    public async Task PostAction_Reassign_HandsTheTicketToTheGroupAndStaysAtTriage()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.CreateTicketAsync();
        var reassign = TicketRequests.Action("reassign", created);
        reassign["assignmentGroup"] = "Network team";
        reassign["assignedTo"] = "grace.hopper";

        var ticket = await host.ActAsync(created.Id, reassign, Agent);

        Assert.Equal(("Network team", "grace.hopper"), (ticket.AssignmentGroup, ticket.AssignedTo));
        Assert.Equal(TicketState.New, ticket.State);
        AssertWaitsAt(ticket, "triage", created.Workflow.Actions, previous: created);
        AssertLastEntry(
            host,
            ticket,
            3,
            "assign",
            new FieldChange("AssignmentGroup", null, "Network team"),
            new FieldChange("AssignedTo", null, "grace.hopper"));
    }

    [Fact]
    public async Task PostAction_RecategoriseWhileWorking_MovesTheTicketAndReturnsToWorking()
    {
        await using var host = await TestHost.StartAsync();
        var working = await CreateAndActAsync(host, "acknowledge");
        var recategorise = TicketRequests.Action("recategorise", working);
        recategorise["category"] = "Hardware";
        recategorise["subcategory"] = "Laptop";

        var ticket = await host.ActAsync(working.Id, recategorise, Agent);

        Assert.Equal(("Hardware", "Laptop"), (ticket.Category, ticket.Subcategory));
        AssertWaitsAt(ticket, "working", WorkingActions, previous: working);
        AssertLastEntry(
            host,
            ticket,
            4,
            "categorise",
            new FieldChange("Category", "Network", "Hardware"),
            new FieldChange("Subcategory", "VPN", "Laptop"));
    }

    [Fact]
    public async Task PostAction_RecategoriseWithOnlyASubcategory_MovesTheTicketWithinItsCategory()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.CreateTicketAsync();
        var recategorise = TicketRequests.Action("recategorise", created);
        recategorise["subcategory"] = "Wi-Fi";

        var ticket = await host.ActAsync(created.Id, recategorise, Agent);

        Assert.Equal(("Network", "Wi-Fi"), (ticket.Category, ticket.Subcategory));
        AssertLastEntry(host, ticket, 3, "categorise", new FieldChange("Subcategory", "VPN", "Wi-Fi"));
    }

    /// <summary>Creates a ticket and takes the actions in order, each a step later, with what each needs.</summary>
    private static async Task<TicketView> CreateAndActAsync(TestHost host, params string[] outcomes)
    {
        var ticket = await host.CreateTicketAsync();
        foreach (var outcome in outcomes)
        {
            host.Clock.Advance(StepGap);
            var action = TicketRequests.Action(outcome, ticket);
            action["holdReason"] = nameof(HoldReason.AwaitingCaller);
            action["resolutionCode"] = "fixed";
            ticket = await host.ActAsync(ticket.Id, action, Agent);
        }

        return ticket;
    }

    private static void AssertWaitsAt(
        TicketView ticket,
        string node,
        IReadOnlyList<string> actions,
        TicketView previous)
    {
        Assert.Equal(InstanceStatus.Suspended, ticket.Workflow.Status);
        Assert.Equal(node, ticket.Workflow.Node);
        Assert.Equal(actions, ticket.Workflow.Actions);
        Assert.NotNull(ticket.Workflow.BookmarkId);
        Assert.NotEqual(previous.Workflow.BookmarkId, ticket.Workflow.BookmarkId);
    }

    /// <summary>Checks the last journal entry: this action, by the agent, at the current time, these changes.</summary>
    private static JournalView AssertLastEntry(
        TestHost host,
        TicketView ticket,
        int sequence,
        string action,
        params FieldChange[] changes)
    {
        Assert.Equal(sequence, ticket.Journal.Count);
        var entry = ticket.Journal[^1];
        Assert.Equal((sequence, action, Agent), (entry.Sequence, entry.Action, entry.Actor));
        Assert.Equal(host.Clock.GetUtcNow(), entry.At);
        Assert.Equal(changes, entry.Changes.Where(c => !SlaJournalFields.All.Contains(c.Field)));
        return entry;
    }
}
