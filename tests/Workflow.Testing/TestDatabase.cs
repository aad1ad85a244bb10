namespace Workflow.Testing;

/// <summary>Creates a fresh database for one test on the provider a theory names.</summary>
public static class TestDatabase
{
    /// <summary>
    /// A new empty database. For PostgreSQL the test is skipped (or, under CI, failed) when
    /// <see cref="PostgresDatabase.VariableName"/> is not set.
    /// </summary>
    public static async Task<ITestDatabase> CreateAsync(
        string provider,
        CancellationToken cancellationToken = default) =>
        provider switch
        {
            StorageProvider.Sqlite => SqliteDatabase.Create(),
            StorageProvider.Postgres => await PostgresDatabase.CreateAsync(cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Use sqlite or postgres."),
        };
}
