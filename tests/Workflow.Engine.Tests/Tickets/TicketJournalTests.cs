using Workflow.Engine.Tickets;
using Workflow.Sdk.Tickets;

namespace Workflow.Engine.Tests.Tickets;

public sealed class TicketJournalTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Log_NewTicket_RecordsEachGivenFieldAsPendingChange()
    {
        var ticket = TestTickets.Logged();

        Assert.Contains(new FieldChange("State", null, "New"), ticket.PendingChanges);
        Assert.Contains(new FieldChange("Channel", null, "Phone"), ticket.PendingChanges);
        Assert.Contains(new FieldChange("Subject", null, "VPN drops every ten minutes"), ticket.PendingChanges);
        Assert.Contains(new FieldChange("Reporter.Name", null, "Anna de Vries"), ticket.PendingChanges);
        Assert.Contains(
            new FieldChange("OccurredAt", null, "2026-03-02T07:40:00.0000000+00:00"),
            ticket.PendingChanges);
        Assert.Contains(new FieldChange("Subcategory", null, "VPN"), ticket.PendingChanges);
    }

    [Fact]
    public void Log_NewTicket_LeavesUnsetFieldsOutOfTheChanges()
    {
        var ticket = TestTickets.Logged();

        Assert.DoesNotContain(ticket.PendingChanges, c => c.Field == "Description");
        Assert.DoesNotContain(ticket.PendingChanges, c => c.Field == "Reporter.Phone");
        Assert.DoesNotContain(ticket.PendingChanges, c => c.Field == "Impact");
    }

    [Fact]
    public void Apply_Acknowledge_RecordsOldAndNewState()
    {
        var ticket = TestTickets.InState(TicketState.New);

        ticket.Apply(TicketAction.Acknowledge, At);

        Assert.Equal([new FieldChange("State", "New", "InProgress")], ticket.PendingChanges);
    }

    [Fact]
    public void Apply_Hold_RecordsStateAndHoldReason()
    {
        var ticket = TestTickets.InState(TicketState.InProgress);

        ticket.Apply(TicketAction.Hold, At, HoldReason.AwaitingVendor);

        Assert.Equal(
            [new FieldChange("State", "InProgress", "OnHold"), new FieldChange("HoldReason", null, "AwaitingVendor")],
            ticket.PendingChanges);
    }

    [Fact]
    public void Apply_Reopen_RecordsClearedResolution()
    {
        var ticket = TestTickets.InState(TicketState.Resolved);
        var resolvedAt = ticket.ResolvedAt!.Value.ToString("O");

        ticket.Apply(TicketAction.Reopen, At);

        Assert.Equal(
            [
                new FieldChange("State", "Resolved", "InProgress"),
                new FieldChange("ReopenCount", "0", "1"),
                new FieldChange("ResolutionCode", "fixed", null),
                new FieldChange("ResolvedAt", resolvedAt, null),
            ],
            ticket.PendingChanges);
    }

    [Fact]
    public void AppendJournal_PendingChanges_TurnsThemIntoOneNumberedEntry()
    {
        var ticket = TestTickets.Logged();
        var pending = ticket.PendingChanges.ToList();

        var entry = ticket.AppendJournal("agent.smith", "created", "logged through Phone", At);

        Assert.NotNull(entry);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal("agent.smith", entry.Actor);
        Assert.Equal("created", entry.Action);
        Assert.Equal("logged through Phone", entry.Reason);
        Assert.Equal(At, entry.At);
        Assert.Equal(pending, entry.Changes);
    }

    [Fact]
    public void AppendJournal_PendingChanges_ClearsThemAndCountsTheEntry()
    {
        var ticket = TestTickets.Logged();

        ticket.AppendJournal("agent.smith", "created", "logged through Phone", At);

        Assert.Empty(ticket.PendingChanges);
        Assert.Equal(1, ticket.JournalLength);
        Assert.Single(ticket.Journal);
    }

    [Fact]
    public void AppendJournal_LaterChange_NumbersTheNextEntry()
    {
        var ticket = TestTickets.Logged();
        ticket.AppendJournal("agent.smith", "created", "logged through Phone", At);
        ticket.Apply(TicketAction.Acknowledge, At.AddMinutes(1));

        var entry = ticket.AppendJournal("agent.smith", "acknowledge", "picked up", At.AddMinutes(1));

        Assert.Equal(2, entry!.Sequence);
        Assert.Equal(2, ticket.JournalLength);
        Assert.Equal([1, 2], ticket.Journal.Select(e => e.Sequence));
        Assert.Equal([new FieldChange("State", "New", "InProgress")], entry.Changes);
    }

    [Fact]
    public void AppendJournal_NothingPending_ReturnsNullAndAddsNothing()
    {
        var ticket = TestTickets.InState(TicketState.New);
        var length = ticket.JournalLength;

        var entry = ticket.AppendJournal("agent.smith", "viewed", "opened the ticket", At);

        Assert.Null(entry);
        Assert.Equal(length, ticket.JournalLength);
    }

    [Fact]
    public void AppendJournal_NothingPendingButAlways_AddsEntryWithoutChanges()
    {
        var ticket = TestTickets.InState(TicketState.New);

        var entry = ticket.AppendJournal("agent.smith", "comment", "called the reporter back", At, always: true);

        Assert.NotNull(entry);
        Assert.Equal(2, entry.Sequence);
        Assert.Empty(entry.Changes);
    }

    [Fact]
    public void AppendJournal_OffsetTime_StampsEntryAndTicketInUtc()
    {
        var ticket = TestTickets.Logged();
        var local = At.ToOffset(TimeSpan.FromHours(1));

        var entry = ticket.AppendJournal("agent.smith", "created", "logged through Phone", local);

        Assert.Equal(TimeSpan.Zero, entry!.At.Offset);
        Assert.Equal(At, ticket.UpdatedAt);
    }
}
