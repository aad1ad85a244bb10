using Microsoft.Data.Sqlite;

namespace Workflow.Testing;

/// <summary>A SQLite file of its own in a fresh temporary folder; disposing it deletes the folder.</summary>
public sealed class SqliteDatabase : ITestDatabase
{
    private SqliteDatabase(string folder)
    {
        Folder = folder;
        FilePath = Path.Combine(folder, "workflow.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
    }

    public string Provider => StorageProvider.Sqlite;

    public string ConnectionString { get; }

    /// <summary>The temporary folder that holds the file (and its journal files).</summary>
    public string Folder { get; }

    /// <summary>Where the database file is; it does not exist until an engine migrates it.</summary>
    public string FilePath { get; }

    public static SqliteDatabase Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "workflow-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new SqliteDatabase(folder);
    }

    public ValueTask DisposeAsync()
    {
        // The engine pools its SQLite connections, and a pooled connection keeps the file open. The pool key
        // is the engine's own rewrite of the connection string, so only clearing every pool reaches it;
        // connections other tests are using are not closed by this, only dropped when they are returned.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
