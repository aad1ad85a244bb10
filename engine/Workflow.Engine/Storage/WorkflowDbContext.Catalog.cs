using Microsoft.EntityFrameworkCore;

namespace Workflow.Engine.Storage;

public abstract partial class WorkflowDbContext
{
    public DbSet<CatalogDocumentRecord> CatalogDocuments => Set<CatalogDocumentRecord>();

    private static void MapCatalog(ModelBuilder modelBuilder)
    {
        var document = modelBuilder.Entity<CatalogDocumentRecord>();
        document.ToTable("catalog_documents");
        document.HasKey(d => d.Id);
        document.Property(d => d.Id).ValueGeneratedOnAdd();
        document.Property(d => d.Kind).HasMaxLength(32);
        document.Property(d => d.SavedBy).HasMaxLength(200);

        // Two saves based on the same version both try to add the next one; this index lets only one succeed.
        document.HasIndex(d => new { d.Kind, d.Version }).IsUnique();
    }
}
