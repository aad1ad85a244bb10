namespace Workflow.Engine.Storage;

/// <summary>Which database to use. Without a PostgreSQL connection string the engine uses SQLite under ./data.</summary>
public sealed class StorageOptions
{
    public const string DefaultSqlitePath = "data/workflow.db";

    /// <summary><c>sqlite</c> (the default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>A provider connection string; for SQLite, empty means <see cref="DefaultSqlitePath"/>.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);
}
