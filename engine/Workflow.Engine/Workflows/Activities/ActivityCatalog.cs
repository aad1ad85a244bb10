namespace Workflow.Engine.Workflows.Activities;

/// <summary>The activities a workflow may use, by type name. Read-only after construction.</summary>
public sealed class ActivityCatalog
{
    private readonly Dictionary<string, IActivity> _activities;

    public ActivityCatalog(IEnumerable<IActivity> activities)
    {
        _activities = new Dictionary<string, IActivity>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            if (!_activities.TryAdd(activity.Type, activity))
            {
                throw new ArgumentException($"Two activities share the type '{activity.Type}'.", nameof(activities));
            }
        }
    }

    /// <summary>The activities shipped with the engine.</summary>
    /// <param name="catalog">
    /// The tree and scheme in force, which set-field nodes are checked against before publishing, if known.
    /// </param>
    public static ActivityCatalog BuiltIn(Catalog.TicketCatalog? catalog = null) => new(
    [
        new IdentifyActivity(),
        new LogActivity(),
        new CategoriseActivity(),
        new PrioritiseActivity(),
        new AssignActivity(),
        new HumanTaskActivity(),
        new TransitionActivity(),
        new RouteByStateActivity(),
        new TimerActivity(),
        new DecisionActivity(),
        new ScriptActivity(),
        new SetFieldActivity(catalog),
        new NotifyActivity(),
        new EscalateActivity(),
        new WaitForEventActivity(),
        new EndActivity(),
    ]);

    public IEnumerable<IActivity> Activities => _activities.Values;

    public IEnumerable<ActivityDescriptor> Descriptors => _activities.Values.Select(a => a.Descriptor);

    public bool TryGet(string type, out IActivity activity) => _activities.TryGetValue(type, out activity!);

    public IActivity Get(string type) =>
        _activities.TryGetValue(type, out var activity)
            ? activity
            : throw new WorkflowException($"No activity of type '{type}' is registered.");
}
