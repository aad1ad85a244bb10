using System.Text;
using Workflow.Engine.Categories;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Categories;

public sealed class CategoryTreeTests
{
    private const string Source = "categories.custom.json";

    [Fact]
    public void Default_Always_HoldsTheShippedCategoriesInOrdinalOrder()
    {
        var tree = CategoryTree.Default();

        Assert.Equal(7, tree.Count);
        Assert.Equal(["Access", "Email", "Hardware", "Network", "Other", "Software", "Storage"], tree.Categories);
    }

    [Theory]
    [InlineData("Network", "DNS,Firewall,LAN,VPN,Wi-Fi")]
    [InlineData("Hardware", "Desktop,Laptop,Monitor,Phone,Printer")]
    [InlineData("Software", "Error,Installation,Licence,Update")]
    [InlineData("Access", "New account,Password reset,Permissions")]
    [InlineData("Email", "Delivery,Mailbox,Spam")]
    [InlineData("Storage", "Backup,Quota,Shared drive")]
    [InlineData("Other", "")]
    public void Default_Category_HoldsTheShippedSubcategories(string category, string subcategories)
    {
        var tree = CategoryTree.Default();

        var children = tree.SubcategoriesOf(category);

        Assert.Equal(subcategories.Split(',', StringSplitOptions.RemoveEmptyEntries), children);
    }

    [Theory]
    [InlineData("Network", "VPN", true)]
    [InlineData("Network", null, true)]
    [InlineData("Access", "Password reset", true)]
    [InlineData("Other", null, true)]
    [InlineData("Network", "Printer", false)]
    [InlineData("network", "VPN", false)]
    [InlineData("Network", "vpn", false)]
    [InlineData("Facilities", null, false)]
    public void Contains_CategoryAndSubcategory_TellsWhetherTheTreeHoldsThem(
        string category,
        string? subcategory,
        bool expected)
    {
        var tree = CategoryTree.Default();

        var found = tree.Contains(category, subcategory);

        Assert.Equal(expected, found);
    }

    [Fact]
    public void SubcategoriesOf_UnknownCategory_IsEmpty()
    {
        var tree = CategoryTree.Default();

        var children = tree.SubcategoriesOf("Facilities");

        Assert.Empty(children);
    }

    [Fact]
    public void With_NewCategory_ReturnsCopyHoldingIt()
    {
        var tree = CategoryTree.Default();

        var extended = tree.With("Facilities", "Heating");

        Assert.True(extended.Contains("Facilities", "Heating"));
        Assert.Equal(8, extended.Count);
    }

    [Fact]
    public void With_NewCategory_LeavesOriginalUnchanged()
    {
        var tree = CategoryTree.Default();

        tree.With("Facilities", "Heating");

        Assert.False(tree.Contains("Facilities", null));
        Assert.Equal(7, tree.Count);
    }

    [Fact]
    public void With_NewSubcategoryOfExistingCategory_KeepsTheOthersAndLeavesOriginalUnchanged()
    {
        var tree = CategoryTree.Default();

        var extended = tree.With("Network", "SD-WAN");

        Assert.Equal(["DNS", "Firewall", "LAN", "SD-WAN", "VPN", "Wi-Fi"], extended.SubcategoriesOf("Network"));
        Assert.Equal(["DNS", "Firewall", "LAN", "VPN", "Wi-Fi"], tree.SubcategoriesOf("Network"));
    }

    [Fact]
    public void With_CategoryWithoutSubcategory_AddsItWithNoChildren()
    {
        var tree = CategoryTree.Empty;

        var extended = tree.With("Facilities", null);

        Assert.Equal(["Facilities"], extended.Categories);
        Assert.Empty(extended.SubcategoriesOf("Facilities"));
        Assert.Equal(0, tree.Count);
    }

    [Fact]
    public void With_PairAlreadyHeld_ReturnsTheSameTree()
    {
        var tree = CategoryTree.Default();

        var same = tree.With("Network", "VPN");

        Assert.Same(tree, same);
    }

