using Microsoft.EntityFrameworkCore.Diagnostics;
using Workflow.Sdk.Tickets;
using Workflow.Testing;
using static Workflow.Engine.Tests.Storage.StorageScenario;

namespace Workflow.Engine.Tests.Storage;

/// <summary>
/// A step saves the ticket, its journal entries and the workflow instance in one transaction. These tests
/// make the step fail inside the database, once after its first statement has run and once at the commit,
/// and check that none of it remains and the step can be taken again from the same bookmark.
/// </summary>
public sealed class StepAtomicityTests
{
    public static TheoryData<string, string> ProvidersAndFaults => new()
    {
        { StorageProvider.Sqlite, Fault.AfterStatement },
        { StorageProvider.Sqlite, Fault.AtCommit },
        { StorageProvider.Postgres, Fault.AfterStatement },
        { StorageProvider.Postgres, Fault.AtCommit },
    };

    [SkippableTheory, MemberData(nameof(ProvidersAndFaults))]
    public async Task ActAsync_StepFailsInTheDatabase_LeavesNothingOfTheStep(string provider, string fault)
    {
        var (clock, faults) = (Clock(), new Fault(fault));
        await using var test = await TestEngine.StartAsync(provider, clock, faults.Interceptors);
        var id = await LogAndActAsync(test.Engine, clock);
        var (loaded, before) = await StoredAsync(test.Engine, id);

        faults.Arm();
        clock.Advance(StepGap);
        var failure = await Record.ExceptionAsync(() => test.Engine.Tickets.ActAsync(id, Act("acknowledge")));

        var (ticket, instance) = await StoredAsync(test.Engine, id);
        Assert.Equal(1, faults.Failures);
        Assert.True(Chain(failure).OfType<InjectedFaultException>().Any(), $"Unexpected failure: {failure}");
        Assert.Equal(TicketState.New, ticket.State);
        Assert.Equal(2, ticket.JournalLength);
        Assert.Equal(2, ticket.Journal.Count);
        Assert.Equal(loaded.Version, ticket.Version);
        Assert.Equal("triage", instance.CurrentNodeId);
        Assert.Equal(before.BookmarkId, instance.BookmarkId);
        Assert.Equal(before.Version, instance.Version);
    }

    [SkippableTheory, MemberData(nameof(ProvidersAndFaults))]
    public async Task ActAsync_AfterAFailedStep_ResumesTheSameBookmark(string provider, string fault)
    {
        var (clock, faults) = (Clock(), new Fault(fault));
        await using var test = await TestEngine.StartAsync(provider, clock, faults.Interceptors);
        var id = await LogAndActAsync(test.Engine, clock);
        var (_, before) = await StoredAsync(test.Engine, id);
        faults.Arm();
        clock.Advance(StepGap);
        await Record.ExceptionAsync(() => test.Engine.Tickets.ActAsync(id, Act("acknowledge")));

        clock.Advance(StepGap);
        await test.Engine.Tickets.ActAsync(id, Act("acknowledge") with { BookmarkId = before.BookmarkId });

        var (ticket, instance) = await StoredAsync(test.Engine, id);
        Assert.Equal(1, faults.Failures);
        Assert.Equal(TicketState.InProgress, ticket.State);
        Assert.Equal([1, 2, 3], ticket.Journal.Select(j => j.Sequence));
        Assert.Equal("acknowledge", ticket.Journal[^1].Action);
        Assert.Equal(clock.GetUtcNow(), ticket.Journal[^1].At);
        Assert.Equal("working", instance.CurrentNodeId);
        Assert.NotEqual(before.BookmarkId, instance.BookmarkId);
    }

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    /// <summary>One of the two ways a step is made to fail, as interceptors the engine is started with.</summary>
    private sealed class Fault(string kind)
    {
        public const string AfterStatement = "after-statement";
        public const string AtCommit = "at-commit";

        private readonly FailingStatementInterceptor _statement = new();
        private readonly FailingCommitInterceptor _commit = new();

        public IReadOnlyList<IInterceptor> Interceptors => [_statement, _commit];

        public int Failures => _statement.Failures + _commit.Failures;

        public void Arm()
        {
            if (kind == AfterStatement)
            {
                _statement.Arm();
            }
            else
            {
                _commit.Arm();
            }
        }
    }
}
