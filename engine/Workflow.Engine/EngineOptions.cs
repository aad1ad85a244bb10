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
    /// A directory file of services (criticality, site-wide) and VIP reporters for the rules' facts; empty means
    /// the directory shipped with the product.
    /// </summary>
    public string? DirectoryFile { get; set; }

    /// <summary>
    /// The directory whose folders are loaded as plugins; empty means <c>plugins</c> beside the executable, where
    /// the build puts the plugins shipped with the product. A directory that does not exist means no plugins.
    /// </summary>
    public string? PluginsPath { get; set; }

    /// <summary>Each plugin's settings by plugin name (the host reads them from <c>Plugins:NAME</c>).</summary>
    public Dictionary<string, Dictionary<string, string>> PluginSettings { get; set; } =
        new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often the host polls plugins' intake channels, in seconds; 0 means the host's default.</summary>
    public int IntakePollSeconds { get; set; }

    /// <summary>The plugins directory in force.</summary>
    public string ResolvedPluginsPath => string.IsNullOrWhiteSpace(PluginsPath)
        ? Path.Combine(AppContext.BaseDirectory, "plugins")
        : Path.GetFullPath(PluginsPath);

    /// <summary>
    /// An SLA policy file (targets, calendars, escalation); empty means the policy shipped with the product.
    /// </summary>
    public string? SlaFile { get; set; }
}
