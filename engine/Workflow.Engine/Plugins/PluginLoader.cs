using System.Reflection;
using Workflow.Sdk;
using Workflow.Sdk.Plugins;

namespace Workflow.Engine.Plugins;

/// <summary>
/// Loads every folder under a plugins directory into a collectible context of its own. A folder named
/// <c>NAME</c> holds <c>NAME.dll</c> with one <see cref="IPlugin"/> class. A plugin is refused, and its context
/// unloaded, when it was built against another SDK major version, lacks a dependency, does not hold exactly one
/// plugin class, throws while registering, or takes a name, activity type or job kind that is already taken;
/// the others load regardless.
/// </summary>
public static class PluginLoader
{
    /// <summary>Loads each plugin folder in name order.</summary>
    /// <param name="directory">The plugins directory; a missing directory means no plugins.</param>
    /// <param name="contextFor">Builds the context a plugin registers with, from the plugin's name.</param>
    /// <param name="builtInActivities">The host's own activity types, which no plugin may take.</param>
    public static PluginSet LoadAll(
        string directory,
        Func<string, PluginContext> contextFor,
        IEnumerable<string>? builtInActivities = null)
    {
        var loaded = new List<LoadedPlugin>();
        var refused = new List<PluginRefusal>();
        if (!Directory.Exists(directory))
        {
            return new PluginSet(loaded, refused);
        }

        var folders = Directory.GetDirectories(directory).Order(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var result = Load(folder, contextFor);
            if (result.Plugin is { } plugin && Conflict(plugin, loaded, builtInActivities ?? []) is { } conflict)
            {
                plugin.Unload();
                result = new(null, new(plugin.Info.Name, folder, conflict));
            }

            if (result.Plugin is not null)
            {
                loaded.Add(result.Plugin);
            }
            else
            {
                refused.Add(result.Refusal!);
            }
        }

        return new PluginSet(loaded, refused);
    }

    /// <summary>Loads one plugin folder.</summary>
    /// <returns>The plugin, or the reason it was refused.</returns>
    public static (LoadedPlugin? Plugin, PluginRefusal? Refusal) Load(
        string folder,
        Func<string, PluginContext> contextFor)
    {
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var main = Path.Combine(folder, folderName + ".dll");
        if (!File.Exists(main))
        {
            return (null, new(folderName, folder, $"the folder holds no {folderName}.dll."));
        }

        var context = new PluginLoadContext(main);
        var name = folderName;
        try
        {
            var assembly = context.LoadFromAssemblyPath(main);
            var sdkVersion = CheckSdk(assembly);
            CheckDependencies(context, assembly);
            var plugin = CreatePlugin(assembly);
            name = plugin.Info.Name;

            var contributions = new PluginContributions();
            plugin.Register(contributions, contextFor(name));
            return (new LoadedPlugin(plugin.Info, folder, sdkVersion, contributions, context), null);
        }
        catch (Exception ex)
        {
            context.Unload();
            return (null, new(name, folder, Reason(ex)));
        }
    }

    /// <summary>What the plugin would take from the host or an earlier plugin, as a reason; null when nothing.</summary>
    private static string? Conflict(LoadedPlugin plugin, List<LoadedPlugin> earlier, IEnumerable<string> builtIn)
    {
        if (earlier.Any(p => Same(p.Info.Name, plugin.Info.Name)))
        {
            return "another plugin already has this name.";
        }

        var takenActivities = new HashSet<string>(
            builtIn.Concat(earlier.SelectMany(p => p.Contributions.Activities.Select(a => a.Description.Type))),
            StringComparer.Ordinal);
        var activity = plugin.Contributions.Activities.Select(a => a.Description.Type)
            .FirstOrDefault(type => !takenActivities.Add(type));
        if (activity is not null)
        {
            return $"its activity type '{activity}' is taken.";
        }

        var takenKinds = new HashSet<string>(
            earlier.SelectMany(p => p.Contributions.JobHandlers.Select(j => j.Kind)),
            StringComparer.Ordinal);
        var kind = plugin.Contributions.JobHandlers.Select(j => j.Kind).FirstOrDefault(k => !takenKinds.Add(k));
        return kind is null ? null : $"its job kind '{kind}' is taken.";
    }

    private static Version CheckSdk(Assembly assembly)
    {
        var hostSdk = typeof(IPlugin).Assembly.GetName().Version!;
        var sdk = assembly.GetReferencedAssemblies().FirstOrDefault(r => Same(r.Name, "Workflow.Sdk"))
            ?? throw new PluginRefusedException("it does not reference Workflow.Sdk.");
        var version = sdk.Version ?? new Version(0, 0);
        if (version.Major != SdkInfo.MajorVersion)
        {
            throw new PluginRefusedException(
                $"it was built for Workflow.Sdk {version.ToString(3)}; this host runs SDK major version "
                + $"{SdkInfo.MajorVersion} ({hostSdk.ToString(3)}).");
        }

        return version;
    }

    /// <summary>A missing dependency would otherwise surface later, in the middle of some ticket's step.</summary>
    private static void CheckDependencies(PluginLoadContext context, Assembly assembly)
    {
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            try
            {
                context.LoadFromAssemblyName(reference);
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                throw new PluginRefusedException(
                    $"its dependency {reference.Name} {reference.Version?.ToString(3)} is missing from the folder.");
            }
        }
    }

    private static IPlugin CreatePlugin(Assembly assembly)
    {
        var types = assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPlugin).IsAssignableFrom(t))
            .ToList();
        if (types.Count != 1)
        {
            throw new PluginRefusedException(types.Count == 0
                ? "it holds no public class implementing IPlugin."
                : $"it holds {types.Count} classes implementing IPlugin; one is allowed.");
        }

        return (IPlugin)Activator.CreateInstance(types[0])!;
    }

    private static string Reason(Exception ex) => ex switch
    {
        PluginRefusedException refused => refused.Message,
        TargetInvocationException { InnerException: { } inner } => Threw(inner),
        ReflectionTypeLoadException types when types.LoaderExceptions.FirstOrDefault() is { } first =>
            $"its types cannot be loaded: {first.Message}",
        _ => Threw(ex),
    };

    private static string Threw(Exception ex) =>
        $"it threw while loading: {ex.GetType().Name}: {ex.Message}";

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private sealed class PluginRefusedException(string reason) : Exception(reason);
}
