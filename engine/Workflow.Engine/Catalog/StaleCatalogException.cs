namespace Workflow.Engine.Catalog;

/// <summary>A save was based on a version of a catalog document that is no longer the newest.</summary>
public sealed class StaleCatalogException(string kind, int expected, int current) : Exception(
    $"The {kind} document is at version {current}, not {expected}: someone else saved it since you read it. "
    + "Reload it and apply your change again.")
{
    public int Current { get; } = current;
}