    [Fact]
    public void Load_ValidDocument_TrimsNames()
    {
        var text = """{"categories":[{"name":" Facilities ","subcategories":[" Heating ","Lifts"]}]}""";

        var tree = Load(text);

        Assert.Equal(["Facilities"], tree.Categories);
        Assert.Equal(["Heating", "Lifts"], tree.SubcategoriesOf("Facilities"));
    }

    [Fact]
    public void Load_BlankCategoryName_RefusedNamingThePath()
    {
        var text = """{"categories":[{"name":"Network"},{"name":"  ","subcategories":["VPN"]}]}""";

        var ex = Assert.Throws<ValidationException>(() => Load(text));

        Assert.Equal([new FieldError("categories[1].name", "is required.")], ex.Errors);
    }

    [Fact]
    public void Load_MissingCategoryName_RefusedNamingThePath()
    {
        var text = """{"categories":[{"subcategories":["VPN"]}]}""";

        var ex = Assert.Throws<ValidationException>(() => Load(text));

        Assert.Equal([new FieldError("categories[0].name", "is required.")], ex.Errors);
    }

    [Fact]
    public void Load_DuplicateCategoryName_RefusedNamingTheSecond()
    {
        var text = """{"categories":[{"name":"Network"},{"name":"Email"},{"name":" Network"}]}""";

        var ex = Assert.Throws<ValidationException>(() => Load(text));

        Assert.Equal([new FieldError("categories[2].name", "'Network' is listed twice.")], ex.Errors);
    }

    [Fact]
    public void Load_BlankSubcategory_RefusedNamingThePath()
    {
        var text = """{"categories":[{"name":"Network","subcategories":["VPN"," "]}]}""";

        var ex = Assert.Throws<ValidationException>(() => Load(text));

        Assert.Equal(
            [new FieldError("categories[0].subcategories[1]", "is required: a subcategory needs a name.")],
            ex.Errors);
    }

    [Fact]
    public void Load_DuplicateSubcategory_RefusedNamingThePath()
    {
        var text = """{"categories":[{"name":"Email"},{"name":"Network","subcategories":["VPN","DNS","VPN"]}]}""";

        var ex = Assert.Throws<ValidationException>(() => Load(text));

        Assert.Equal([new FieldError("categories[1].subcategories[2]", "'VPN' is listed twice.")], ex.Errors);
    }

    [Fact]
    public void Load_NamesDifferingOnlyInCase_RefusedNamingEachSecond()
    {
        var text = """{"categories":[{"name":"Network","subcategories":["VPN","vpn"]},{"name":"network"}]}""";

        var ex = Assert.Throws<ValidationException>(() => Load(text));

        Assert.Equal(
            [
                new FieldError("categories[0].subcategories[1]", "'vpn' is listed twice ('VPN' differs only in case)."),
                new FieldError("categories[1].name", "'network' is listed twice ('Network' differs only in case)."),
            ],
            ex.Errors);
    }

    [Fact]
    public void Load_OverlongOrTabbedNames_RefusedNamingThePath()
    {
        var text = $$"""{"categories":[{"name":"{{new string('x', 101)}}"},{"name":"A","subcategories":["B\tC"]}]}""";

        var ex = Assert.Throws<ValidationException>(() => Load(text));

        Assert.Equal(
            [
                new FieldError("categories[0].name", "is 101 characters long; at most 100 are allowed."),
                new FieldError("categories[1].subcategories[0]", "holds a control character (a tab or a line break)."),
            ],
            ex.Errors);
    }

    [Fact]
    public void Load_InvalidJson_RefusedNamingSourceAndLine()
    {
        var text = "{\n  \"categories\": [\n    { \"name\": \"Network\" ]\n}";

        var ex = Assert.Throws<ValidationException>(() => Load(text));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(Source, error.Field);
        Assert.StartsWith("not valid JSON at line 3:", error.Message);
    }

    private static CategoryTree Load(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return CategoryTree.Load(stream, Source);
    }
}
