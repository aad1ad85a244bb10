using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Storage;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Workflows;

/// <summary>
/// Versioned workflow definitions: drafts are edited, a published version never changes, and every instance
/// reads the exact version it started on. Published versions are cached, which is safe since they are immutable.
/// </summary>
public sealed class WorkflowDefinitionStore(
    WorkflowDbContextFactory contexts,
    WorkflowDefinitionParser parser,
    TimeProvider time)
{
    /// <summary>The workflow a new installation runs for every ticket.</summary>
    public const string DefaultId = "incident-default";

    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _published = new();

    /// <summary>The default workflow's JSON as shipped.</summary>
    public static string DefaultJson()
    {
        using var reader = new StreamReader(Resources.Open($"workflow.{DefaultId}.json"));
        return reader.ReadToEnd();
    }

    /// <summary>Publishes the shipped default workflow as version 1 when no version of it exists yet.</summary>
    public async Task EnsureDefaultAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        if (await db.Definitions.AnyAsync(d => d.DefinitionId == DefaultId, cancellationToken))
        {
            return;
        }

        var json = DefaultJson();
        parser.Parse(json);
        var now = time.GetUtcNow();
        db.Definitions.Add(new WorkflowDefinitionRecord
        {
            DefinitionId = DefaultId,
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
            // Another host may have seeded it at the same moment; its copy is the same document.
            if (!await ExistsAsync(DefaultId, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>The newest published version of a workflow.</summary>
    /// <exception cref="WorkflowException">Nothing of that workflow has been published.</exception>
    public async Task<(int Version, WorkflowDefinition Definition)> LatestPublishedAsync(
        string definitionId,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var version = await db.Definitions
            .Where(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Published)
            .MaxAsync(d => (int?)d.Version, cancellationToken)
            ?? throw new WorkflowException($"Workflow '{definitionId}' has no published version.");

        return (version, await PublishedAsync(definitionId, version, cancellationToken));
    }

    /// <summary>A published version, parsed once and then served from memory.</summary>
    public async Task<WorkflowDefinition> PublishedAsync(
        string definitionId,
        int version,
        CancellationToken cancellationToken = default)
    {
        if (_published.TryGetValue((definitionId, version), out var cached))
        {
            return cached;
        }

        await using var db = contexts.Create();
        var record = await db.Definitions.AsNoTracking()
            .SingleOrDefaultAsync(
                d => d.DefinitionId == definitionId && d.Version == version && d.Status == DefinitionStatus.Published,
                cancellationToken)
            ?? throw new WorkflowException($"Workflow '{definitionId}' has no published version {version}.");

        return _published.GetOrAdd((definitionId, version), parser.Parse(record.Json));
    }

    public async Task<IReadOnlyList<WorkflowDefinitionRecord>> VersionsAsync(
        string definitionId,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        return await db.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId)
            .OrderBy(d => d.Version)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Saves the draft of a workflow, creating one (numbered after the newest version) when there is none.
    /// <paramref name="expectedRevision"/> guards against overwriting someone else's save.
    /// </summary>
    /// <exception cref="ValidationException">The JSON is unreadable or names another workflow.</exception>
    /// <exception cref="WorkflowConflictException">The draft was saved by someone else since it was read.</exception>
    public async Task<WorkflowDefinitionRecord> SaveDraftAsync(
        string definitionId,
        string json,
        string actor,
        int? expectedRevision,
        CancellationToken cancellationToken = default)
    {
        CheckDraft(definitionId, json);

        await using var db = contexts.Create();
        var draft = await db.Definitions.SingleOrDefaultAsync(
            d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Draft,
            cancellationToken);

        if (draft is null)
        {
            var newest = await db.Definitions.Where(d => d.DefinitionId == definitionId)
                .MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
            draft = new WorkflowDefinitionRecord
            {
                DefinitionId = definitionId,
                Version = newest + 1,
                Status = DefinitionStatus.Draft,
                CreatedAt = time.GetUtcNow(),
            };
            db.Definitions.Add(draft);
        }
        else if (expectedRevision is { } expected && expected != draft.Revision)
        {
            throw new WorkflowConflictException(
                $"The draft of '{definitionId}' was saved by {draft.CreatedBy} since you opened it "
                + $"(revision {draft.Revision}, you had {expected}).");
        }

        draft.Json = json;
        draft.CreatedBy = actor;
        draft.Revision++;
        await SaveAsync(db, definitionId, cancellationToken);
        return draft;
    }

    /// <summary>Publishes the draft after a full validation; from then on that version never changes.</summary>
    /// <exception cref="ValidationException">The draft does not validate; each problem names its JSON path.</exception>
    public async Task<WorkflowDefinitionRecord> PublishAsync(
        string definitionId,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var draft = await db.Definitions.SingleOrDefaultAsync(
                d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Draft,
                cancellationToken)
            ?? throw new WorkflowException($"Workflow '{definitionId}' has no draft to publish.");

        parser.Parse(draft.Json);
        draft.Status = DefinitionStatus.Published;
        draft.PublishedAt = time.GetUtcNow();
        draft.Revision++;
        await SaveAsync(db, definitionId, cancellationToken);
        return draft;
    }

    private void CheckDraft(string definitionId, string json)
    {
        try
        {
            parser.Parse(json);
        }
        catch (ValidationException ex)
        {
            // A draft may be incomplete; only unreadable JSON or a foreign id keeps it from being saved.
            var fatal = ex.Errors.Where(e => e.Field == "$").ToList();
            if (fatal.Count > 0)
            {
                throw new ValidationException(fatal);
            }
        }

        var id = System.Text.Json.JsonDocument.Parse(json).RootElement.TryGetProperty("id", out var value)
            ? value.GetString()
            : null;
        if (id != definitionId)
        {
            throw new ValidationException("id", $"the document is '{id}', not '{definitionId}'.");
        }
    }

    private static async Task SaveAsync(WorkflowDbContext db, string definitionId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            throw new WorkflowConflictException(
                $"Workflow '{definitionId}' was changed by someone else at the same time: {ex.InnerException?.Message}");
        }
    }

    private async Task<bool> ExistsAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Definitions.AnyAsync(d => d.DefinitionId == definitionId, cancellationToken);
    }
}
