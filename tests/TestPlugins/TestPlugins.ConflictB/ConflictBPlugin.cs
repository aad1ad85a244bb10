using TestPlugins.SharedLib;
using Workflow.Sdk.Plugins;

namespace TestPlugins.ConflictB;

public sealed class ConflictBPlugin : IPlugin
{
    public PluginInfo Info { get; } = new("ConflictB", "1.0.0", "Uses its own version of TestPlugins.SharedLib.");

    public void Register(IPluginRegistry registry, PluginContext context) =>
        registry.AddCategory(
            "ConflictB",
            Greeting.Subcategory(),
            typeof(Greeting).Assembly.GetName().Version!.ToString());
}
