using Workflow.Engine.Catalog;
using Workflow.Engine.Categories;
using Workflow.Engine.Priority;
using Workflow.Engine.Storage;

namespace Workflow.Host.Api;

/// <summary>
/// The category tree as <c>GET</c> sends it and <c>PUT</c> takes it back. <c>pluginCategories</c> lists what the
/// installed plugins add on top; it is read-only and ignored on <c>PUT</c>, so a document read can be sent back.
/// </summary>
internal sealed record CategoryTreeDocument(
    IReadOnlyList<CategoryDocument>? Categories,
    IReadOnlyList<CategoryDocument>? PluginCategories = null)
{
    public static CategoryTreeDocument From(CatalogSnapshot snapshot) =>
        new(Items(snapshot.EditedCategories), [.. PluginOnly(snapshot)]);

    private static IReadOnlyList<CategoryDocument> Items(CategoryTree tree) =>
        [.. tree.Categories.Select(c => new CategoryDocument(c, [.. tree.SubcategoriesOf(c)]))];

    /// <summary>The categories and subcategories in force that the edited tree does not hold.</summary>
    private static IEnumerable<CategoryDocument> PluginOnly(CatalogSnapshot snapshot)
    {
        var edited = snapshot.EditedCategories;
        foreach (var category in snapshot.Categories.Categories)
        {
            var added = snapshot.Categories.SubcategoriesOf(category).Where(s => !edited.Contains(category, s)).ToList();
            if (!edited.Contains(category, null) || added.Count > 0)
            {
                yield return new CategoryDocument(category, added);
            }
        }
    }
}

/// <summary>A category and its subcategories.</summary>
internal sealed record CategoryDocument(string? Name, IReadOnlyList<string?>? Subcategories);

/// <summary>
/// A priority scheme, whole: three scales and a matrix with one row per impact and, in each row, one level code
/// per urgency, both in the order of their scales.
/// </summary>
internal sealed record PrioritySchemeDocument(
    string? Id,
    string? Name,
    IReadOnlyList<LevelDocument>? Impacts,
    IReadOnlyList<LevelDocument>? Urgencies,
    IReadOnlyList<LevelDocument>? Levels,
    string? DefaultImpact,
    string? DefaultUrgency,
    IReadOnlyList<IReadOnlyList<string?>?>? Matrix)
{
    public static PrioritySchemeDocument From(PriorityScheme s) => new(
        s.Id,
        s.Name,
        Scale(s.Impacts),
        Scale(s.Urgencies),
        Scale(s.Levels),
        s.DefaultImpact.Code,
        s.DefaultUrgency.Code,
        [.. PrioritySchemeGrid.Rows(s).Select(row => (IReadOnlyList<string?>)[.. row])]);

    private static IReadOnlyList<LevelDocument> Scale(IEnumerable<PriorityLevel> scale) =>
        [.. scale.Select(l => new LevelDocument(l.Code, l.Name, l.Description))];
}

/// <summary>One value of a scale: its code, its name and what it means.</summary>
internal sealed record LevelDocument(string? Code, string? Name, string? Description = null);

/// <summary>One stored version of a catalog document: who saved it and when.</summary>
internal sealed record CatalogVersionView(int Version, string SavedBy, DateTimeOffset SavedAt)
{
    public static CatalogVersionView From(CatalogDocumentRecord r) => new(r.Version, r.SavedBy, r.SavedAt);
}
