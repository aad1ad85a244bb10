using Workflow.Engine.Categories;
using Workflow.Engine.Priority;

namespace Workflow.Engine.Catalog;

/// <summary>
/// The category tree and the priority scheme in force at one moment, with the stored versions they came from.
/// Immutable: a save builds a new snapshot and swaps it in whole.
/// </summary>
/// <param name="EditedCategories">The tree as process owners saved it, without what plugins add.</param>
/// <param name="Categories">The tree in force: the edited tree with every plugin's categories added.</param>
/// <param name="CategoriesVersion">The stored version of the edited tree; 0 when none is stored.</param>
/// <param name="Scheme">The priority scheme in force.</param>
/// <param name="SchemeVersion">The stored version of the scheme; 0 when none is stored.</param>
public sealed record CatalogSnapshot(
    CategoryTree EditedCategories,
    CategoryTree Categories,
    int CategoriesVersion,
    PriorityScheme Scheme,
    int SchemeVersion)
{
    /// <summary>
    /// The scheme a ticket was prioritised with: the one in force when the ticket names it (or names none), a
    /// built-in one when it names that, otherwise the one in force.
    /// </summary>
    public PriorityScheme SchemeFor(string? ticketScheme) =>
        ticketScheme is null || ticketScheme == Scheme.Id
            ? Scheme
            : PrioritySchemeLoader.TryBuiltIn(ticketScheme) ?? Scheme;
}
