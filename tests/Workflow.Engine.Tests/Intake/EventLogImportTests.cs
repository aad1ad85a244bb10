using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workflow.Engine.Intake.EventLog;
using Workflow.Engine.Priority;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Sdk.Tickets;
using Workflow.Testing;
using static Workflow.Engine.Tests.Intake.EventLogSlice;

namespace Workflow.Engine.Tests.Intake;

public sealed class EventLogImportTests
{
    private const string SourceName = "slice.csv";

    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [SkippableTheory, StorageProviders]
    public async Task ImportAsync_SliceWithBadRows_CountsWhatItReadAndCreated(string provider)
    {
        await using var test = await StartAsync(provider);

        var summary = await ImportAsync(test.Engine);

        Assert.Equal(GoodRows + 4, summary.Events);
        Assert.Equal(5, summary.Incidents);
        Assert.Equal(4, summary.TicketsCreated);
        Assert.Equal(0, summary.AlreadyImported);
        Assert.Equal(2, summary.CategoriesAdded);
        Assert.Empty(summary.RefusedEvents);
        Assert.Equal(1, summary.EventsAfterClosure);
        Assert.Equal(0, summary.EditsNotOffered);
        Assert.Equal(0, summary.ReopenedAsNew);
        Assert.Equal(
            new Dictionary<string, int> { ["Closed"] = 1, ["InProgress"] = 1, ["New"] = 1, ["OnHold"] = 1 },
            summary.TicketsByState);
        Assert.Equal(new Dictionary<string, int> { ["1"] = 1, ["3"] = 3 }, summary.TicketsByPriority);
    }

    [SkippableTheory, StorageProviders]
    public async Task ImportAsync_SliceWithBadRows_ChecksEveryReadRowsPriority(string provider)
    {
        await using var test = await StartAsync(provider);

        var summary = await ImportAsync(test.Engine);

        Assert.Equal(GoodRows, summary.PriorityChecked);
        Assert.Equal(GoodRows - 1, summary.PriorityAgreed);
        var (pattern, count) = Assert.Single(summary.Disagreements);
        Assert.Equal(new PriorityDisagreement("2", "2", "4 - Low", "3 - Moderate"), pattern);
        Assert.Equal(1, count);
    }

    [SkippableTheory, StorageProviders]
    public async Task ImportAsync_SliceWithBadRows_RejectsEachWithItsLineAndReason(string provider)
    {
        await using var test = await StartAsync(provider);

        var summary = await ImportAsync(test.Engine);

        Assert.Equal(
            [
                new RowRejection(UnknownStateLine, OnHold, "incident_state: 'Pending Approval' is not a known state."),
                new RowRejection(MissingUpdateTimeLine, Active, "sys_updated_at: the value is missing."),
                new RowRejection(
                    BadOpenedAtLine,
                    Active,
                    "opened_at: '30/2/2016 09:00' is not a time like 29/2/2016 01:16."),
                new RowRejection(TruncatedLine, New, $"expected {EventLogCsv.ColumnCount} fields, found 35."),
                new RowRejection(
                    NoReporterLine,
                    NoReporter,
                    "the whole incident (2 events) was not imported: reporter: a name or a user name is required."),
            ],
            summary.RejectedRows.OrderBy(r => r.Line));
    }

    [SkippableTheory, StorageProviders]
    public async Task ImportAsync_SliceWithBadRows_StoresEachIncidentInItsRecordedState(string provider)
    {
        await using var test = await StartAsync(provider);

        await ImportAsync(test.Engine);

        await using var db = test.Engine.Contexts.Create();
        var stored = await db.Instances.AsNoTracking().Include(i => i.Ticket)
            .ToDictionaryAsync(i => i.Ticket.ExternalKey!);
        Assert.Equal([Key(Closed), Key(OnHold), Key(Active), Key(New)], stored.Keys.Order());
        Assert.Equal(TicketState.Closed, stored[Key(Closed)].Ticket.State);
        Assert.Equal("code 5", stored[Key(Closed)].Ticket.ResolutionCode);
        Assert.Equal("Resolver 7", stored[Key(Closed)].Ticket.AssignedTo);
        Assert.Equal(InstanceStatus.Completed, stored[Key(Closed)].Status);
        Assert.Equal(TicketState.OnHold, stored[Key(OnHold)].Ticket.State);
        Assert.Equal(HoldReason.AwaitingCaller, stored[Key(OnHold)].Ticket.HoldReason);
        Assert.Equal("onHold", stored[Key(OnHold)].CurrentNodeId);
        Assert.Equal(TicketState.InProgress, stored[Key(Active)].Ticket.State);
        Assert.Equal("working", stored[Key(Active)].CurrentNodeId);
        Assert.Equal(TicketState.New, stored[Key(New)].Ticket.State);
        Assert.Equal("1", stored[Key(New)].Ticket.Priority);
        Assert.Equal("triage", stored[Key(New)].CurrentNodeId);
    }

