using NRules.RuleModel;
using Workflow.Sdk.Activities;
using Workflow.Sdk.Endpoints;
using Workflow.Sdk.Intake;
using Workflow.Sdk.Jobs;
using Workflow.Sdk.Notifications;
using Workflow.Sdk.Rules;

namespace Workflow.Sdk.Plugins;

/// <summary>
/// Collects what one plugin adds to the host. Only valid during <see cref="IPlugin.Register"/>; not thread-safe.
/// </summary>
public interface IPluginRegistry
{
    /// <summary>Adds a category, or more subcategories to one the tree already has.</summary>
    /// <param name="category">The category's name, for example <c>Network</c>.</param>
    /// <param name="subcategories">Its subcategories; repeats of existing ones are ignored.</param>
    /// <exception cref="ArgumentException">A name is blank.</exception>
    void AddCategory(string category, params string[] subcategories);

    /// <summary>
    /// Adds compiled NRules rules over the SDK's fact types (<see cref="TicketFact"/>). Their NRules priority is
    /// their salience; ties are broken by rule name across every source.
    /// </summary>
    /// <param name="rules">Rule definitions, usually from <c>NRules.Fluent.RuleRepository</c>.</param>
    void AddRules(IEnumerable<IRuleDefinition> rules);

    /// <summary>Adds a workflow activity the designer shows in its palette.</summary>
    /// <param name="activity">The activity; its type name must be unique across the host.</param>
    void AddActivity(IWorkflowActivity activity);

    /// <summary>Adds a channel the host polls for new reports.</summary>
    /// <param name="channel">The channel.</param>
    void AddIntakeChannel(IIntakeChannel channel);

    /// <summary>Adds a notifier the host tells about ticket events.</summary>
    /// <param name="notifier">The notifier.</param>
    void AddNotifier(INotifier notifier);

    /// <summary>Adds an enricher that completes the facts rules see (a reporter's department, say).</summary>
    /// <param name="enricher">The enricher.</param>
    void AddEnricher(IFactEnricher enricher);

    /// <summary>Adds an HTTP endpoint served under <c>/api/plugins/{plugin}/{path}</c>.</summary>
    /// <param name="endpoint">The endpoint.</param>
    void AddEndpoint(IInboundEndpoint endpoint);

    /// <summary>Adds the handler of one kind of job that this plugin schedules.</summary>
    /// <param name="handler">The handler.</param>
    void AddJobHandler(IJobHandler handler);
}
