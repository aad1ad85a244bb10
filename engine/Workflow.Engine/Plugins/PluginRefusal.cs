namespace Workflow.Engine.Plugins;

/// <summary>A plugin folder that was not loaded, and why; the host logs it as one line.</summary>
/// <param name="Plugin">The plugin's name when it got that far, else the folder's name.</param>
/// <param name="Folder">The folder it was loaded from.</param>
/// <param name="Reason">Why it was refused, as a sentence.</param>
public sealed record PluginRefusal(string Plugin, string Folder, string Reason);
