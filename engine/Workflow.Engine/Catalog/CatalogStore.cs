using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Categories;
using Workflow.Engine.Priority;
using Workflow.Engine.Sla;
using Workflow.Engine.Storage;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Catalog;

/// <summary>
/// Stores the category tree and the priority scheme as versioned documents and keeps <see cref="TicketCatalog"/>
/// on the newest of each. A save names the version it is based on and adds the next one; the unique index on
/// kind and version lets only one of two concurrent saves win, on any number of hosts. Thread-safe.
/// </summary>
public sealed class CatalogStore(
    WorkflowDbContextFactory contexts,
    TicketCatalog catalog,
    Func<CategoryTree, CategoryTree> addPluginCategories,
    SlaPolicy sla,
    TimeProvider time)
{
    public const string CategoriesKind = "categories";

    public const string SchemeKind = "priority-scheme";

    /// <summary>
    /// How often a host re-reads the newest version numbers to take up a save made on another host. The check is
    /// one small query on the unique index; documents are read only when a number moved.
    /// </summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    /// <summary>Stores the configured tree and scheme as version 1 unless any is stored, then loads the newest.</summary>
    public async Task StartAsync(CategoryTree categories, PriorityScheme scheme, CancellationToken cancellationToken)
    {
        await SeedAsync(CategoriesKind, categories.ToJson(), cancellationToken);
        await SeedAsync(SchemeKind, PrioritySchemeGrid.ToJson(scheme), cancellationToken);
        await RefreshAsync(cancellationToken);
    }

    /// <summary>Takes up versions saved elsewhere; returns whether anything changed.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var newest = await db.CatalogDocuments.AsNoTracking()
            .GroupBy(d => d.Kind)
            .Select(g => new { Kind = g.Key, Version = g.Max(d => d.Version) })
            .ToDictionaryAsync(n => n.Kind, n => n.Version, cancellationToken);
        var seen = catalog.Current;
        var categoriesVersion = newest.GetValueOrDefault(CategoriesKind);
        var schemeVersion = newest.GetValueOrDefault(SchemeKind);

        var tree = categoriesVersion > seen.CategoriesVersion
            ? ReadTree((await ReadAsync(db, CategoriesKind, categoriesVersion, cancellationToken)).Json)
            : null;
        var scheme = schemeVersion > seen.SchemeVersion
            ? PrioritySchemeGrid.Parse((await ReadAsync(db, SchemeKind, schemeVersion, cancellationToken)).Json)
            : null;
        if (tree is null && scheme is null)
        {
            return false;
        }

        catalog.Swap(current => current with
        {
            EditedCategories = tree ?? current.EditedCategories,
            Categories = tree is null ? current.Categories : addPluginCategories(tree),
            CategoriesVersion = tree is null ? current.CategoriesVersion : categoriesVersion,
            Scheme = scheme ?? current.Scheme,
            SchemeVersion = scheme is null ? current.SchemeVersion : schemeVersion,
        });
        return true;
    }

    /// <summary>Saves a whole tree as the next version and puts it in force at once.</summary>
    /// <remarks>
    /// Removing a category that open tickets still carry is allowed: those tickets keep their stored values (the
    /// journal is history and must not be rewritten), while new tickets and new categorisations must use the
    /// new tree.
    /// </remarks>
    /// <exception cref="ValidationException">The document is not a valid tree; every problem names its field.</exception>
    /// <exception cref="StaleCatalogException">The newest stored version is not <paramref name="basedOn"/>.</exception>
    public async Task<CatalogDocumentRecord> SaveCategoriesAsync(
        string json,
        string actor,
        int basedOn,
        CancellationToken cancellationToken = default)
    {
        var tree = ReadTree(json);
        if (tree.Count == 0)
        {
            throw new ValidationException("categories", "at least one category is required.");
        }

        var saved = await AddAsync(CategoriesKind, tree.ToJson(), actor, basedOn, null, cancellationToken);
        catalog.Swap(current => current with
        {
            EditedCategories = tree,
            Categories = addPluginCategories(tree),
            CategoriesVersion = saved.Version,
        });
        return saved;
    }

    /// <summary>Saves a whole priority scheme as the next version and puts it in force at once.</summary>
    /// <remarks>
    /// A level the SLA policy has targets for cannot be removed: tickets at that level would silently lose their
    /// response and resolution targets. Tickets keep the impact, urgency and priority they were given.
    /// </remarks>
    /// <exception cref="ValidationException">
    /// The document is not a valid scheme, or it drops a level the SLA policy names; every problem names its field.
    /// </exception>
    /// <exception cref="StaleCatalogException">The newest stored version is not <paramref name="basedOn"/>.</exception>
    public async Task<CatalogDocumentRecord> SaveSchemeAsync(
        string json,
        string actor,
        int basedOn,
        CancellationToken cancellationToken = default)
    {
        var scheme = PrioritySchemeGrid.Parse(json);
        var saved = await AddAsync(
            SchemeKind,
            PrioritySchemeGrid.ToJson(scheme),
            actor,
            basedOn,
            previous => KeepSlaLevels(PrioritySchemeGrid.Parse(previous), scheme),
            cancellationToken);
        catalog.Swap(current => current with { Scheme = scheme, SchemeVersion = saved.Version });
        return saved;
    }

    /// <summary>Every stored version of one kind, oldest first.</summary>
    public async Task<IReadOnlyList<CatalogDocumentRecord>> VersionsAsync(
        string kind,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        return await db.CatalogDocuments.AsNoTracking()
            .Where(d => d.Kind == kind)
            .OrderBy(d => d.Version)
            .ToListAsync(cancellationToken);
    }

    private void KeepSlaLevels(PriorityScheme previous, PriorityScheme next)
    {
        var errors = previous.Levels
            .Where(l => sla.For(l.Code) is not null && next.Levels.All(n => n.Code != l.Code))
            .Select(l => new FieldError(
                "levels",
                $"'{l.Code}' is missing, but the SLA policy has targets for it; keep the level or change the SLA "
                + "policy first."))
            .ToList();
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    private async Task<CatalogDocumentRecord> AddAsync(
        string kind,
        string json,
        string actor,
        int basedOn,
        Action<string>? checkAgainstPrevious,
        CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var newest = await NewestAsync(db, kind, cancellationToken);
        if (newest is null || newest.Version != basedOn)
        {
            throw new StaleCatalogException(kind, basedOn, newest?.Version ?? 0);
        }

        checkAgainstPrevious?.Invoke(newest.Json);
        var record = new CatalogDocumentRecord
        {
            Kind = kind,
            Version = basedOn + 1,
            Json = json,
            SavedBy = actor,
            SavedAt = time.GetUtcNow(),
        };
        db.CatalogDocuments.Add(record);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save based on the same version added the next one first.
            await using var again = contexts.Create();
            var winner = await NewestAsync(again, kind, cancellationToken);
            throw new StaleCatalogException(kind, basedOn, winner?.Version ?? 0);
        }

        return record;
    }

    private async Task SeedAsync(string kind, string json, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        if (await db.CatalogDocuments.AnyAsync(d => d.Kind == kind, cancellationToken))
        {
            return;
        }

        db.CatalogDocuments.Add(new CatalogDocumentRecord
        {
            Kind = kind,
            Version = 1,
            Json = json,
            SavedBy = "system",
            SavedAt = time.GetUtcNow(),
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second host starting at the same moment seeded it; either copy is the same document.
            await using var again = contexts.Create();
            if (!await again.CatalogDocuments.AnyAsync(d => d.Kind == kind, cancellationToken))
            {
                throw;
            }
        }
    }

    private static Task<CatalogDocumentRecord?> NewestAsync(
        WorkflowDbContext db,
        string kind,
        CancellationToken cancellationToken) =>
        db.CatalogDocuments.AsNoTracking()
            .Where(d => d.Kind == kind)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);

    private static async Task<CatalogDocumentRecord> ReadAsync(
        WorkflowDbContext db,
        string kind,
        int version,
        CancellationToken cancellationToken) =>
        await db.CatalogDocuments.AsNoTracking()
            .SingleAsync(d => d.Kind == kind && d.Version == version, cancellationToken);

    private static CategoryTree ReadTree(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return CategoryTree.Load(stream, "$");
    }
}
