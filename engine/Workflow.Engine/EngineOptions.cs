using Workflow.Engine.Storage;

namespace Workflow.Engine;

/// <summary>What an installation configures: storage, the priority scheme, the category tree, time zones.</summary>
public sealed class EngineOptions
{
    public StorageOptions Storage { get; set; } = new();

    /// <summary>
    /// A built-in scheme id (service-desk, servicenow-base, servicenow-incident) or a path to a scheme file.
    /// </summary>
    public string PriorityScheme { get; set; } = "service-desk";

    /// <summary>A category tree file; empty means the tree shipped with the product.</summary>
    public string? CategoriesFile { get; set; }

    /// <summary>
    /// The zone in which times given without a UTC offset are read. Empty (the default) refuses such times.
    /// </summary>
    public string? DefaultTimeZone { get; set; }

    /// <summary>
    /// An SLA policy file (targets, calendars, escalation); empty means the policy shipped with the product.
    /// </summary>
    public string? SlaFile { get; set; }
}
