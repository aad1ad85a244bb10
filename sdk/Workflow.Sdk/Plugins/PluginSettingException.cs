namespace Workflow.Sdk.Plugins;

/// <summary>A plugin setting is missing or cannot be used; the message names the setting.</summary>
/// <param name="setting">The setting's key within the plugin's section.</param>
/// <param name="reason">What is wrong with it, as a sentence.</param>
public sealed class PluginSettingException(string setting, string reason) : Exception($"setting '{setting}' {reason}")
{
    /// <summary>The setting's key within the plugin's section.</summary>
    public string Setting { get; } = setting;
}
