using System.Reflection;

namespace Workflow.Host.Tests.Plugins;

/// <summary>The plugins folder the host's build fills beside its executable.</summary>
internal static class ShippedPlugins
{
    public static readonly string Folder = Path.GetFullPath(typeof(ShippedPlugins).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ShippedPlugins").Value!);

    public static string Setting => $"--Engine:PluginsPath={Folder}";
}
