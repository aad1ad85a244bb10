namespace Workflow.Sdk.Plugins;

/// <summary>
/// The entry point of a plugin. The host looks for exactly one public, non-abstract class implementing it in the
/// assembly named like the plugin's folder, creates it with its parameterless constructor and calls
/// <see cref="Register"/> once. A plugin whose constructor or <see cref="Register"/> throws is refused and
/// unloaded; the host keeps running with the others.
/// </summary>
public interface IPlugin
{
    /// <summary>The plugin's name, version and description, shown by <c>GET /api/plugins</c>.</summary>
    PluginInfo Info { get; }

    /// <summary>
    /// Declares what the plugin adds. Called once, on the host's start thread, before any ticket is handled; keep
    /// it quick and free of I/O that can hang (open connections lazily, in the contributions themselves).
    /// </summary>
    /// <param name="registry">Collects the plugin's categories, rules, activities and other contributions.</param>
    /// <param name="context">The plugin's settings, the host's clock and job scheduler.</param>
    void Register(IPluginRegistry registry, PluginContext context);
}
