using System.Collections.Concurrent;
using Workflow.Engine.Storage;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Workflows;

/// <summary>
/// Versioned workflow definitions: drafts are edited, a published version never changes, and every instance
/// reads the exact version it started on. Published versions are cached, which is safe since they are immutable.
/// </summary>
public sealed class WorkflowDefinitionStore
{
    /// <summary>The workflow a new installation runs for every ticket.</summary>
    public const string DefaultId = "incident-default";

    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _published = new();
    private readonly VersionedDocuments<WorkflowDefinitionRecord> _documents;
    private readonly WorkflowDefinitionParser _parser;

    public WorkflowDefinitionStore(WorkflowDbContextFactory contexts, WorkflowDefinitionParser parser, TimeProvider time)
    {
        _parser = parser;
        _documents = new VersionedDocuments<WorkflowDefinitionRecord>(contexts, db => db.Definitions, "workflow", time);
    }

    /// <summary>The default workflow's JSON as shipped.</summary>
    public static string DefaultJson()
    {
        using var reader = new StreamReader(Resources.Open($"workflow.{DefaultId}.json"));
        return reader.ReadToEnd();
    }

    /// <summary>Publishes the shipped default workflow as version 1 when no version of it exists yet.</summary>
    public Task EnsureDefaultAsync(CancellationToken cancellationToken = default)
    {
        var json = DefaultJson();
        _parser.Parse(json);
        return _documents.SeedAsync(DefaultId, json, cancellationToken);
    }

    /// <summary>The newest published version of a workflow.</summary>
    /// <exception cref="WorkflowException">Nothing of that workflow has been published.</exception>
    public async Task<(int Version, WorkflowDefinition Definition)> LatestPublishedAsync(
        string definitionId,
        CancellationToken cancellationToken = default)
    {
        // Every create asks; the number alone is enough once that version's document is parsed and cached.
        var version = await _documents.LatestPublishedVersionAsync(definitionId, cancellationToken)
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

        var record = await _documents.PublishedAsync(definitionId, version, cancellationToken)
            ?? throw new WorkflowException($"Workflow '{definitionId}' has no published version {version}.");

        return _published.GetOrAdd((definitionId, version), _parser.Parse(record.Json));
    }

    public Task<IReadOnlyList<WorkflowDefinitionRecord>> VersionsAsync(
        string definitionId,
        CancellationToken cancellationToken = default) =>
        _documents.VersionsAsync(definitionId, cancellationToken);

    /// <summary>
    /// Saves the draft of a workflow, creating one (numbered after the newest version) when there is none.
    /// <paramref name="expectedRevision"/> guards against overwriting someone else's save.
    /// </summary>
    /// <exception cref="ValidationException">The JSON is unreadable or names another workflow.</exception>
    /// <exception cref="WorkflowConflictException">The draft was saved by someone else since it was read.</exception>
    public Task<WorkflowDefinitionRecord> SaveDraftAsync(
        string definitionId,
        string json,
        string actor,
        int? expectedRevision,
        CancellationToken cancellationToken = default)
    {
        CheckDraft(definitionId, json);
        return _documents.SaveDraftAsync(definitionId, json, actor, expectedRevision, cancellationToken);
    }

    /// <summary>Publishes the draft after a full validation; from then on that version never changes.</summary>
    /// <exception cref="ValidationException">The draft does not validate; each problem names its JSON path.</exception>
    public Task<WorkflowDefinitionRecord> PublishAsync(
        string definitionId,
        CancellationToken cancellationToken = default) =>
        _documents.PublishAsync(definitionId, draft => _parser.Parse(draft.Json), cancellationToken);

    private void CheckDraft(string definitionId, string json)
    {
        try
        {
            _parser.Parse(json);
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
}
