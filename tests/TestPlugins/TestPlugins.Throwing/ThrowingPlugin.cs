using Workflow.Sdk.Plugins;

namespace TestPlugins.Throwing;

public sealed class ThrowingPlugin : IPlugin
{
    public PluginInfo Info { get; } = new("Throwing", "1.0.0", "Fails while registering.");

    public void Register(IPluginRegistry registry, PluginContext context)
    {
        registry.AddCategory("Half", "Registered");
        throw new InvalidOperationException("the licence file is missing");
    }
}
