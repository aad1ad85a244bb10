using System.Text;
using System.Text.Json.Nodes;
using Workflow.Engine.Priority;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Priority;

public sealed class PrioritySchemeLoaderTests
{
    private const string Source = "custom-scheme.json";

    [Fact]
    public void Load_CompleteScheme_MapsEveryCell()
    {
        var json = Scheme();

        var scheme = Load(json);

        Assert.Equal("custom", scheme.Id);
        Assert.Equal("Custom three levels", scheme.Name);
        Assert.Equal("P1", scheme.PriorityFor("1", "1").Code);
        Assert.Equal("P3", scheme.PriorityFor("3", "3").Code);
        Assert.Equal(("3", "2"), (scheme.DefaultImpact.Code, scheme.DefaultUrgency.Code));
    }

    [Fact]
    public void Load_CommentsAndTrailingCommas_Accepted()
    {
        var text = Scheme().ToJsonString().Replace("\"id\":", "/* who */ \"id\":").TrimEnd('}') + ",}";

        var scheme = Load(text);

        Assert.Equal("custom", scheme.Id);
    }

    [Fact]
    public void Load_MissingCell_RefusedNamingMatrix()
    {
        var json = Scheme();
        Matrix(json).RemoveAt(8);

        var ex = Assert.Throws<ValidationException>(() => Load(json));

        Assert.Equal([new FieldError("matrix", "no priority for impact '3' and urgency '3'.")], ex.Errors);
    }

    [Fact]
    public void Load_DuplicatedCell_RefusedNamingTheSecondCell()
    {
        var json = Scheme();
        Matrix(json).Add(Cell("1", "1", "P2"));

        var ex = Assert.Throws<ValidationException>(() => Load(json));

        Assert.Equal([new FieldError("matrix[9]", "impact '1' and urgency '1' are mapped twice.")], ex.Errors);
    }

    [Fact]
    public void Load_UnknownPriority_RefusedNamingCellPriority()
    {
        var json = Scheme();
        Matrix(json)[2]!["priority"] = "P9";

        var ex = Assert.Throws<ValidationException>(() => Load(json));

        Assert.Contains(new FieldError("matrix[2].priority", "'P9' is not one of P1, P2, P3."), ex.Errors);
    }

    [Fact]
    public void Load_UnknownImpactCode_RefusedNamingCellImpact()
    {
        var json = Scheme();
        Matrix(json)[0]!["impact"] = "7";

        var ex = Assert.Throws<ValidationException>(() => Load(json));

        Assert.Contains(new FieldError("matrix[0].impact", "'7' is not one of 1, 2, 3."), ex.Errors);
    }

    [Fact]
    public void Load_UnknownUrgencyCode_RefusedNamingCellUrgency()
    {
        var json = Scheme();
        Matrix(json)[4]!["urgency"] = "High";

        var ex = Assert.Throws<ValidationException>(() => Load(json));

        Assert.Contains(new FieldError("matrix[4].urgency", "'High' is not one of 1, 2, 3."), ex.Errors);
    }

    [Fact]
    public void Load_LevelCodesDifferingOnlyInCase_RefusedNamingTheSecond()
    {
        var json = Scheme();
        var first = ((JsonArray)json["levels"]!)[0]!["code"]!.GetValue<string>();
        ((JsonArray)json["levels"]!).Add(Level(first.ToLowerInvariant(), "Copy"));
        var index = ((JsonArray)json["levels"]!).Count - 1;

        var ex = Assert.Throws<ValidationException>(() => Load(json));

        Assert.Contains(
            new FieldError(
                $"levels[{index}].code",
                $"'{first.ToLowerInvariant()}' is used twice ('{first}' differs only in case)."),
            ex.Errors);
    }

