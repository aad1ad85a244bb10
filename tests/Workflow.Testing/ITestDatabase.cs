using Workflow.Engine.Storage;

namespace Workflow.Testing;

/// <summary>An empty database that belongs to one test and is removed when the test disposes it.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    /// <summary><see cref="StorageProvider.Sqlite"/> or <see cref="StorageProvider.Postgres"/>.</summary>
    string Provider { get; }

    string ConnectionString { get; }

    /// <summary>The storage settings an engine needs to use this database.</summary>
    StorageOptions Storage => new() { Provider = Provider, ConnectionString = ConnectionString };
}
