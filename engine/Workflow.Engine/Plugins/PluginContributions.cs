using NRules.RuleModel;
using Workflow.Sdk.Activities;
using Workflow.Sdk.Endpoints;
using Workflow.Sdk.Intake;
using Workflow.Sdk.Jobs;
using Workflow.Sdk.Notifications;
using Workflow.Sdk.Plugins;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Plugins;

/// <summary>What one plugin added while it registered. Filled once, then read-only.</summary>
public sealed class PluginContributions : IPluginRegistry
{
    private readonly Dictionary<string, SortedSet<string>> _categories = new(StringComparer.Ordinal);
    private readonly List<IRuleDefinition> _rules = [];
    private readonly List<IWorkflowActivity> _activities = [];
    private readonly List<IIntakeChannel> _channels = [];
    private readonly List<INotifier> _notifiers = [];
    private readonly List<IFactEnricher> _enrichers = [];
    private readonly List<IInboundEndpoint> _endpoints = [];
    private readonly List<IJobHandler> _jobHandlers = [];

    public IReadOnlyDictionary<string, SortedSet<string>> Categories => _categories;

    public IReadOnlyList<IRuleDefinition> Rules => _rules;

    public IReadOnlyList<IWorkflowActivity> Activities => _activities;

    public IReadOnlyList<IIntakeChannel> IntakeChannels => _channels;

    public IReadOnlyList<INotifier> Notifiers => _notifiers;

    public IReadOnlyList<IFactEnricher> Enrichers => _enrichers;

    public IReadOnlyList<IInboundEndpoint> Endpoints => _endpoints;

    public IReadOnlyList<IJobHandler> JobHandlers => _jobHandlers;

    public void AddCategory(string category, params string[] subcategories)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        if (!_categories.TryGetValue(category.Trim(), out var subs))
        {
            subs = new SortedSet<string>(StringComparer.Ordinal);
            _categories[category.Trim()] = subs;
        }

        foreach (var sub in subcategories)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(sub, nameof(subcategories));
            subs.Add(sub.Trim());
        }
    }

    public void AddRules(IEnumerable<IRuleDefinition> rules) => _rules.AddRange(rules);

    public void AddActivity(IWorkflowActivity activity) => _activities.Add(Checked(activity));

    public void AddIntakeChannel(IIntakeChannel channel) => _channels.Add(Checked(channel));

    public void AddNotifier(INotifier notifier) => _notifiers.Add(Checked(notifier));

    public void AddEnricher(IFactEnricher enricher) => _enrichers.Add(Checked(enricher));

    public void AddEndpoint(IInboundEndpoint endpoint) => _endpoints.Add(Checked(endpoint));

    public void AddJobHandler(IJobHandler handler) => _jobHandlers.Add(Checked(handler));

    /// <summary>What the plugin adds, in words, for <c>GET /api/plugins</c>.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        lines.AddRange(_categories.Select(c => c.Value.Count == 0
            ? $"category {c.Key}"
            : $"category {c.Key} ({string.Join(", ", c.Value)})"));
        lines.AddRange(_rules.Select(r => $"rule {r.Name}"));
        lines.AddRange(_activities.Select(a => $"activity {a.Description.Type}"));
        lines.AddRange(_channels.Select(c => $"intake channel {c.Name}"));
        lines.AddRange(_notifiers.Select(n => $"notifier {n.Name}"));
        lines.AddRange(_enrichers.Select(e => $"fact enricher {e.GetType().Name}"));
        lines.AddRange(_endpoints.Select(e => $"endpoint {e.Path}"));
        lines.AddRange(_jobHandlers.Select(j => $"job {j.Kind}"));
        return lines;
    }

    private static T Checked<T>(T value) where T : class => value ?? throw new ArgumentNullException(typeof(T).Name);
}
