using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Jobs;
using Workflow.Engine.Tickets;

namespace Workflow.Engine.Storage;

public abstract partial class WorkflowDbContext
{
    /// <summary>Per open ticket, what the last sweep evaluated it with; written by the sweep's stamp only.</summary>
    public DbSet<TicketSweep> Sweeps => Set<TicketSweep>();

    private static void MapSweeps(ModelBuilder modelBuilder)
    {
        var sweep = modelBuilder.Entity<TicketSweep>();
        sweep.ToTable("ticket_sweeps");
        sweep.HasKey(s => s.TicketId);
        sweep.Property(s => s.TicketId).ValueGeneratedNever();
        sweep.Property(s => s.Rules).HasMaxLength(64);
        sweep.HasOne<Ticket>().WithOne().HasForeignKey<TicketSweep>(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
