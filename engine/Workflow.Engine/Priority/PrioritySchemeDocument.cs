namespace Workflow.Engine.Priority;

/// <summary>The JSON shape of a priority scheme, as a process owner writes it.</summary>
internal sealed class PrioritySchemeDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public List<LevelDocument>? Impacts { get; set; }

    public List<LevelDocument>? Urgencies { get; set; }

    public List<LevelDocument>? Levels { get; set; }

    public List<CellDocument>? Matrix { get; set; }

    public string? DefaultImpact { get; set; }

    public string? DefaultUrgency { get; set; }

    internal sealed class LevelDocument
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }
    }

    internal sealed class CellDocument
    {
        public string? Impact { get; set; }

        public string? Urgency { get; set; }

        public string? Priority { get; set; }
    }
}
