namespace Workflow.Engine.Storage;

/// <summary>Draft or published; a published version never changes again.</summary>
public enum DefinitionStatus
{
    Draft,
    Published,
}

/// <summary>One stored version of a workflow definition, with its JSON exactly as it was saved.</summary>
public sealed class WorkflowDefinitionRecord : IVersionedRecord
{
    public long Id { get; set; }

    public string DefinitionId { get; set; } = "";

    public int Version { get; set; }

    public DefinitionStatus Status { get; set; }

    public string Json { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public int Revision { get; set; }
}
