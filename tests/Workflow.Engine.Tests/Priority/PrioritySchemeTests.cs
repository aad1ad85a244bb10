using Workflow.Engine.Priority;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Priority;

public sealed class PrioritySchemeTests
{
    /// <summary>
    /// Impact by urgency for every shipped scheme. The ServiceNow base system gives Low/Low "5 - Planning";
    /// its incident sample rules give "4 - Low"; the service desk scheme has three plain levels.
    /// </summary>
    public static TheoryData<string, string, string, string, string> Matrix() => new()
    {
        { "service-desk", "1", "1", "High", "High" },
        { "service-desk", "1", "2", "High", "High" },
        { "service-desk", "1", "3", "Medium", "Medium" },
        { "service-desk", "2", "1", "High", "High" },
        { "service-desk", "2", "2", "Medium", "Medium" },
        { "service-desk", "2", "3", "Low", "Low" },
        { "service-desk", "3", "1", "Medium", "Medium" },
        { "service-desk", "3", "2", "Low", "Low" },
        { "service-desk", "3", "3", "Low", "Low" },
        { "servicenow-base", "1", "1", "1", "Critical" },
        { "servicenow-base", "1", "2", "2", "High" },
        { "servicenow-base", "1", "3", "3", "Moderate" },
        { "servicenow-base", "2", "1", "2", "High" },
        { "servicenow-base", "2", "2", "3", "Moderate" },
        { "servicenow-base", "2", "3", "4", "Low" },
        { "servicenow-base", "3", "1", "3", "Moderate" },
        { "servicenow-base", "3", "2", "4", "Low" },
        { "servicenow-base", "3", "3", "5", "Planning" },
        { "servicenow-incident", "1", "1", "1", "Critical" },
        { "servicenow-incident", "1", "2", "2", "High" },
        { "servicenow-incident", "1", "3", "3", "Moderate" },
        { "servicenow-incident", "2", "1", "2", "High" },
        { "servicenow-incident", "2", "2", "3", "Moderate" },
        { "servicenow-incident", "2", "3", "4", "Low" },
        { "servicenow-incident", "3", "1", "3", "Moderate" },
        { "servicenow-incident", "3", "2", "4", "Low" },
        { "servicenow-incident", "3", "3", "4", "Low" },
    };

    [Fact]
    public void BuiltIn_Always_NamesTheThreeShippedSchemes()
    {
        var ids = PrioritySchemeLoader.BuiltIn;

        Assert.Equal(["service-desk", "servicenow-base", "servicenow-incident"], ids);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void PriorityFor_ShippedScheme_GivesDocumentedLevel(
        string schemeId,
        string impact,
        string urgency,
        string code,
        string name)
    {
        var scheme = PrioritySchemeLoader.Resolve(schemeId);

        var level = scheme.PriorityFor(impact, urgency);

        Assert.Equal((code, name), (level.Code, level.Name));
    }

    [Theory]
    [InlineData("service-desk")]
    [InlineData("servicenow-base")]
    [InlineData("servicenow-incident")]
    public void Resolve_ShippedScheme_HasThreeImpactsThreeUrgenciesAndLowDefaults(string schemeId)
    {
        var scheme = PrioritySchemeLoader.Resolve(schemeId);

        Assert.Equal(schemeId, scheme.Id);
        Assert.Equal(["1 - High", "2 - Medium", "3 - Low"], scheme.Impacts.Select(l => l.Label));
        Assert.Equal(["1 - High", "2 - Medium", "3 - Low"], scheme.Urgencies.Select(l => l.Label));
        Assert.Equal(("3", "3"), (scheme.DefaultImpact.Code, scheme.DefaultUrgency.Code));
    }

    [Fact]
    public void Resolve_ServiceNowBase_HasFiveLevels()
    {
        var scheme = PrioritySchemeLoader.Resolve("servicenow-base");

        Assert.Equal(
            ["1 - Critical", "2 - High", "3 - Moderate", "4 - Low", "5 - Planning"],
            scheme.Levels.Select(l => l.Label));
    }

    [Fact]
    public void Resolve_UnknownId_RefusedNamingTheSetting()
    {
        var ex = Assert.Throws<ValidationException>(() => PrioritySchemeLoader.Resolve("no-such-scheme"));

        Assert.Equal(
            [
                new FieldError(
                    "priorityScheme",
                    "'no-such-scheme' is neither a built-in scheme (service-desk, servicenow-base, "
                    + "servicenow-incident) nor an existing file."),
            ],
            ex.Errors);
    }

    [Fact]
    public void PriorityFor_CodeNotOnTheScale_ThrowsNamingSchemeAndCodes()
    {
        var scheme = PrioritySchemeLoader.Resolve("servicenow-base");

        var ex = Assert.Throws<KeyNotFoundException>(() => scheme.PriorityFor("4", "1"));

        Assert.Equal("Scheme 'servicenow-base' has no cell for impact '4', urgency '1'.", ex.Message);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("Medium")]
    [InlineData("medium")]
    [InlineData("2 - Medium")]
    [InlineData(" 2 - medium ")]
    public void FindImpact_CodeNameOrLabel_FindsTheLevel(string text)
    {
        var scheme = PrioritySchemeLoader.Resolve("servicenow-base");

        var level = scheme.FindImpact(text);

        Assert.Equal(new PriorityLevel("2", "Medium", "A few users or one department affected"), level);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("Severe")]
    [InlineData("2 - High")]
    [InlineData("")]
    [InlineData(null)]
    public void FindImpact_UnknownText_ReturnsNull(string? text)
    {
        var scheme = PrioritySchemeLoader.Resolve("servicenow-base");

        var level = scheme.FindImpact(text);

        Assert.Null(level);
    }

    [Fact]
    public void FindUrgency_Label_FindsTheLevel()
    {
        var scheme = PrioritySchemeLoader.Resolve("servicenow-incident");

        var level = scheme.FindUrgency("1 - High");

        Assert.Equal("1", level?.Code);
    }

    [Fact]
    public void FindLevel_Name_FindsTheLevel()
    {
        var scheme = PrioritySchemeLoader.Resolve("servicenow-base");

        var level = scheme.FindLevel("planning");

        Assert.Equal("5", level?.Code);
    }
}
