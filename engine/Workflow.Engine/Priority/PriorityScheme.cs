namespace Workflow.Engine.Priority;

/// <summary>
/// A validated impact-by-urgency matrix: every impact and urgency pair maps to exactly one priority level.
/// Instances are immutable and safe to share between threads.
/// </summary>
public sealed class PriorityScheme
{
    private readonly Dictionary<(string Impact, string Urgency), PriorityLevel> _matrix;

    internal PriorityScheme(
        string id,
        string name,
        IReadOnlyList<PriorityLevel> impacts,
        IReadOnlyList<PriorityLevel> urgencies,
        IReadOnlyList<PriorityLevel> levels,
        Dictionary<(string, string), PriorityLevel> matrix,
        PriorityLevel defaultImpact,
        PriorityLevel defaultUrgency)
    {
        Id = id;
        Name = name;
        Impacts = impacts;
        Urgencies = urgencies;
        Levels = levels;
        _matrix = matrix;
        DefaultImpact = defaultImpact;
        DefaultUrgency = defaultUrgency;
    }

    public string Id { get; }

    public string Name { get; }

    public IReadOnlyList<PriorityLevel> Impacts { get; }

    public IReadOnlyList<PriorityLevel> Urgencies { get; }

    public IReadOnlyList<PriorityLevel> Levels { get; }

    /// <summary>The impact a ticket gets when nobody has judged it yet.</summary>
    public PriorityLevel DefaultImpact { get; }

    public PriorityLevel DefaultUrgency { get; }

    /// <summary>The priority for an impact and urgency, both given as codes.</summary>
    /// <exception cref="KeyNotFoundException">Either code is not on this scheme's scales.</exception>
    public PriorityLevel PriorityFor(string impact, string urgency) =>
        _matrix.TryGetValue((impact, urgency), out var level)
            ? level
            : throw new KeyNotFoundException($"Scheme '{Id}' has no cell for impact '{impact}', urgency '{urgency}'.");

    public PriorityLevel? FindImpact(string? text) => Find(Impacts, text);

    public PriorityLevel? FindUrgency(string? text) => Find(Urgencies, text);

    public PriorityLevel? FindLevel(string? text) => Find(Levels, text);

    /// <summary>Finds a value by its code, its name or its <c>code - name</c> label, ignoring case.</summary>
    private static PriorityLevel? Find(IReadOnlyList<PriorityLevel> scale, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = text.Trim();
        foreach (var level in scale)
        {
            if (key.Equals(level.Code, StringComparison.OrdinalIgnoreCase)
                || key.Equals(level.Name, StringComparison.OrdinalIgnoreCase)
                || key.Equals(level.Label, StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }

        return null;
    }
}