    [SkippableTheory, StorageProviders]
    public async Task ImportAsync_SliceWithBadRows_StoresRecordedTimesAndJournal(string provider)
    {
        await using var test = await StartAsync(provider);

        await ImportAsync(test.Engine);

        var closedAt = new DateTimeOffset(2016, 3, 6, 12, 0, 0, TimeSpan.Zero);
        await using var db = test.Engine.Contexts.Create();
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Journal)
            .SingleAsync(t => t.ExternalKey == Key(Closed));
        var last = ticket.Journal.MaxBy(j => j.Sequence)!;
        Assert.Equal(new DateTimeOffset(2016, 3, 1, 9, 0, 0, TimeSpan.Zero), ticket.OccurredAt);
        Assert.Equal(new DateTimeOffset(2016, 3, 1, 9, 5, 0, TimeSpan.Zero), ticket.CreatedAt);
        Assert.Equal(new DateTimeOffset(2016, 3, 1, 11, 0, 0, TimeSpan.Zero), ticket.ResolvedAt);
        Assert.Equal(closedAt, ticket.ClosedAt);
        Assert.Equal("close", last.Action);
        Assert.Equal("Updated by 21", last.Actor);
        Assert.Equal("workflow incident-default v1, node 'close': import line 5", last.Reason);
        Assert.Equal(closedAt, last.At);
        Assert.Equal(
            [new("State", "Resolved", "Closed"), new("ClosedAt", null, "2016-03-06T12:00:00.0000000+00:00")],
            last.Changes);
    }

    [SkippableTheory, StorageProviders]
    public async Task ImportAsync_IncidentThatCannotBeLogged_LeavesNoPartOfItStored(string provider)
    {
        await using var test = await StartAsync(provider);

        await ImportAsync(test.Engine);

        await using var db = test.Engine.Contexts.Create();
        var tickets = await db.Tickets.AsNoTracking().Include(t => t.Journal).ToListAsync();
        Assert.DoesNotContain(tickets, t => t.ExternalKey == Key(NoReporter));
        Assert.Equal(4, tickets.Count);
        Assert.Equal(4, await db.Instances.CountAsync());
        Assert.Equal(0, await db.Instances.CountAsync(i => !db.Tickets.Any(t => t.Id == i.TicketId)));
        Assert.Equal(tickets.Sum(t => t.JournalLength), await db.Journal.CountAsync());
        Assert.All(tickets, t => Assert.Equal(
            Enumerable.Range(1, t.JournalLength),
            t.Journal.Select(j => j.Sequence).Order()));
    }

    [SkippableTheory, StorageProviders]
    public async Task ImportAsync_SameFileTwice_ImportsEachIncidentOnce(string provider)
    {
        await using var test = await StartAsync(provider);
        var first = await ImportAsync(test.Engine, batchSize: 2);
        var counts = await CountRowsAsync(test.Engine);

        var second = await ImportAsync(test.Engine, batchSize: 2);

        Assert.Equal(4, first.TicketsCreated);
        Assert.Equal(first.TicketsCreated, second.AlreadyImported);
        Assert.Equal(0, second.TicketsCreated);
        Assert.Equal(
            first.RejectedRows.OrderBy(r => r.Line),
            second.RejectedRows.OrderBy(r => r.Line));
        Assert.Equal(counts, await CountRowsAsync(test.Engine));
        Assert.Equal(4, counts.Tickets);
    }

    private static Task<TestEngine> StartAsync(string provider) =>
        TestEngine.StartAsync(provider, new FakeTimeProvider(Now));

    private static async Task<ImportSummary> ImportAsync(WorkflowEngine engine, int batchSize = 1000)
    {
        var options = new EventLogImportOptions
        {
            Source = "servicenow",
            PriorityScheme = PrioritySchemeLoader.Resolve("servicenow-incident"),
            Times = new TimeInput(TimeZoneInfo.Utc),
            BatchSize = batchSize,
        };

        using var input = Build().Open();
        return await new EventLogImporter(engine).ImportAsync(input, SourceName, options);
    }

    private static async Task<(int Tickets, int Journal, int Instances)> CountRowsAsync(WorkflowEngine engine)
    {
        await using var db = engine.Contexts.Create();
        return (await db.Tickets.CountAsync(), await db.Journal.CountAsync(), await db.Instances.CountAsync());
    }

    private static string Key(string number) => $"servicenow:{number}";
}
