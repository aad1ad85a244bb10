using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Sdk.Tickets;
using Workflow.Testing;
using static Workflow.Engine.Tests.Storage.StorageScenario;

namespace Workflow.Engine.Tests.Storage;

/// <summary>
/// Each action at a task, saved and read back: the state it leads to, the node the workflow waits at next,
/// and the journal entry with every changed field's old and new value.
/// </summary>
public sealed class TicketActionStorageTests
{
    /// <summary>Logging writes two entries (created, prioritise); the first action writes the third.</summary>
    private const int EntriesAfterLogging = 2;

    [SkippableTheory, StorageProviders]
    public async Task ActAsync_Acknowledge_MovesToWorkingAndJournalsTheStateChange(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = await LogAndActAsync(test.Engine, clock);

        clock.Advance(StepGap);
        await test.Engine.Tickets.ActAsync(id, Act("acknowledge"));

        var (ticket, instance) = await StoredAsync(test.Engine, id);
        Assert.Equal(TicketState.InProgress, ticket.State);
        Assert.Equal("working", instance.CurrentNodeId);
        AssertLastEntry(
            ticket,
            EntriesAfterLogging + 1,
            "acknowledge",
            clock.GetUtcNow(),
            new FieldChange("State", "New", "InProgress"));
    }

    [SkippableTheory, StorageProviders]
    public async Task ActAsync_HoldWithReason_PutsTicketOnHoldWithTheReason(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = await LogAndActAsync(test.Engine, clock, Act("acknowledge"));

        clock.Advance(StepGap);
        await test.Engine.Tickets.ActAsync(id, Act("hold") with { HoldReason = HoldReason.AwaitingVendor });

        var (ticket, instance) = await StoredAsync(test.Engine, id);
        Assert.Equal(TicketState.OnHold, ticket.State);
        Assert.Equal(HoldReason.AwaitingVendor, ticket.HoldReason);
        Assert.Equal("onHold", instance.CurrentNodeId);
        AssertLastEntry(
            ticket,
            EntriesAfterLogging + 2,
            "hold",
            clock.GetUtcNow(),
            new FieldChange("State", "InProgress", "OnHold"),
            new FieldChange("HoldReason", null, "AwaitingVendor"));
    }

    [SkippableTheory, StorageProviders]
    public async Task ActAsync_HoldWithoutReason_IsRefusedAndStoresNothing(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = await LogAndActAsync(test.Engine, clock, Act("acknowledge"));
        var (_, before) = await StoredAsync(test.Engine, id);

        clock.Advance(StepGap);
        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => test.Engine.Tickets.ActAsync(id, Act("hold")));

