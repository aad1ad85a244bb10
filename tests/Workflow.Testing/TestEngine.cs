using Microsoft.EntityFrameworkCore.Diagnostics;
using Workflow.Engine;

namespace Workflow.Testing;

/// <summary>
/// A started <see cref="WorkflowEngine"/> on a fresh database of its own: migrated, with the default workflow
/// published. Disposing it removes the database. One test class can run the same test on both providers:
/// <c>[SkippableTheory, InlineData(StorageProvider.Sqlite), InlineData(StorageProvider.Postgres)]</c>.
/// </summary>
public sealed class TestEngine : IAsyncDisposable
{
    private TestEngine(ITestDatabase database, WorkflowEngine engine)
    {
        Database = database;
        Engine = engine;
    }

    public ITestDatabase Database { get; }

    public WorkflowEngine Engine { get; }

    /// <summary>Starts an engine on a new database of <paramref name="provider"/>.</summary>
    /// <param name="provider"><see cref="StorageProvider.Sqlite"/> or <see cref="StorageProvider.Postgres"/>.</param>
    /// <param name="time">The engine's clock; tests pass a fake one.</param>
    /// <param name="interceptors">EF Core interceptors for every context the engine creates.</param>
    /// <param name="configure">Changes the engine's options (priority scheme, categories) before the start.</param>
    public static async Task<TestEngine> StartAsync(
        string provider,
        TimeProvider? time = null,
        IReadOnlyList<IInterceptor>? interceptors = null,
        Action<EngineOptions>? configure = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            var engine = await StartOnAsync(database, time, interceptors, configure);
            return new TestEngine(database, engine);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Another engine on the same database, as a second host or a restart would be: it shares no cache
    /// with <see cref="Engine"/>.
    /// </summary>
    public Task<WorkflowEngine> StartAnotherAsync(
        TimeProvider? time = null,
        IReadOnlyList<IInterceptor>? interceptors = null,
        Action<EngineOptions>? configure = null) =>
        StartOnAsync(Database, time, interceptors, configure);

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private static Task<WorkflowEngine> StartOnAsync(
        ITestDatabase database,
        TimeProvider? time,
        IReadOnlyList<IInterceptor>? interceptors,
        Action<EngineOptions>? configure)
    {
        var options = new EngineOptions { Storage = database.Storage };
        configure?.Invoke(options);
        return WorkflowEngine.StartAsync(options, time, interceptors: interceptors);
    }
}
