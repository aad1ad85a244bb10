using System.Reflection;
using System.Runtime.Loader;

namespace Workflow.Engine.Plugins;

/// <summary>
/// The collectible context one plugin folder loads into. The SDK and NRules always come from the host, even
/// when the folder carries copies, so the plugin's types are the host's types; everything else resolves from
/// the plugin's own folder first (through its <c>.deps.json</c>), then from the framework.
/// </summary>
internal sealed class PluginLoadContext(string mainAssemblyPath)
    : AssemblyLoadContext($"plugin:{Path.GetFileNameWithoutExtension(mainAssemblyPath)}", isCollectible: true)
{
    /// <summary>Assemblies whose types cross between host and plugin; one copy of each, the host's.</summary>
    public static readonly IReadOnlySet<string> Shared = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Workflow.Sdk",
        "NRules",
        "NRules.Fluent",
        "NRules.RuleModel",
    };

    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);
    private readonly string _folder = Path.GetDirectoryName(mainAssemblyPath)!;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || Shared.Contains(assemblyName.Name))
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName)
            ?? Existing(Path.Combine(_folder, assemblyName.Name + ".dll"));
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private static string? Existing(string path) => File.Exists(path) ? path : null;
}
