namespace Workflow.Engine.Storage;

/// <summary>
/// One saved version of an editable catalog document (the category tree or the priority scheme). Versions are
/// only ever added; the newest of a kind is in force.
/// </summary>
public sealed class CatalogDocumentRecord
{
    public long Id { get; set; }

    /// <summary><c>categories</c> or <c>priority-scheme</c>.</summary>
    public string Kind { get; set; } = "";

    public int Version { get; set; }

    public string Json { get; set; } = "";

    public string SavedBy { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }
}
