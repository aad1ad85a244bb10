using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Workflow.Engine.Jobs;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows;

namespace Workflow.Engine.Storage;

/// <summary>
/// The one model for both providers. Each provider has a subclass of its own so that each keeps its own
/// migrations; nothing in the model differs between them except how times are stored and PostgreSQL's page fill
/// of the sweep stamps.
/// </summary>
public abstract partial class WorkflowDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<JournalEntry> Journal => Set<JournalEntry>();

    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();

    public DbSet<WorkflowDefinitionRecord> Definitions => Set<WorkflowDefinitionRecord>();

    public DbSet<RuleSetRecord> RuleSets => Set<RuleSetRecord>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<RuleFiring> RuleFirings => Set<RuleFiring>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        MapTicket(modelBuilder);
        MapJournal(modelBuilder);
        MapInstance(modelBuilder);
        MapVersioned(modelBuilder.Entity<WorkflowDefinitionRecord>(), "workflow_definitions");
        MapVersioned(modelBuilder.Entity<RuleSetRecord>(), "rule_sets");
        MapApi(modelBuilder);
        MapCatalog(modelBuilder);
        MapOutbox(modelBuilder);
        MapRuleFirings(modelBuilder);
        MapSweeps(modelBuilder);
    }

    private static void MapRuleFirings(ModelBuilder modelBuilder)
    {
        var firing = modelBuilder.Entity<RuleFiring>();
        firing.ToTable("rule_firings");
        firing.HasKey(f => new { f.TicketId, f.Rule });
        firing.Property(f => f.Rule).HasMaxLength(Rules.RuleSetDocument.MaxNameLength);
        firing.Property(f => f.RuleSet).HasMaxLength(64);
        firing.HasOne<Ticket>().WithMany().HasForeignKey(f => f.TicketId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void MapOutbox(ModelBuilder modelBuilder)
    {
        var message = modelBuilder.Entity<OutboxMessage>();
        message.ToTable("outbox");
        message.HasKey(m => m.Id);
        message.Property(m => m.Id).ValueGeneratedOnAdd();
        message.HasIndex(m => m.IdempotencyKey).IsUnique();
        message.Property(m => m.IdempotencyKey).HasMaxLength(200);
        message.Property(m => m.Kind).HasMaxLength(64);
        message.HasIndex(m => new { m.DeliveredAt, m.Id });
    }

    private static void MapTicket(ModelBuilder modelBuilder)
    {
        var ticket = modelBuilder.Entity<Ticket>();
        ticket.ToTable("tickets");
        ticket.HasKey(t => t.Id);
        ticket.Property(t => t.Id).ValueGeneratedOnAdd();
        ticket.HasIndex(t => t.ExternalKey).IsUnique();
        ticket.HasIndex(t => new { t.State, t.Priority });

        // Trend rules count recent tickets on one item or in one category at every intake.
        ticket.HasIndex(t => new { t.ConfigurationItem, t.CreatedAt });
        ticket.HasIndex(t => new { t.Category, t.CreatedAt });
        ticket.HasIndex(t => t.ParentTicketId);
        ticket.HasIndex(t => t.CreatedAt);
        ticket.Property(t => t.Kind).HasConversion<string>().HasMaxLength(32);
        ticket.Property(t => t.Channel).HasConversion<string>().HasMaxLength(32);
        ticket.Property(t => t.State).HasConversion<string>().HasMaxLength(32);
        ticket.Property(t => t.HoldReason).HasConversion<string>().HasMaxLength(32);
        ticket.Property(t => t.Subject).HasMaxLength(500);
        ticket.Property(t => t.Version).IsConcurrencyToken();
        ticket.Property(t => t.ResponseStage).HasConversion<string>().HasMaxLength(16);
        ticket.Property(t => t.ResolutionStage).HasConversion<string>().HasMaxLength(16);
        ticket.Property(t => t.SlaPaused).HasConversion<long>();
        ticket.HasIndex(t => t.SlaCheckAt);
        ticket.Ignore(t => t.Sla);
        ticket.ComplexProperty(t => t.Reporter);
        ticket.Ignore(t => t.PendingChanges);
        ticket.Property(t => t.Tags).HasConversion(
            tags => JsonSerializer.Serialize(tags, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Web) ?? new(),
            new ValueComparer<IReadOnlyList<string>>(
                (a, b) => a!.SequenceEqual(b!),
                list => list.Aggregate(0, (hash, tag) => HashCode.Combine(hash, tag)),
                list => list.ToList()));
        ticket.Ignore(t => t.Number);
        ticket.HasMany(t => t.Journal).WithOne().HasForeignKey(j => j.TicketId).OnDelete(DeleteBehavior.Cascade);
        ticket.Navigation(t => t.Journal).HasField("_journal").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private static void MapJournal(ModelBuilder modelBuilder)
    {
        var entry = modelBuilder.Entity<JournalEntry>();
        entry.ToTable("journal");
        entry.HasKey(j => j.Id);
        entry.HasIndex(j => new { j.TicketId, j.Sequence }).IsUnique();
        entry.Property(j => j.Changes).HasConversion(
            changes => JsonSerializer.Serialize(changes, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<List<FieldChange>>(json, JsonSerializerOptions.Web) ?? new(),
            new ValueComparer<IReadOnlyList<FieldChange>>(
                (a, b) => a!.SequenceEqual(b!),
                list => list.Aggregate(0, (hash, change) => HashCode.Combine(hash, change)),
                list => list.ToList()));
    }

    private static void MapInstance(ModelBuilder modelBuilder)
    {
        var instance = modelBuilder.Entity<WorkflowInstance>();
        instance.ToTable("workflow_instances");
        instance.HasKey(i => i.Id);
        instance.Property(i => i.Id).ValueGeneratedNever();
        instance.HasOne(i => i.Ticket).WithMany().HasForeignKey(i => i.TicketId).OnDelete(DeleteBehavior.Cascade);
        instance.HasIndex(i => i.TicketId).IsUnique();
        instance.HasIndex(i => new { i.DefinitionId, i.DefinitionVersion, i.CurrentNodeId });
        instance.HasIndex(i => i.BookmarkDueAt);
        instance.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        instance.Property(i => i.Version).IsConcurrencyToken();
        instance.Ignore(i => i.PendingOutcomes);
    }

    private static void MapVersioned<T>(
        Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> document,
        string table)
        where T : class, IVersionedRecord
    {
        document.ToTable(table);
        document.HasKey("Id");
        document.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        document.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        document.Property(d => d.Revision).IsConcurrencyToken();
    }

    /// <summary>Every save bumps the version of the tickets and instances it writes.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(
        bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } property
                && property.IsConcurrencyToken)
            {
                var current = (int)entry.Property("Version").CurrentValue!;
                entry.Property("Version").CurrentValue = current + 1;
            }
        }
    }
}
