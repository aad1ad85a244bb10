using System.Text;
using System.Text.Json;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Priority;

/// <summary>
/// The priority scheme as the API and the designer edit it: the matrix is a grid with one row per impact and one
/// cell per urgency, both in the order of their scales, each cell naming a level code.
/// </summary>
public static class PrioritySchemeGrid
{
    /// <summary>Reads and checks a whole scheme; every problem names its field, e.g. <c>matrix[1][2]</c>.</summary>
    /// <exception cref="ValidationException">The document is not JSON or any field is missing or unknown.</exception>
    public static PriorityScheme Parse(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var doc = JsonInput.Read<Document>(stream, "$")
            ?? throw new ValidationException("$", "a priority scheme object is required.");
        var errors = new List<FieldError>();

        PrioritySchemeLoader.Require(errors, "id", doc.Id);
        PrioritySchemeLoader.Require(errors, "name", doc.Name);
        var impacts = PrioritySchemeLoader.Scale(errors, "impacts", doc.Impacts);
        var urgencies = PrioritySchemeLoader.Scale(errors, "urgencies", doc.Urgencies);
        var levels = PrioritySchemeLoader.Scale(errors, "levels", doc.Levels);
        var defaultImpact = PrioritySchemeLoader.Default(errors, "defaultImpact", doc.DefaultImpact, impacts);
        var defaultUrgency = PrioritySchemeLoader.Default(errors, "defaultUrgency", doc.DefaultUrgency, urgencies);

        // A matrix can only be judged against scales that were read whole; their own errors are reported above.
        var scalesRead = impacts.Count == (doc.Impacts?.Count ?? 0) && urgencies.Count == (doc.Urgencies?.Count ?? 0)
            && levels.Count == (doc.Levels?.Count ?? 0);
        var matrix = scalesRead ? Matrix(errors, doc.Matrix, impacts, urgencies, levels) : [];

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return new PriorityScheme(
            doc.Id!.Trim(), doc.Name!.Trim(), impacts, urgencies, levels, matrix, defaultImpact!, defaultUrgency!);
    }

    /// <summary>The scheme as the document <see cref="Parse"/> reads.</summary>
    public static string ToJson(PriorityScheme scheme) => JsonSerializer.Serialize(
        new Document
        {
            Id = scheme.Id,
            Name = scheme.Name,
            Impacts = Levels(scheme.Impacts),
            Urgencies = Levels(scheme.Urgencies),
            Levels = Levels(scheme.Levels),
            Matrix = [.. Rows(scheme).Select(row => (List<string?>?)[.. row])],
            DefaultImpact = scheme.DefaultImpact.Code,
            DefaultUrgency = scheme.DefaultUrgency.Code,
        },
        JsonSerializerOptions.Web);

    /// <summary>The matrix as rows of level codes: one row per impact, one cell per urgency.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(PriorityScheme scheme) =>
        [.. scheme.Impacts.Select(i => scheme.Urgencies.Select(u => scheme.PriorityFor(i.Code, u.Code).Code).ToList())];

    private static Dictionary<(string, string), PriorityLevel> Matrix(
        List<FieldError> errors,
        List<List<string?>?>? rows,
        List<PriorityLevel> impacts,
        List<PriorityLevel> urgencies,
        List<PriorityLevel> levels)
    {
        var matrix = new Dictionary<(string, string), PriorityLevel>();
        if (rows is null || rows.Count != impacts.Count)
        {
            errors.Add(new("matrix", $"needs one row per impact ({impacts.Count}); it has {rows?.Count ?? 0}."));
            return matrix;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row is null || row.Count != urgencies.Count)
            {
                errors.Add(new(
                    $"matrix[{i}]",
                    $"needs one cell per urgency ({urgencies.Count}); it has {row?.Count ?? 0}."));
                continue;
            }

            for (var j = 0; j < row.Count; j++)
            {
                if (PrioritySchemeLoader.Known(errors, $"matrix[{i}][{j}]", row[j], levels) is { } level)
                {
                    matrix[(impacts[i].Code, urgencies[j].Code)] = level;
                }
            }
        }

        return matrix;
    }

    private static List<PrioritySchemeDocument.LevelDocument> Levels(IEnumerable<PriorityLevel> scale) =>
        [.. scale.Select(l => new PrioritySchemeDocument.LevelDocument
        {
            Code = l.Code,
            Name = l.Name,
            Description = l.Description,
        })];

    private sealed class Document
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public List<PrioritySchemeDocument.LevelDocument>? Impacts { get; set; }

        public List<PrioritySchemeDocument.LevelDocument>? Urgencies { get; set; }

        public List<PrioritySchemeDocument.LevelDocument>? Levels { get; set; }

        public List<List<string?>?>? Matrix { get; set; }

        public string? DefaultImpact { get; set; }

        public string? DefaultUrgency { get; set; }
    }
}