        var (ticket, instance) = await StoredAsync(test.Engine, id);
        Assert.Equal("holdReason", Assert.Single(refused.Errors).Field);
        Assert.Equal(TicketState.InProgress, ticket.State);
        Assert.Equal(EntriesAfterLogging + 1, ticket.JournalLength);
        Assert.Equal(EntriesAfterLogging + 1, ticket.Journal.Count);
        Assert.Equal("working", instance.CurrentNodeId);
        Assert.Equal(before.BookmarkId, instance.BookmarkId);
    }

    [SkippableTheory, StorageProviders]
    public async Task ActAsync_Resume_ReturnsToWorkingAndClearsTheHoldReason(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var hold = Act("hold") with { HoldReason = HoldReason.AwaitingCaller };
        var id = await LogAndActAsync(test.Engine, clock, Act("acknowledge"), hold);

        clock.Advance(StepGap);
        await test.Engine.Tickets.ActAsync(id, Act("resume"));

        var (ticket, instance) = await StoredAsync(test.Engine, id);
        Assert.Equal(TicketState.InProgress, ticket.State);
        Assert.Null(ticket.HoldReason);
        Assert.Equal("working", instance.CurrentNodeId);
        AssertLastEntry(
            ticket,
            EntriesAfterLogging + 3,
            "resume",
            clock.GetUtcNow(),
            new FieldChange("State", "OnHold", "InProgress"),
            new FieldChange("HoldReason", "AwaitingCaller", null));
    }

    [SkippableTheory, StorageProviders]
    public async Task ActAsync_ResolveWithCode_RecordsTheCodeAndTheTime(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var id = await LogAndActAsync(test.Engine, clock, Act("acknowledge"));

        clock.Advance(StepGap);
        await test.Engine.Tickets.ActAsync(id, Act("resolve") with { ResolutionCode = "config-fixed" });

        var (ticket, instance) = await StoredAsync(test.Engine, id);
        var now = clock.GetUtcNow();
        Assert.Equal(TicketState.Resolved, ticket.State);
        Assert.Equal("config-fixed", ticket.ResolutionCode);
        Assert.Equal(now, ticket.ResolvedAt);
        Assert.Equal("resolved", instance.CurrentNodeId);
        Assert.Equal(["close", "reopen"], instance.PendingOutcomes);
        AssertLastEntry(
            ticket,
            EntriesAfterLogging + 2,
            "resolve",
            now,
            new FieldChange("State", "InProgress", "Resolved"),
            new FieldChange("ResolutionCode", null, "config-fixed"),
            new FieldChange("ResolvedAt", null, Stamp(now)));
    }

    [SkippableTheory, StorageProviders]
    public async Task ActAsync_Close_ClosesTicketAndCompletesTheWorkflow(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var resolve = Act("resolve") with { ResolutionCode = "config-fixed" };
        var id = await LogAndActAsync(test.Engine, clock, Act("acknowledge"), resolve);

        clock.Advance(StepGap);
        await test.Engine.Tickets.ActAsync(id, Act("close"));

        var (ticket, instance) = await StoredAsync(test.Engine, id);
        var now = clock.GetUtcNow();
        Assert.Equal(TicketState.Closed, ticket.State);
        Assert.Equal(now, ticket.ClosedAt);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("end", instance.CurrentNodeId);
        Assert.Null(instance.BookmarkId);
        Assert.Empty(instance.PendingOutcomes);
        AssertLastEntry(
            ticket,
            EntriesAfterLogging + 3,
            "close",
            now,
            new FieldChange("State", "Resolved", "Closed"),
            new FieldChange("ClosedAt", null, Stamp(now)));
    }

    [SkippableTheory, StorageProviders]
    public async Task ActAsync_Reopen_CountsTheReopenAndClearsTheResolution(string provider)
    {
        var clock = Clock();
        await using var test = await TestEngine.StartAsync(provider, clock);
        var resolve = Act("resolve") with { ResolutionCode = "config-fixed" };
        var id = await LogAndActAsync(test.Engine, clock, Act("acknowledge"), resolve);
        var resolvedAt = clock.GetUtcNow();

        clock.Advance(StepGap);
        await test.Engine.Tickets.ActAsync(id, Act("reopen"));

        var (ticket, instance) = await StoredAsync(test.Engine, id);
        Assert.Equal(TicketState.InProgress, ticket.State);
        Assert.Equal(1, ticket.ReopenCount);
        Assert.Null(ticket.ResolutionCode);
        Assert.Null(ticket.ResolvedAt);
        Assert.Equal("working", instance.CurrentNodeId);
        AssertLastEntry(
            ticket,
            EntriesAfterLogging + 3,
            "reopen",
            clock.GetUtcNow(),
            new FieldChange("State", "Resolved", "InProgress"),
            new FieldChange("ReopenCount", "0", "1"),
            new FieldChange("ResolutionCode", "config-fixed", null),
            new FieldChange("ResolvedAt", Stamp(resolvedAt), null));
    }

    private static void AssertLastEntry(
        Ticket ticket,
        int sequence,
        string action,
        DateTimeOffset at,
        params FieldChange[] changes)
    {
        Assert.Equal(sequence, ticket.JournalLength);
        Assert.Equal(Enumerable.Range(1, sequence), ticket.Journal.Select(j => j.Sequence));

        var entry = ticket.Journal[^1];
        Assert.Equal(action, entry.Action);
        Assert.Equal(Agent, entry.Actor);
        Assert.Equal($"workflow incident-default v1, node '{action}'", entry.Reason);
        Assert.Equal(at, entry.At);
        Assert.Equal(changes, entry.Changes.Where(c => !SlaJournalFields.All.Contains(c.Field)));
    }
}
