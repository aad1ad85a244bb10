using Workflow.Sdk.Plugins;

namespace Workflow.Engine.Plugins;

/// <summary>A plugin that loaded: who it is, what SDK it was built against, what it added, and its context.</summary>
public sealed class LoadedPlugin
{
    private PluginLoadContext? _context;

    internal LoadedPlugin(
        PluginInfo info,
        string folder,
        Version sdkVersion,
        PluginContributions contributions,
        PluginLoadContext context)
    {
        Info = info;
        Folder = folder;
        SdkVersion = sdkVersion;
        Contributions = contributions;
        _context = context;
    }

    public PluginInfo Info { get; }

    public string Folder { get; }

    /// <summary>The version of <c>Workflow.Sdk</c> the plugin was compiled against.</summary>
    public Version SdkVersion { get; }

    public PluginContributions Contributions { get; }

    /// <summary>
    /// Starts releasing the plugin's assemblies. They go once nothing refers to the plugin's objects any more, so
    /// whoever unloads must first drop its contributions (rules, activities, notifiers) from everything in force.
    /// </summary>
    /// <summary>A weak reference to the plugin's context, so tests can see it go once unloaded.</summary>
    internal WeakReference TrackContext() => new(_context);

    public void Unload()
    {
        var context = Interlocked.Exchange(ref _context, null);
        context?.Unload();
    }
}
