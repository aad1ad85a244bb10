using NRules.RuleModel;
using Workflow.Engine.Categories;
using Workflow.Sdk.Activities;
using Workflow.Sdk.Endpoints;
using Workflow.Sdk.Intake;
using Workflow.Sdk.Jobs;
using Workflow.Sdk.Notifications;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Plugins;

/// <summary>The plugins that loaded from one directory and those that were refused. Read-only.</summary>
public sealed class PluginSet(IReadOnlyList<LoadedPlugin> loaded, IReadOnlyList<PluginRefusal> refused)
{
    public static PluginSet Empty { get; } = new([], []);

    public IReadOnlyList<LoadedPlugin> Loaded { get; } = loaded;

    public IReadOnlyList<PluginRefusal> Refused { get; } = refused;

    public IEnumerable<IRuleDefinition> Rules => Loaded.SelectMany(p => p.Contributions.Rules);

    public IEnumerable<IWorkflowActivity> Activities => Loaded.SelectMany(p => p.Contributions.Activities);

    public IEnumerable<IFactEnricher> Enrichers => Loaded.SelectMany(p => p.Contributions.Enrichers);

    public IEnumerable<INotifier> Notifiers => Loaded.SelectMany(p => p.Contributions.Notifiers);

    public IEnumerable<IIntakeChannel> IntakeChannels => Loaded.SelectMany(p => p.Contributions.IntakeChannels);

    public IEnumerable<IJobHandler> JobHandlers => Loaded.SelectMany(p => p.Contributions.JobHandlers);

    /// <summary>Each plugin endpoint with the name of the plugin that serves it.</summary>
    public IEnumerable<(string Plugin, IInboundEndpoint Endpoint)> Endpoints =>
        Loaded.SelectMany(p => p.Contributions.Endpoints.Select(e => (p.Info.Name, e)));

    /// <summary>The tree with every plugin's categories and subcategories added.</summary>
    public CategoryTree MergeInto(CategoryTree tree)
    {
        foreach (var (category, subcategories) in Loaded.SelectMany(p => p.Contributions.Categories))
        {
            tree = tree.With(category, null);
            foreach (var sub in subcategories)
            {
                tree = tree.With(category, sub);
            }
        }

        return tree;
    }

    /// <summary>Starts releasing every plugin's assemblies; see <see cref="LoadedPlugin.Unload"/>.</summary>
    public void Unload()
    {
        foreach (var plugin in Loaded)
        {
            plugin.Unload();
        }
    }
}
