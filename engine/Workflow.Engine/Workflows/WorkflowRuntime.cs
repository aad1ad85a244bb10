using Workflow.Engine.Catalog;
using Workflow.Engine.Categories;
using Workflow.Engine.Priority;
using Workflow.Engine.Rules;
using Workflow.Engine.Sla;
using Workflow.Engine.Tickets;
using Workflow.Engine.Workflows.Activities;

namespace Workflow.Engine.Workflows;

/// <summary>
/// Runs an instance from node to node until it blocks or ends. It works on objects in memory only and
/// never saves: the caller commits the ticket, its journal and the instance together, or none of them.
/// Thread-safe; one runtime serves every instance.
/// </summary>
public sealed class WorkflowRuntime(
    ActivityCatalog catalog,
    TicketCatalog ticketCatalog,
    RuleRegistry? rules = null,
    SlaClock? sla = null)
{
    private readonly ActivityCatalog _catalog = catalog;

    /// <summary>A runtime on a tree and scheme that never change (imports, tests).</summary>
    public WorkflowRuntime(
        ActivityCatalog catalog,
        PriorityScheme scheme,
        CategoryTree categories,
        RuleRegistry? rules = null,
        SlaClock? sla = null)
        : this(catalog, TicketCatalog.Fixed(scheme, categories), rules, sla)
    {
    }

    /// <summary>Nodes one step may pass before it is taken for a loop with no blocking node in it.</summary>
    public const int MaxNodesPerStep = 500;

    public ActivityCatalog Catalog => _catalog;

    /// <summary>The tree and scheme in force; each node reads them as they are when it runs.</summary>
    public TicketCatalog TicketCatalog { get; } = ticketCatalog;

    public PriorityScheme PriorityScheme => TicketCatalog.Current.Scheme;

    public CategoryTree Categories => TicketCatalog.Current.Categories;

    public RuleRegistry? Rules { get; } = rules;

    /// <summary>Keeps the SLA clocks in step after every node, when the installation has SLAs.</summary>
    public SlaClock? Sla { get; } = sla;

    /// <summary>Starts a fresh instance at the definition's start node and runs it to its first bookmark.</summary>
    public void Start(
        WorkflowDefinition definition,
        WorkflowInstance instance,
        DateTimeOffset now,
        StepScope? step = null)
    {
        instance.MoveTo(definition.Start, now);

        step ??= new StepScope();
        var node = definition.Node(definition.Start);
        var result = Run(definition, instance, node, null, now, step, c => _catalog.Get(node.Type).Execute(c));
        Continue(definition, instance, node, result, null, now, step);
    }

    /// <summary>Resumes the instance's bookmark with an action and runs on to the next bookmark.</summary>
    /// <param name="definition">The version the instance is pinned to.</param>
    /// <param name="instance">The instance, suspended at a bookmark.</param>
    /// <param name="action">What resumes it.</param>
    /// <param name="now">When the step happens.</param>
    /// <param name="step">Collects what the step's nodes send; a fresh one when the caller needs none of it.</param>
    /// <exception cref="WorkflowConflictException">The instance is not waiting, or waits on another bookmark.</exception>
    public void Resume(
        WorkflowDefinition definition,
        WorkflowInstance instance,
        TaskAction action,
        DateTimeOffset now,
        StepScope? step = null)
    {
        if (instance.Status != InstanceStatus.Suspended || instance.CurrentNodeId is null)
        {
            throw new WorkflowConflictException(
                $"Ticket {instance.Ticket.Number} is not waiting for an action (workflow {instance.Status}).");
        }

        if (action.BookmarkId is { } expected && expected != instance.BookmarkId)
        {
            throw new WorkflowConflictException(
                $"Bookmark {expected} of ticket {instance.Ticket.Number} was already taken; it now waits at "
                + $"'{instance.CurrentNodeId}' (bookmark {instance.BookmarkId}).");
        }

        step ??= new StepScope();
        var node = definition.Node(instance.CurrentNodeId);
        var result = Run(definition, instance, node, action, now, step, c => _catalog.Get(node.Type).Resume(c));
        Continue(definition, instance, node, result, action, now, step);
    }

    private void Continue(
        WorkflowDefinition definition,
        WorkflowInstance instance,
        NodeDefinition node,
        ActivityResult result,
        TaskAction? action,
        DateTimeOffset now,
        StepScope step)
    {
        for (var passed = 0; passed < MaxNodesPerStep; passed++)
        {
            if (result.Bookmark is { } bookmark)
            {
                instance.Suspend(bookmark, now);
                return;
            }

            if (node.Type == "end")
            {
                instance.Complete(now);
                return;
            }

            var nextId = definition.Next(node.Id, result.Outcome!)
                ?? throw new WorkflowException(
                    $"Workflow '{definition.Id}' v{instance.DefinitionVersion}: outcome '{result.Outcome}' of node "
                    + $"'{node.Id}' leads nowhere.");

            node = definition.Node(nextId);
            instance.MoveTo(node.Id, now);
            var current = node;
            result = Run(
                definition,
                instance,
                current,
                action,
                now,
                step,
                c => _catalog.Get(current.Type).Execute(c));
        }

        throw new WorkflowException(
            $"Workflow '{definition.Id}' v{instance.DefinitionVersion} passed {MaxNodesPerStep} nodes without "
            + "reaching a task, a timer or an end; it has a loop with no way out.");
    }

    private ActivityResult Run(
        WorkflowDefinition definition,
        WorkflowInstance instance,
        NodeDefinition node,
        TaskAction? action,
        DateTimeOffset now,
        StepScope scope,
        Func<ActivityContext, ActivityResult> step)
    {
        var snapshot = TicketCatalog.Current;
        var context = new ActivityContext
        {
            Ticket = instance.Ticket,
            Node = node,
            Instance = instance,
            Scripts = definition.ScriptSources.Count == 0 ? Scripting.CompiledScripts.None : definition.Scripts,
            SlaPolicy = Sla?.Policy,
            PriorityScheme = snapshot.Scheme,
            Categories = snapshot.Categories,
            Now = now,
            Action = action,
            Rules = Rules?.Current,
            Directory = Rules?.Directory,
            Step = scope,
        };

        var result = step(context);

        // The SLA changes a node causes (new due times after a new priority, a pause on hold) join its entry.
        var at = action?.At ?? now;
        Sla?.Update(instance.Ticket, at, definition.Sla);

        var reason = $"workflow {instance.DefinitionId} v{instance.DefinitionVersion}, node '{node.Id}'"
            + (action?.Comment is { } comment ? $": {comment}" : "")
            + (context.Reasons.Count > 0 ? $"; {string.Join(", ", context.Reasons)}" : "");
        instance.Ticket.AppendJournal(context.Actor, JournalAction(node), reason, at, context.AlwaysJournal);
        return result;
    }

    private static string JournalAction(NodeDefinition node) =>
        node.Type == "transition" ? node.Text("action") ?? node.Type : node.Type;
}
