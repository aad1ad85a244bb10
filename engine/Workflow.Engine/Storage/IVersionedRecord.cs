namespace Workflow.Engine.Storage;

/// <summary>
/// A versioned document (a workflow, a rule set): drafts are edited, a published version never changes.
/// </summary>
public interface IVersionedRecord
{
    string DefinitionId { get; set; }

    int Version { get; set; }

    DefinitionStatus Status { get; set; }

    string Json { get; set; }

    string CreatedBy { get; set; }

    DateTimeOffset CreatedAt { get; set; }

    DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Bumped on every save of a draft, so two editors cannot silently overwrite each other.</summary>
    int Revision { get; set; }
}
