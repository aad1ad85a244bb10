using Workflow.Sdk.Jobs;

namespace Workflow.Sdk.Plugins;

/// <summary>What the host hands a plugin when it registers. Immutable; safe to keep for the plugin's lifetime.</summary>
public sealed class PluginContext
{
    /// <summary>Creates a context; hosts and plugin tests build one.</summary>
    /// <param name="settings">The plugin's settings (the <c>Plugins:NAME</c> section), keys ignoring case.</param>
    /// <param name="time">The clock every time-dependent decision must use.</param>
    /// <param name="jobs">Where to schedule background work that is retried with back-off.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PluginContext(IReadOnlyDictionary<string, string> settings, TimeProvider time, IJobScheduler jobs)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(jobs);
        Settings = new Dictionary<string, string>(settings, StringComparer.OrdinalIgnoreCase);
        Time = time;
        Jobs = jobs;
    }

    /// <summary>The plugin's settings; a missing key means the setting was not given.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The host's clock; tests pass a fake one.</summary>
    public TimeProvider Time { get; }

    /// <summary>The host's job scheduler.</summary>
    public IJobScheduler Jobs { get; }

    /// <summary>A required setting.</summary>
    /// <param name="key">The setting's key within the plugin's section.</param>
    /// <exception cref="PluginSettingException">The setting is missing or blank.</exception>
    public string Required(string key) =>
        Settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new PluginSettingException(key, "is required.");

    /// <summary>An optional setting, or <paramref name="fallback"/> when it is missing or blank.</summary>
    /// <param name="key">The setting's key within the plugin's section.</param>
    /// <param name="fallback">The value to use when the setting is not given.</param>
    public string Optional(string key, string fallback) =>
        Settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : fallback;
}
