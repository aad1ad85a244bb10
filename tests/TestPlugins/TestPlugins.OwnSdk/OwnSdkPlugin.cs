using Workflow.Sdk.Plugins;

namespace TestPlugins.OwnSdk;

public sealed class OwnSdkPlugin : IPlugin
{
    public PluginInfo Info { get; } = new("OwnSdk", "1.0.0", "Carries its own copy of the SDK.");

    public void Register(IPluginRegistry registry, PluginContext context) => registry.AddCategory("Facilities", "Heating");
}
