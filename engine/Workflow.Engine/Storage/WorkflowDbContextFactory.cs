using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.Engine.Storage;

/// <summary>Creates contexts for the configured provider. Thread-safe; every unit of work takes its own context.</summary>
public sealed class WorkflowDbContextFactory
{
    private readonly DbContextOptions<SqliteWorkflowDbContext>? _sqlite;
    private readonly DbContextOptions<PostgresWorkflowDbContext>? _postgres;

    /// <param name="options">Which database.</param>
    /// <param name="interceptors">EF Core interceptors added to every context, for diagnostics and tests.</param>
    public WorkflowDbContextFactory(StorageOptions options, IReadOnlyList<IInterceptor>? interceptors = null)
    {
        interceptors ??= [];
        Options = options;
        if (options.IsPostgres)
        {
            var connection = options.ConnectionString
                ?? throw new ArgumentException("A PostgreSQL connection string is required.", nameof(options));
            _postgres = new DbContextOptionsBuilder<PostgresWorkflowDbContext>()
                .UseNpgsql(connection)
                .AddInterceptors(interceptors)
                .Options;
        }
        else if (options.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            _sqlite = new DbContextOptionsBuilder<SqliteWorkflowDbContext>()
                .UseSqlite(SqliteConnectionString(options.ConnectionString))
                .AddInterceptors([new SqliteConnectionSetup(), .. interceptors])
                .Options;
        }
        else
        {
            throw new ArgumentException(
                $"Storage provider '{options.Provider}' is not supported; use sqlite or postgres.", nameof(options));
        }
    }

    public StorageOptions Options { get; }

    public WorkflowDbContext Create() => _postgres is not null
        ? new PostgresWorkflowDbContext(_postgres)
        : new SqliteWorkflowDbContext(_sqlite!);

    /// <summary>Brings the schema up to date; creates the SQLite file and its folder on first start.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Create();
        await db.Database.MigrateAsync(cancellationToken);

        // Write-ahead logging lets readers carry on while a step commits; the mode is kept in the file.
        if (_sqlite is not null)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private static string SqliteConnectionString(string? configured)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={StorageOptions.DefaultSqlitePath}" : configured);

        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && !path.StartsWith("file:"))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }

        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
