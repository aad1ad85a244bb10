using Npgsql;

namespace Workflow.Testing;

/// <summary>
/// A uniquely named database on the PostgreSQL server named by <see cref="VariableName"/>, created for one
/// test and dropped when it is disposed. <c>./test.sh</c> starts a throwaway server and sets the variable.
/// </summary>
public sealed class PostgresDatabase : ITestDatabase
{
    /// <summary>The environment variable with a connection string to a server tests may create databases on.</summary>
    public const string VariableName = "WORKFLOW_TEST_POSTGRES";

    private readonly string _adminConnectionString;

    private PostgresDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Provider => StorageProvider.Postgres;

    public string ConnectionString { get; }

    /// <summary>The database's name, unique to this test.</summary>
    public string Name { get; }

    /// <summary>Creates the database; skips the test (fails it under CI) when no server is configured.</summary>
    public static async Task<PostgresDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var admin = Environment.GetEnvironmentVariable(VariableName);
        Prerequisite.Require(
            !string.IsNullOrWhiteSpace(admin),
            $"PostgreSQL is not configured: set {VariableName} to a connection string "
            + "(./test.sh starts a throwaway server and sets it).");

        var name = $"workflow_test_{Guid.NewGuid():N}";
        await ExecuteAsync(admin!, $"CREATE DATABASE \"{name}\"", cancellationToken);

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new PostgresDatabase(admin!, name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        // FORCE ends connections a failed test may have left open, so the drop never waits on them.
        await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", default);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
