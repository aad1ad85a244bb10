using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Access;
using Workflow.Engine.Problems;

namespace Workflow.Engine.Storage;

public abstract partial class WorkflowDbContext
{
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<UserRecord> Users => Set<UserRecord>();

    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    public DbSet<ProblemRecord> Problems => Set<ProblemRecord>();

    private static void MapApi(ModelBuilder modelBuilder)
    {
        var key = modelBuilder.Entity<ApiKeyRecord>();
        key.ToTable("api_keys");
        key.HasKey(k => k.Id);
        key.HasIndex(k => k.Hash).IsUnique();
        key.Property(k => k.Hash).HasMaxLength(64);
        key.Property(k => k.Name).HasMaxLength(200);
        key.Property(k => k.UserName).HasMaxLength(200);
        key.Property(k => k.Role).HasConversion<string>().HasMaxLength(32);

        var user = modelBuilder.Entity<UserRecord>();
        user.ToTable("users");
        user.HasKey(u => u.Id);
        user.HasIndex(u => u.UserName).IsUnique();
        user.Property(u => u.UserName).HasMaxLength(100);
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.Property(u => u.Role).HasConversion<string>().HasMaxLength(32);
        user.Property(u => u.PasswordHash).HasMaxLength(200);
        user.Property(u => u.SessionStamp).HasMaxLength(64);
        user.Property(u => u.CreatedBy).HasMaxLength(200);
        user.Property(u => u.FailedAttempts).IsConcurrencyToken();

        var idempotency = modelBuilder.Entity<IdempotencyRecord>();
        idempotency.ToTable("idempotency_keys");
        idempotency.HasKey(i => new { i.Owner, i.Key });
        idempotency.Property(i => i.Owner).HasMaxLength(200);
        idempotency.Property(i => i.Key).HasMaxLength(200);
        idempotency.Property(i => i.RequestHash).HasMaxLength(64);
        idempotency.HasOne(i => i.Ticket).WithMany().HasForeignKey(i => i.TicketId).OnDelete(DeleteBehavior.Cascade);

        var problem = modelBuilder.Entity<ProblemRecord>();
        problem.ToTable("problems");
        problem.HasKey(p => p.Id);
        problem.Ignore(p => p.Number);
        problem.Property(p => p.Title).HasMaxLength(500);
        problem.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
    }
}
