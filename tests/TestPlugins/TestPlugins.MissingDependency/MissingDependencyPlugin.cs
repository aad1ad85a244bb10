using TestPlugins.Helper;
using Workflow.Sdk.Plugins;

namespace TestPlugins.MissingDependency;

public sealed class MissingDependencyPlugin : IPlugin
{
    public PluginInfo Info { get; } = new("MissingDependency", "1.0.0", "Needs TestPlugins.Helper.");

    public void Register(IPluginRegistry registry, PluginContext context) =>
        registry.AddCategory(Names.Category + typeof(Names).Assembly.GetName().Name);
}
