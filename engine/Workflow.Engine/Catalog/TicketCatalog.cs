using Workflow.Engine.Categories;
using Workflow.Engine.Priority;

namespace Workflow.Engine.Catalog;

/// <summary>
/// Holds the catalog snapshot in force. Every user reads <see cref="Current"/> at the time of use and keeps that
/// one snapshot for the step at hand; a save or a refresh swaps in a new snapshot atomically. Thread-safe.
/// </summary>
public sealed class TicketCatalog(CatalogSnapshot initial)
{
    private CatalogSnapshot _current = initial;

    public CatalogSnapshot Current => Volatile.Read(ref _current);

    /// <summary>A catalog that never changes, for imports and tests that run without stored documents.</summary>
    public static TicketCatalog Fixed(PriorityScheme scheme, CategoryTree categories) =>
        new(new CatalogSnapshot(categories, categories, 0, scheme, 0));

    /// <summary>
    /// Puts <paramref name="next"/> in force unless the snapshot in force is already newer in either document,
    /// so a slow refresh never undoes a save that finished meanwhile.
    /// </summary>
    internal void Swap(Func<CatalogSnapshot, CatalogSnapshot> next)
    {
        while (true)
        {
            var seen = Current;
            var replacement = next(seen);
            if (replacement.CategoriesVersion < seen.CategoriesVersion || replacement.SchemeVersion < seen.SchemeVersion)
            {
                return;
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, replacement, seen), seen))
            {
                return;
            }
        }
    }
}
