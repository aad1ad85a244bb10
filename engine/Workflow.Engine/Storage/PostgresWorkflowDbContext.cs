using Microsoft.EntityFrameworkCore;

namespace Workflow.Engine.Storage;

/// <summary>PostgreSQL, for real deployments and for several hosts on one database.</summary>
public sealed class PostgresWorkflowDbContext(DbContextOptions<PostgresWorkflowDbContext> options)
    : WorkflowDbContext(options);
