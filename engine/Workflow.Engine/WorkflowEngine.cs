using Microsoft.EntityFrameworkCore.Diagnostics;
using Workflow.Engine.Catalog;
using Workflow.Engine.Categories;
using Workflow.Engine.Plugins;
using Workflow.Engine.Jobs;
using Workflow.Engine.Priority;
using Workflow.Engine.Rules;
using Workflow.Engine.Rules.DefaultPack;
using Workflow.Engine.Sla;
using Workflow.Engine.Storage;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;
using Workflow.Engine.Workflows;
using Workflow.Engine.Workflows.Activities;
using Workflow.Sdk.Plugins;

namespace Workflow.Engine;

/// <summary>
/// The engine's parts wired together from one set of options. Hosts register these objects as singletons;
/// all of them are thread-safe.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly CategoryTree _configuredCategories;

    private WorkflowEngine(EngineOptions options, TimeProvider time, IReadOnlyList<IInterceptor>? interceptors)
    {
        Options = options;
        Time = time;
        Contexts = new WorkflowDbContextFactory(options.Storage, interceptors);
        Jobs = new InProcessJobScheduler(time);
        Plugins = PluginLoader.LoadAll(
            options.ResolvedPluginsPath,
            name => new PluginContext(options.PluginSettings.GetValueOrDefault(name) ?? [], time, Jobs),
            ActivityCatalog.BuiltIn().Activities.Select(a => a.Type));
        var configuredScheme = PrioritySchemeLoader.Resolve(options.PriorityScheme);
        _configuredCategories = LoadCategories(options.CategoriesFile);
        TicketCatalog = new TicketCatalog(new CatalogSnapshot(
            _configuredCategories, Plugins.MergeInto(_configuredCategories), 0, configuredScheme, 0));
        Catalog = new ActivityCatalog(
        [
            .. ActivityCatalog.BuiltIn(TicketCatalog).Activities,
            .. Plugins.Activities.Select(a => new PluginActivity(a)),
        ]);
        Parser = new WorkflowDefinitionParser(Catalog);
        TimeInput = TimeInput.ForZone(options.DefaultTimeZone, nameof(options.DefaultTimeZone));
        Definitions = new WorkflowDefinitionStore(Contexts, Parser, time);
        Rules = new RuleRegistry(
            [.. DefaultRulePack.Load(), .. Plugins.Rules],
            Plugins.Loaded.Count == 0 ? "default pack" : "default pack and plugins",
            [.. Plugins.Enrichers],
            FactDirectory.FromSetting(options.DirectoryFile));
        RuleSets = new RuleSetStore(Contexts, Rules, time);
        Simulator = new RuleSimulator(Contexts, TicketCatalog, Rules.Directory);
        Sla = new SlaClock(SlaPolicyLoader.Resolve(options.SlaFile));
        CatalogStore = new CatalogStore(Contexts, TicketCatalog, Plugins.MergeInto, Sla.Policy, time);
        Runtime = new WorkflowRuntime(Catalog, TicketCatalog, Rules, Sla);
        Events = new TicketEvents([.. Plugins.Notifiers]);
        Tickets = new TicketService(Contexts, Definitions, Runtime, time, Events);
        Sweeper = new Sweeper(Contexts, Sla, TicketCatalog, Rules, Definitions, time);
        Outbox = new OutboxDispatcher(Contexts, time);
        if (Events.Notifiers.Count > 0)
        {
            Outbox.Register(new SlaBreachNotifications(Contexts, Events));
        }
    }

    /// <summary>The plugins loaded at start and those refused, with their reasons.</summary>
    public PluginSet Plugins { get; }

    /// <summary>Runs the plugins' background jobs, retrying with the back-off their handlers ask for.</summary>
    public InProcessJobScheduler Jobs { get; }

    /// <summary>Tells the plugins' notifiers about committed ticket events.</summary>
    public TicketEvents Events { get; }

    public EngineOptions Options { get; }

    public TimeProvider Time { get; }

    public WorkflowDbContextFactory Contexts { get; }

    public ActivityCatalog Catalog { get; }

    public WorkflowDefinitionParser Parser { get; }

    /// <summary>The category tree and priority scheme in force; <see cref="CatalogStore"/> saves new versions.</summary>
    public TicketCatalog TicketCatalog { get; }

    /// <summary>Saves and history of the category tree and the priority scheme.</summary>
    public CatalogStore CatalogStore { get; }

    /// <summary>The priority scheme in force at the moment of reading.</summary>
    public PriorityScheme PriorityScheme => TicketCatalog.Current.Scheme;

    /// <summary>The category tree in force at the moment of reading, plugins' categories included.</summary>
    public CategoryTree Categories => TicketCatalog.Current.Categories;

    public TimeInput TimeInput { get; }

    public WorkflowDefinitionStore Definitions { get; }

    /// <summary>The rules in force: the default pack until company rule sets are published.</summary>
    public RuleRegistry Rules { get; }

    /// <summary>Why the published company rules could not be put in force at start, if they could not.</summary>
    public RuleCompileException? RuleLoadError { get; private set; }

    /// <summary>Company rule sets: drafts, published versions, export.</summary>
    public RuleSetStore RuleSets { get; }

    /// <summary>What a draft rule set would change on stored tickets.</summary>
    public RuleSimulator Simulator { get; }

    /// <summary>The SLA policy in force and the clock that applies it.</summary>
    public SlaClock Sla { get; }

    public WorkflowRuntime Runtime { get; }

    public TicketService Tickets { get; }

    /// <summary>Re-evaluates open tickets in batches: SLA warnings, breaches and their escalations.</summary>
    public Sweeper Sweeper { get; }

    /// <summary>Delivers the side effects steps and sweeps left in the outbox.</summary>
    public OutboxDispatcher Outbox { get; }

    /// <summary>Builds the engine, migrates its database and publishes the default workflow if needed.</summary>
    /// <param name="options">The installation's settings.</param>
    /// <param name="time">The clock; tests pass a fake one.</param>
    /// <param name="interceptors">EF Core interceptors for every database context (diagnostics, fault tests).</param>
    /// <param name="cancellationToken">Stops the migration.</param>
    /// <exception cref="ValidationException">A configured scheme, tree or zone is invalid.</exception>
    public static async Task<WorkflowEngine> StartAsync(
        EngineOptions options,
        TimeProvider? time = null,
        IReadOnlyList<IInterceptor>? interceptors = null,
        CancellationToken cancellationToken = default)
    {
        var engine = new WorkflowEngine(options, time ?? TimeProvider.System, interceptors);
        engine.Jobs.Register(engine.Plugins.JobHandlers);
        await engine.Contexts.MigrateAsync(cancellationToken);
        await engine.Definitions.EnsureDefaultAsync(cancellationToken);
        await engine.CatalogStore.StartAsync(
            engine._configuredCategories,
            engine.TicketCatalog.Current.Scheme,
            cancellationToken);
        try
        {
            await engine.RuleSets.LoadPublishedAsync(RuleSetStore.CompanyId, cancellationToken);
        }
        catch (RuleCompileException ex)
        {
            // A published set that no longer compiles (say, after the sandbox grew stricter) must not keep the
            // desk from working: the default pack stays in force and the reason is kept for the host to show.
            engine.RuleLoadError = ex;
        }
        return engine;
    }

    private static CategoryTree LoadCategories(string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return CategoryTree.Default();
        }

        if (!File.Exists(file))
        {
            throw new ValidationException(nameof(EngineOptions.CategoriesFile), $"'{file}' does not exist.");
        }

        using var stream = File.OpenRead(file);
        return CategoryTree.Load(stream, file);
    }
}
