using System.Text.Json;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Categories;

/// <summary>
/// The company's own categories, each with its subcategories. Immutable; <see cref="With"/> returns a copy.
/// </summary>
public sealed class CategoryTree
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, HashSet<string>> _tree;

    private CategoryTree(Dictionary<string, HashSet<string>> tree) => _tree = tree;

    public static CategoryTree Empty { get; } = new(new Dictionary<string, HashSet<string>>(StringComparer.Ordinal));

    public IEnumerable<string> Categories => _tree.Keys.Order(StringComparer.Ordinal);

    public int Count => _tree.Count;

    public IEnumerable<string> SubcategoriesOf(string category) =>
        _tree.TryGetValue(category, out var subs) ? subs.Order(StringComparer.Ordinal) : [];

    /// <summary>True when the category exists and the subcategory, if given, is one of its children.</summary>
    public bool Contains(string category, string? subcategory) =>
        _tree.TryGetValue(category, out var subs) && (subcategory is null || subs.Contains(subcategory));

    /// <summary>A copy that also holds the given category and subcategory.</summary>
    public CategoryTree With(string category, string? subcategory)
    {
        if (Contains(category, subcategory))
        {
            return this;
        }

        var copy = _tree.ToDictionary(e => e.Key, e => new HashSet<string>(e.Value), StringComparer.Ordinal);
        if (!copy.TryGetValue(category, out var subs))
        {
            subs = new HashSet<string>(StringComparer.Ordinal);
            copy[category] = subs;
        }

        if (subcategory is not null)
        {
            subs.Add(subcategory);
        }

        return new CategoryTree(copy);
    }

    /// <summary>The tree as the document <see cref="Load"/> reads, categories and subcategories in order.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new Document
        {
            Categories = [.. Categories.Select(c => new Document.Category
            {
                Name = c,
                Subcategories = [.. SubcategoriesOf(c)],
            })],
        },
        Options);

    /// <summary>The tree shipped with the product: common IT service desk categories.</summary>
    public static CategoryTree Default()
    {
        using var stream = Resources.Open("categories.default.json");
        return Load(stream, "categories.default.json");
    }

    /// <summary>Reads <c>{"categories":[{"name":"Network","subcategories":["VPN"]}]}</c>.</summary>
    /// <exception cref="ValidationException">Names are missing, blank or repeated.</exception>
    public static CategoryTree Load(Stream json, string source)
    {
        Document? doc;
        try
        {
            doc = JsonSerializer.Deserialize<Document>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new ValidationException(source, $"not valid JSON at line {(ex.LineNumber ?? 0) + 1}: {ex.Message}");
        }

        if (doc?.Categories is null)
        {
            throw new ValidationException("categories", "is required: a list of categories, each with a name.");
        }

        var errors = new List<FieldError>();
        var tree = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var items = doc.Categories;

        for (var i = 0; i < items.Count; i++)
        {
            AddCategory(errors, tree, items[i], $"categories[{i}]");
        }

        return errors.Count > 0 ? throw new ValidationException(errors) : new CategoryTree(tree);
    }

    private static void AddCategory(
        List<FieldError> errors,
        Dictionary<string, HashSet<string>> tree,
        Document.Category item,
        string path)
    {
        var name = item.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new($"{path}.name", "is required."));
            return;
        }

        if (NameProblem(name) is { } problem)
        {
            errors.Add(new($"{path}.name", problem));
            return;
        }

        // Names differing only in case would read as one category to people and as two to the engine.
        var subs = new HashSet<string>(StringComparer.Ordinal);
        if (tree.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) is { } taken)
        {
            errors.Add(new($"{path}.name", taken == name
                ? $"'{name}' is listed twice."
                : $"'{name}' is listed twice ('{taken}' differs only in case)."));
            return;
        }

        tree.Add(name, subs);

        var children = item.Subcategories ?? [];
        for (var j = 0; j < children.Count; j++)
        {
            var sub = children[j]?.Trim();
            if (string.IsNullOrEmpty(sub))
            {
                errors.Add(new($"{path}.subcategories[{j}]", "is required: a subcategory needs a name."));
            }
            else if (NameProblem(sub) is { } subProblem)
            {
                errors.Add(new($"{path}.subcategories[{j}]", subProblem));
            }
            else if (subs.FirstOrDefault(s => string.Equals(s, sub, StringComparison.OrdinalIgnoreCase)) is { } same)
            {
                errors.Add(new($"{path}.subcategories[{j}]", same == sub
                    ? $"'{sub}' is listed twice."
                    : $"'{sub}' is listed twice ('{same}' differs only in case)."));
            }
            else
            {
                subs.Add(sub);
            }
        }
    }

    /// <summary>The longest name a category or subcategory may have; ticket columns and screens are sized for it.
    /// </summary>
    public const int MaxNameLength = 100;

    private static string? NameProblem(string name) =>
        name.Length > MaxNameLength ? $"is {name.Length:N0} characters long; at most {MaxNameLength} are allowed."
        : name.Any(char.IsControl) ? "holds a control character (a tab or a line break)."
        : null;

    private sealed class Document
    {
        public List<Category>? Categories { get; set; }

        internal sealed class Category
        {
            public string? Name { get; set; }

            public List<string?>? Subcategories { get; set; }
        }
    }
}
