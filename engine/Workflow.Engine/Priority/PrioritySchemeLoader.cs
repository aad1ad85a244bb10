using Workflow.Engine.Validation;

namespace Workflow.Engine.Priority;

/// <summary>
/// Reads priority schemes from JSON and refuses any that leaves an impact and urgency pair without a level.
/// </summary>
public static class PrioritySchemeLoader
{
    /// <summary>The schemes shipped with the product, by id.</summary>
    public static readonly IReadOnlyList<string> BuiltIn = ["service-desk", "servicenow-base", "servicenow-incident"];

    /// <summary>Loads a built-in scheme by id, or a scheme file when the value is a path to one.</summary>
    /// <exception cref="ValidationException">The scheme is unknown, unreadable or incomplete.</exception>
    public static PriorityScheme Resolve(string idOrPath)
    {
        if (BuiltIn.Contains(idOrPath))
        {
            using var stream = Resources.Open($"priority.{idOrPath}.json");
            return Load(stream, idOrPath);
        }

        if (!File.Exists(idOrPath))
        {
            throw new ValidationException(
                "priorityScheme",
                $"'{idOrPath}' is neither a built-in scheme ({string.Join(", ", BuiltIn)}) nor an existing file.");
        }

        using var file = File.OpenRead(idOrPath);
        return Load(file, idOrPath);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PriorityScheme> Shipped = new();

    /// <summary>A built-in scheme by id, loaded once; null for any other id.</summary>
    public static PriorityScheme? TryBuiltIn(string id) =>
        BuiltIn.Contains(id) ? Shipped.GetOrAdd(id, Resolve) : null;

    public static PriorityScheme Load(Stream json, string source)
    {
        var document = JsonInput.Read<PrioritySchemeDocument>(json, source);
        return Validate(document ?? new PrioritySchemeDocument());
    }

    private static PriorityScheme Validate(PrioritySchemeDocument doc)
    {
        var errors = new List<FieldError>();

        Require(errors, "id", doc.Id);
        Require(errors, "name", doc.Name);
        var impacts = Scale(errors, "impacts", doc.Impacts);
        var urgencies = Scale(errors, "urgencies", doc.Urgencies);
        var levels = Scale(errors, "levels", doc.Levels);
        var matrix = Matrix(errors, doc.Matrix ?? [], impacts, urgencies, levels);
        var defaultImpact = Default(errors, "defaultImpact", doc.DefaultImpact, impacts);
        var defaultUrgency = Default(errors, "defaultUrgency", doc.DefaultUrgency, urgencies);

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return new PriorityScheme(
            doc.Id!, doc.Name!, impacts, urgencies, levels, matrix, defaultImpact!, defaultUrgency!);
    }

    private static Dictionary<(string, string), PriorityLevel> Matrix(
        List<FieldError> errors,
        List<PrioritySchemeDocument.CellDocument> cells,
        List<PriorityLevel> impacts,
        List<PriorityLevel> urgencies,
        List<PriorityLevel> levels)
    {
        var matrix = new Dictionary<(string, string), PriorityLevel>();

        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var path = $"matrix[{i}]";
            var impact = Known(errors, $"{path}.impact", cell.Impact, impacts);
            var urgency = Known(errors, $"{path}.urgency", cell.Urgency, urgencies);
            var level = Known(errors, $"{path}.priority", cell.Priority, levels);

            if (impact is null || urgency is null || level is null)
            {
                continue;
            }

            if (!matrix.TryAdd((impact.Code, urgency.Code), level))
            {
                errors.Add(new(path, $"impact '{impact.Code}' and urgency '{urgency.Code}' are mapped twice."));
            }
        }

        foreach (var impact in impacts)
        {
            foreach (var urgency in urgencies.Where(u => !matrix.ContainsKey((impact.Code, u.Code))))
            {
                errors.Add(new("matrix", $"no priority for impact '{impact.Code}' and urgency '{urgency.Code}'."));
            }
        }

        return matrix;
    }

    internal static List<PriorityLevel> Scale(
        List<FieldError> errors,
        string field,
        List<PrioritySchemeDocument.LevelDocument>? items)
    {
        var scale = new List<PriorityLevel>();

        if (items is null || items.Count == 0)
        {
            errors.Add(new(field, "at least one value is required."));
            return scale;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var code = items[i].Code?.Trim();
            var name = items[i].Name?.Trim();
            var before = errors.Count;
            Require(errors, $"{field}[{i}].code", code);
            Require(errors, $"{field}[{i}].name", name);

            if (scale.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase)) is { } same)
            {
                errors.Add(new($"{field}[{i}].code", same.Code == code
                    ? $"'{code}' is used twice."
                    : $"'{code}' is used twice ('{same.Code}' differs only in case)."));
            }

            if (errors.Count == before)
            {
                scale.Add(new PriorityLevel(code!, name!, items[i].Description));
            }
        }

        return scale;
    }

    internal static PriorityLevel? Default(List<FieldError> errors, string field, string? code, List<PriorityLevel> scale)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(new(field, "is required."));
            return null;
        }

        return Known(errors, field, code, scale);
    }

    internal static PriorityLevel? Known(List<FieldError> errors, string field, string? code, List<PriorityLevel> scale)
    {
        var level = scale.FirstOrDefault(l => l.Code == code?.Trim());
        if (level is null)
        {
            errors.Add(new(field, $"'{code}' is not one of {string.Join(", ", scale.Select(l => l.Code))}."));
        }

        return level;
    }

    internal static void Require(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "is required."));
        }
    }
}
