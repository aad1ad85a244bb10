using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Access;
using Workflow.Engine.Storage;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;
using Workflow.Testing;

namespace Workflow.Engine.Tests.Storage;

/// <summary>
/// On SQLite, new tickets are committed in shared batches by one writer: every ticket that was answered is
/// stored once with its journal, and a ticket the database refuses takes none of its batch down with it.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task CreateAsync_ThirtyAtOnce_StoresEachTicketOnceWithItsJournalAndInstance()
    {
        await using var test = await TestEngine.StartAsync(StorageProvider.Sqlite, StorageScenario.Clock());

        var created = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ =>
            Task.Run(() => test.Engine.Tickets.CreateAsync(StorageScenario.Details(), StorageScenario.Agent))));

        await using var db = test.Engine.Contexts.Create();
        var stored = await db.Tickets.AsNoTracking().Include(t => t.Journal).ToListAsync();
        Assert.Equal(30, created.Select(t => t.Id).Distinct().Count());
        Assert.Equal(created.Select(t => t.Id).Order(), stored.Select(t => t.Id).Order());
        Assert.All(stored, t => Assert.Equal(
            created.Single(c => c.Id == t.Id).Journal.Select(j => (j.Sequence, j.Action, j.Reason)),
            t.Journal.OrderBy(j => j.Sequence).Select(j => (j.Sequence, j.Action, j.Reason))));
        Assert.Equal(30, await db.Instances.CountAsync(i => i.CurrentNodeId == "triage"));
    }

    [Fact]
    public async Task SaveAsync_KeyTakenByAnotherTicketOfTheBatch_RefusesOnlyThatTicket()
    {
        await using var test = await TestEngine.StartAsync(StorageProvider.Sqlite, StorageScenario.Clock());
        var commit = new GroupCommit(test.Engine.Contexts);

        // Holding SQLite's write lock keeps the writer waiting, so the next four tickets queue into one batch.
        await using var blocker = new SqliteConnection(test.Database.ConnectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        var first = commit.SaveAsync(NewInstance("first"), Key("first"));
        var waiting = new[] { "a", "a", "b", "c" }
            .Select(k => (Key: k, Task: commit.SaveAsync(NewInstance(k), Key(k))))
            .ToList();
        await hold.RollbackAsync();
        await first;
        var outcomes = new List<string>();
        foreach (var (key, task) in waiting)
        {
            var refused = await Record.ExceptionAsync(() => task) is DbUpdateException;
            outcomes.Add(refused ? $"{key} refused" : $"{key} saved");
        }

        await using var db = test.Engine.Contexts.Create();
        Assert.Equal(["a saved", "a refused", "b saved", "c saved"], outcomes);
        Assert.Equal(
            ["a", "b", "c", "first"],
            await db.Tickets.OrderBy(t => t.Subject).Select(t => t.Subject).ToListAsync());
        Assert.Equal(4, await db.IdempotencyKeys.CountAsync(k => k.TicketId == db.Tickets
            .Single(t => t.Subject == k.Key).Id));
        Assert.Equal(4, await db.Instances.CountAsync());
    }

    [Fact]
    public async Task SaveAsync_OneTicketMakesTheCommitFail_TheOthersAreWrittenAgainAndStored()
    {
        await using var test = await TestEngine.StartAsync(StorageProvider.Sqlite, StorageScenario.Clock());
        var commit = new GroupCommit(test.Engine.Contexts);
        await using var blocker = new SqliteConnection(test.Database.ConnectionString);
        await blocker.OpenAsync();

        // A ticket named 'poison' leaves a row whose deferred foreign key fails only at the commit.
        await using (var schema = blocker.CreateCommand())
        {
            schema.CommandText = """
                CREATE TABLE poison_parent (id INTEGER PRIMARY KEY);
                CREATE TABLE poison_child (parent INTEGER REFERENCES poison_parent(id) DEFERRABLE INITIALLY DEFERRED);
                CREATE TRIGGER poison AFTER INSERT ON tickets WHEN NEW."Subject" = 'poison'
                BEGIN INSERT INTO poison_child (parent) VALUES (-1); END;
                """;
            await schema.ExecuteNonQueryAsync();
        }

        await using var hold = await blocker.BeginTransactionAsync();
        var first = commit.SaveAsync(NewInstance("first"), null);
        var waiting = new[] { "a", "poison", "b" }
            .Select(s => (Subject: s, Task: commit.SaveAsync(NewInstance(s), Key(s))))
            .ToList();
        await hold.RollbackAsync();
        await first;
        var outcomes = new List<string>();
        foreach (var (subject, task) in waiting)
        {
            var failed = await Record.ExceptionAsync(() => task) is not null;
            outcomes.Add(failed ? $"{subject} failed" : $"{subject} saved");
        }

        await using var db = test.Engine.Contexts.Create();
        Assert.Equal(["a saved", "poison failed", "b saved"], outcomes);
        Assert.Equal(
            ["a", "b", "first"],
            await db.Tickets.OrderBy(t => t.Subject).Select(t => t.Subject).ToListAsync());
        Assert.Equal(["a", "b"], await db.IdempotencyKeys.OrderBy(k => k.Key).Select(k => k.Key).ToListAsync());
        Assert.Equal(3, await db.Journal.CountAsync());
        Assert.Equal(3, await db.Instances.CountAsync());
    }

    private static WorkflowInstance NewInstance(string subject)
    {
        var ticket = Ticket.Log(StorageScenario.Details() with { Subject = subject }, StorageScenario.Start);
        ticket.AppendJournal(StorageScenario.Agent, "created", "logged through Phone", StorageScenario.Start);
        return WorkflowInstance.Start(ticket, WorkflowDefinitionStore.DefaultId, 1, StorageScenario.Start);
    }

    private static IdempotencyRecord Key(string key) => new()
    {
        Owner = "gateway",
        Key = key,
        RequestHash = new string('0', 64),
        CreatedAt = StorageScenario.Start,
    };
}
