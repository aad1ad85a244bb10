using TestPlugins.SharedLib;
using Workflow.Sdk.Plugins;

namespace TestPlugins.ConflictA;

public sealed class ConflictAPlugin : IPlugin
{
    public PluginInfo Info { get; } = new("ConflictA", "1.0.0", "Uses its own version of TestPlugins.SharedLib.");

    public void Register(IPluginRegistry registry, PluginContext context) =>
        registry.AddCategory(
            "ConflictA",
            Greeting.Subcategory(),
            typeof(Greeting).Assembly.GetName().Version!.ToString());
}
