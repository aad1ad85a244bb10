namespace Workflow.Sdk.Plugins;

/// <summary>How a plugin introduces itself. Immutable.</summary>
/// <param name="Name">
/// A unique name, for example <c>Network</c>; it also names the plugin's settings section
/// (<c>Plugins:Network</c>) and prefixes its HTTP endpoints (<c>/api/plugins/network/...</c>).
/// </param>
/// <param name="Version">The plugin's own version, for example <c>1.2.0</c>.</param>
/// <param name="Description">One sentence on what the plugin adds.</param>
public sealed record PluginInfo(string Name, string Version, string Description);
