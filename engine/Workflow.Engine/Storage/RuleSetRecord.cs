namespace Workflow.Engine.Storage;

/// <summary>One stored version of a company rule set, as the JSON its authors saved.</summary>
public sealed class RuleSetRecord : IVersionedRecord
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
