using System.Text;
using Workflow.Engine.Rules;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Tests.Rules;

public sealed class FactDirectoryTests
{
    [Fact]
    public void Default_ShippedDirectory_KnowsMailAsCriticalAndSiteWide()
    {
        var directory = FactDirectory.Default();

        var mail = directory.Service("email", null);

        Assert.Equal(("Email", ServiceCriticality.Critical, true), (mail.Name, mail.Criticality, mail.SiteWide));
        Assert.Equal(14, directory.ServiceCount);
    }

    [Fact]
    public void Service_UnknownName_KeepsTheNameWithUnknownCriticality()
    {
        var directory = Load("""{"services": [{"name": "ERP", "criticality": "Critical"}]}""");

        var unknown = directory.Service("Canteen", "printer-7");

        Assert.Equal(("Canteen", ServiceCriticality.Unknown, false), (unknown.Name, unknown.Criticality, unknown.SiteWide));
    }

    [Fact]
    public void IsVip_UserNameOrMailOnTheList_IgnoringCase()
    {
        var directory = Load("""{"vips": ["jdoe", "ceo@example.org"]}""");

        Assert.True(directory.IsVip(new Reporter { Name = "J", UserName = "JDoe" }));
        Assert.True(directory.IsVip(new Reporter { Name = "C", Mail = "CEO@example.org" }));
        Assert.False(directory.IsVip(new Reporter { Name = "A", UserName = "ann", Mail = "ann@example.org" }));
    }

    [Fact]
    public void Load_EntriesMissingOrTwice_EachErrorNamesItsPath()
    {
        const string Json = """
            {"services": [{"name": "Mail"}, {"criticality": "Low"}, {"name": "mail"}], "vips": ["ok", " "]}
            """;

        var errors = Assert.Throws<ValidationException>(() => Load(Json)).Errors;

        Assert.Equal(
            [
                new FieldError("services[1].name", "is required."),
                new FieldError("services[2].name", "'mail' is listed twice."),
                new FieldError("vips[1]", "is empty; give a user name or a mail address."),
            ],
            errors);
    }

    [Fact]
    public void Load_CriticalityThatIsNoLevel_NamesTheFieldAndThePosition()
    {
        const string Json = """{"services": [{"name": "ERP", "criticality": "Severe"}]}""";

        var error = Assert.Single(Assert.Throws<ValidationException>(() => Load(Json)).Errors);

        Assert.Equal("services[0].criticality", error.Field);
        Assert.StartsWith("not valid at line 1, position ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspeltField_IsRefusedRatherThanIgnored()
    {
        const string Json = """{"services": [{"name": "ERP", "critical": "High"}]}""";

        var error = Assert.Single(Assert.Throws<ValidationException>(() => Load(Json)).Errors);

        Assert.Equal("services[0].critical", error.Field);
    }

    private static FactDirectory Load(string json) =>
        FactDirectory.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test");

    [Fact]
    public void FromSetting_MissingFileOrAFolder_NamesTheSetting()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-directory-{Guid.NewGuid():N}.json");
        var folder = Path.GetTempPath();

        var notThere = Assert.Single(Assert.Throws<ValidationException>(() => FactDirectory.FromSetting(missing)).Errors);
        var notAFile = Assert.Single(Assert.Throws<ValidationException>(() => FactDirectory.FromSetting(folder)).Errors);

        Assert.Equal(new FieldError("DirectoryFile", $"'{missing}' does not exist."), notThere);
        Assert.Equal(
            new FieldError("DirectoryFile", $"'{folder}' is a folder, not a file of services and VIPs."),
            notAFile);
        Assert.Equal(14, FactDirectory.FromSetting(" ").ServiceCount);
    }
}
