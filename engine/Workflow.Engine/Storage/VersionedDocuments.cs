using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Workflows;

namespace Workflow.Engine.Storage;

/// <summary>
/// Drafts, publishing and history for one kind of versioned document. A draft is numbered after the newest
/// version; publishing freezes it; a save based on an older revision of the draft is a conflict. Thread-safe.
/// </summary>
internal sealed class VersionedDocuments<T>(
    WorkflowDbContextFactory contexts,
    Func<WorkflowDbContext, DbSet<T>> table,
    string noun,
    TimeProvider time)
    where T : class, IVersionedRecord, new()
{
    public async Task<IReadOnlyList<T>> VersionsAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await table(db).AsNoTracking()
            .Where(d => d.DefinitionId == id)
            .OrderBy(d => d.Version)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The newest published version's number, without its document; null when none is published.</summary>
    public async Task<int?> LatestPublishedVersionAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await table(db).AsNoTracking()
            .Where(d => d.DefinitionId == id && d.Status == DefinitionStatus.Published)
            .OrderByDescending(d => d.Version)
            .Select(d => (int?)d.Version)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<T?> LatestPublishedAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await table(db).AsNoTracking()
            .Where(d => d.DefinitionId == id && d.Status == DefinitionStatus.Published)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<T?> PublishedAsync(string id, int version, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await table(db).AsNoTracking().SingleOrDefaultAsync(
            d => d.DefinitionId == id && d.Version == version && d.Status == DefinitionStatus.Published,
            cancellationToken);
    }

    public async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await table(db).AnyAsync(d => d.DefinitionId == id, cancellationToken);
    }

    /// <summary>Publishes a first version unless one exists; a second host seeding at once is no error.</summary>
    public async Task SeedAsync(string id, string json, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(id, cancellationToken))
        {
            return;
        }

        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        table(db).Add(new T
        {
            DefinitionId = id,
            Version = 1,
            Status = DefinitionStatus.Published,
            Json = json,
            CreatedBy = "system",
            CreatedAt = now,
            PublishedAt = now,
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await ExistsAsync(id, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <exception cref="WorkflowConflictException">The draft was saved by someone else since it was read.</exception>
    public async Task<T> SaveDraftAsync(
        string id,
        string json,
        string actor,
        int? expectedRevision,
        CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var draft = await table(db).SingleOrDefaultAsync(
            d => d.DefinitionId == id && d.Status == DefinitionStatus.Draft,
            cancellationToken);

        if (draft is null)
        {
            var newest = await table(db).Where(d => d.DefinitionId == id)
                .MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
            draft = new T
            {
                DefinitionId = id,
                Version = newest + 1,
                Status = DefinitionStatus.Draft,
                CreatedAt = time.GetUtcNow(),
            };
            table(db).Add(draft);
        }
        else if (expectedRevision is { } expected && expected != draft.Revision)
        {
            throw new WorkflowConflictException(
                $"The draft of {noun} '{id}' was saved by {draft.CreatedBy} since you opened it "
                + $"(revision {draft.Revision}, you had {expected}).");
        }

        draft.Json = json;
        draft.CreatedBy = actor;
        draft.Revision++;
        await SaveAsync(db, id, cancellationToken);
        return draft;
    }

    /// <summary>Publishes the draft once <paramref name="validate"/> accepts it; it then never changes.</summary>
    public async Task<T> PublishAsync(string id, Action<T> validate, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var draft = await table(db).SingleOrDefaultAsync(
                d => d.DefinitionId == id && d.Status == DefinitionStatus.Draft,
                cancellationToken)
            ?? throw new WorkflowException($"{char.ToUpperInvariant(noun[0])}{noun[1..]} '{id}' has no draft to publish.");

        validate(draft);
        draft.Status = DefinitionStatus.Published;
        draft.PublishedAt = time.GetUtcNow();
        draft.Revision++;
        await SaveAsync(db, id, cancellationToken);
        return draft;
    }

    private async Task SaveAsync(WorkflowDbContext db, string id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            throw new WorkflowConflictException(
                $"The {noun} '{id}' was changed by someone else at the same time: {ex.InnerException?.Message}");
        }
    }
}
