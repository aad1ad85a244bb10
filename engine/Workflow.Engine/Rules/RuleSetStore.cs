using Workflow.Engine.Storage;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Rules;

/// <summary>
/// Company rule sets, versioned like workflows: drafts are edited, a version is published only when it
/// compiles, and publishing puts it in force through the <see cref="RuleRegistry"/>. Thread-safe.
/// </summary>
public sealed class RuleSetStore
{
    /// <summary>The rule set an installation edits; one is enough for most service desks.</summary>
    public const string CompanyId = "company";

    private readonly VersionedDocuments<RuleSetRecord> _documents;
    private readonly RuleRegistry _registry;

    public RuleSetStore(WorkflowDbContextFactory contexts, RuleRegistry registry, TimeProvider time)
    {
        _registry = registry;
        _documents = new VersionedDocuments<RuleSetRecord>(contexts, db => db.RuleSets, "rule set", time);
    }

    public Task<IReadOnlyList<RuleSetRecord>> VersionsAsync(string id, CancellationToken cancellationToken = default) =>
        _documents.VersionsAsync(id, cancellationToken);

    /// <summary>Saves a draft; it need not compile yet, but it must be a readable rule set of this id.</summary>
    /// <exception cref="ValidationException">The JSON is unreadable, incomplete or names another rule set.</exception>
    public Task<RuleSetRecord> SaveDraftAsync(
        string id,
        string json,
        string actor,
        int? expectedRevision,
        CancellationToken cancellationToken = default)
    {
        var (documentId, _) = RuleSetDocument.Parse(json);
        if (documentId != id)
        {
            throw new ValidationException("id", $"the document is '{documentId}', not '{id}'.");
        }

        return _documents.SaveDraftAsync(id, json, actor, expectedRevision, cancellationToken);
    }

    /// <summary>Compiles the draft, publishes it and puts it in force once it has compiled.</summary>
    /// <exception cref="RuleCompileException">The draft does not compile; nothing is published.</exception>
    public async Task<RuleSetRecord> PublishAsync(string id, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<CompanyRule>? rules = null;
        var published = await _documents.PublishAsync(
            id,
            draft =>
            {
                rules = RuleSetDocument.Parse(draft.Json).Rules;
                _registry.Trial($"{id} v{draft.Version} (check)", rules).Set.Unload();
            },
            cancellationToken);

        await _registry.ActivateAsync(id, published.Version, rules!);
        return published;
    }

    /// <summary>Puts the newest published version in force; called when a host starts.</summary>
    public async Task LoadPublishedAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await _documents.LatestPublishedAsync(id, cancellationToken) is { } record)
        {
            await _registry.ActivateAsync(id, record.Version, RuleSetDocument.Parse(record.Json).Rules);
        }
    }

    /// <summary>The JSON of a version, for export to a file.</summary>
    /// <exception cref="KeyNotFoundException">No such version.</exception>
    public async Task<string> ExportAsync(string id, int version, CancellationToken cancellationToken = default)
    {
        var versions = await _documents.VersionsAsync(id, cancellationToken);
        return versions.FirstOrDefault(v => v.Version == version)?.Json
            ?? throw new KeyNotFoundException($"Rule set '{id}' has no version {version}.");
    }

    /// <summary>The rules of the current draft, or of the newest version when there is no draft.</summary>
    public async Task<(RuleSetRecord Record, IReadOnlyList<CompanyRule> Rules)?> DraftAsync(
        string id,
        CancellationToken cancellationToken = default)
    {
        var versions = await _documents.VersionsAsync(id, cancellationToken);
        var record = versions.LastOrDefault(v => v.Status == DefinitionStatus.Draft);
        return record is null ? null : (record, RuleSetDocument.Parse(record.Json).Rules);
    }
}
