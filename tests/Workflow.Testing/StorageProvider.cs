namespace Workflow.Testing;

/// <summary>The provider names tests pass to <see cref="TestDatabase.CreateAsync"/>.</summary>
public static class StorageProvider
{
    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";
}