    [Fact]
    public void Load_DuplicateImpactCode_RefusedNamingTheScaleEntry()
    {
        var json = Scheme();
        ((JsonArray)json["impacts"]!).Add(Level("2", "Severe"));

        var ex = Assert.Throws<ValidationException>(() => Load(json));

        Assert.Equal([new FieldError("impacts[3].code", "'2' is used twice.")], ex.Errors);
    }

    [Fact]
    public void Load_LevelWithoutName_RefusedNamingTheScaleEntry()
    {
        var json = Scheme();
        json["levels"]![1]!["name"] = " ";

        var ex = Assert.Throws<ValidationException>(() => Load(json));

        Assert.Contains(new FieldError("levels[1].name", "is required."), ex.Errors);
    }

    [Fact]
    public void Load_EmptyScale_RefusedNamingTheScale()
    {
        var json = Scheme();
        json["urgencies"] = new JsonArray();

        var ex = Assert.Throws<ValidationException>(() => Load(json));

        Assert.Contains(new FieldError("urgencies", "at least one value is required."), ex.Errors);
    }

    [Fact]
    public void Load_MissingDefault_RefusedNamingTheDefault()
    {
        var json = Scheme();
        json.Remove("defaultUrgency");

        var ex = Assert.Throws<ValidationException>(() => Load(json));

        Assert.Equal([new FieldError("defaultUrgency", "is required.")], ex.Errors);
    }

    [Fact]
    public void Load_UnknownDefault_RefusedNamingTheDefault()
    {
        var json = Scheme();
        json["defaultImpact"] = "9";

        var ex = Assert.Throws<ValidationException>(() => Load(json));

        Assert.Equal([new FieldError("defaultImpact", "'9' is not one of 1, 2, 3.")], ex.Errors);
    }

    [Fact]
    public void Load_MissingId_RefusedNamingId()
    {
        var json = Scheme();
        json.Remove("id");

        var ex = Assert.Throws<ValidationException>(() => Load(json));

        Assert.Equal([new FieldError("id", "is required.")], ex.Errors);
    }

    [Fact]
    public void Load_InvalidJson_RefusedNamingSourceAndLine()
    {
        var text = "{\n  \"id\": \"custom\",\n  \"name\": \"Custom\"\n  \"impacts\": []\n}";

        var ex = Assert.Throws<ValidationException>(() => Load(text));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(Source, error.Field);
        Assert.StartsWith("not valid JSON at line 4, position 3:", error.Message);
    }

    private static PriorityScheme Load(JsonObject json) => Load(json.ToJsonString());

    private static PriorityScheme Load(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return PrioritySchemeLoader.Load(stream, Source);
    }

    private static JsonArray Matrix(JsonObject json) => (JsonArray)json["matrix"]!;

    /// <summary>A complete three-by-three scheme with levels P1 to P3.</summary>
    private static JsonObject Scheme() => new()
    {
        ["id"] = "custom",
        ["name"] = "Custom three levels",
        ["impacts"] = new JsonArray(Level("1", "High"), Level("2", "Medium"), Level("3", "Low")),
        ["urgencies"] = new JsonArray(Level("1", "High"), Level("2", "Medium"), Level("3", "Low")),
        ["levels"] = new JsonArray(Level("P1", "Urgent"), Level("P2", "Normal"), Level("P3", "Whenever")),
        ["matrix"] = new JsonArray(
            Cell("1", "1", "P1"),
            Cell("1", "2", "P1"),
            Cell("1", "3", "P2"),
            Cell("2", "1", "P1"),
            Cell("2", "2", "P2"),
            Cell("2", "3", "P3"),
            Cell("3", "1", "P2"),
            Cell("3", "2", "P3"),
            Cell("3", "3", "P3")),
        ["defaultImpact"] = "3",
        ["defaultUrgency"] = "2",
    };

    private static JsonObject Level(string code, string name) => new() { ["code"] = code, ["name"] = name };

    private static JsonObject Cell(string impact, string urgency, string priority) => new()
    {
        ["impact"] = impact,
        ["urgency"] = urgency,
        ["priority"] = priority,
    };
}
