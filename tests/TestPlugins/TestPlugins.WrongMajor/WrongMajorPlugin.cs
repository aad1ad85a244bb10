using Workflow.Sdk.Plugins;

namespace TestPlugins.WrongMajor;

public sealed class WrongMajorPlugin : IPlugin
{
    public PluginInfo Info { get; } = new("WrongMajor", "1.0.0", "Built for SDK 2.");

    public void Register(IPluginRegistry registry, PluginContext context) => registry.AddCategory("Future");
}
