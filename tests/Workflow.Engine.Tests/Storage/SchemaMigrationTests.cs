using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Storage;
using Workflow.Engine.Workflows;
using Workflow.Testing;

namespace Workflow.Engine.Tests.Storage;

public sealed class SchemaMigrationTests
{
    [SkippableTheory, StorageProviders]
    public async Task StartAsync_EmptyDatabase_AppliesEveryMigration(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var before = await AppliedMigrationsAsync(database);

        var engine = await WorkflowEngine.StartAsync(
            new EngineOptions { Storage = database.Storage },
            StorageScenario.Clock());

        await using var db = engine.Contexts.Create();
        var all = db.Database.GetMigrations().ToList();
        Assert.Empty(before);
        Assert.NotEmpty(all);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Tickets.CountAsync());
        Assert.Equal(0, await db.Journal.CountAsync());
        Assert.Equal(0, await db.Instances.CountAsync());
    }

    [SkippableTheory, StorageProviders]
    public async Task Migrations_CurrentModel_HaveNothingPending(string provider)
    {
        // Branches that each add a migration can merge into a snapshot that no longer matches the model.
        await using var database = await TestDatabase.CreateAsync(provider);
        var engine = await WorkflowEngine.StartAsync(
            new EngineOptions { Storage = database.Storage },
            StorageScenario.Clock());

        await using var db = engine.Contexts.Create();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [SkippableTheory, StorageProviders]
    public async Task StartAsync_EmptyDatabase_PublishesDefaultWorkflowAsVersion1(string provider)
    {
        await using var test = await TestEngine.StartAsync(provider, StorageScenario.Clock());

        var versions = await test.Engine.Definitions.VersionsAsync(WorkflowDefinitionStore.DefaultId);
        var (latest, definition) = await test.Engine.Definitions.LatestPublishedAsync(
            WorkflowDefinitionStore.DefaultId);

        var record = Assert.Single(versions);
        Assert.Equal(1, record.Version);
        Assert.Equal(DefinitionStatus.Published, record.Status);
        Assert.Equal(WorkflowDefinitionStore.DefaultJson(), record.Json);
        Assert.Equal("system", record.CreatedBy);
        Assert.Equal(StorageScenario.Start, record.CreatedAt);
        Assert.Equal(StorageScenario.Start, record.PublishedAt);
        Assert.Equal(1, latest);
        Assert.Equal(WorkflowDefinitionStore.DefaultId, definition.Id);
        Assert.Equal("identify", definition.Start);
    }

    [SkippableTheory, StorageProviders]
    public async Task StartAsync_DatabaseAlreadyMigrated_KeepsTheOneDefaultVersion(string provider)
    {
        await using var test = await TestEngine.StartAsync(provider, StorageScenario.Clock());
        var later = StorageScenario.Clock();
        later.Advance(TimeSpan.FromDays(1));

        var second = await test.StartAnotherAsync(later);

        var record = Assert.Single(await second.Definitions.VersionsAsync(WorkflowDefinitionStore.DefaultId));
        Assert.Equal(1, record.Version);
        Assert.Equal(StorageScenario.Start, record.PublishedAt);
    }

    private static async Task<IReadOnlyList<string>> AppliedMigrationsAsync(ITestDatabase database)
    {
        await using var db = new WorkflowDbContextFactory(database.Storage).Create();
        return [.. await db.Database.GetAppliedMigrationsAsync()];
    }
}
