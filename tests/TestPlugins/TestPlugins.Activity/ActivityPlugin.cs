using Workflow.Sdk.Activities;
using Workflow.Sdk.Plugins;

namespace TestPlugins.Activity;

/// <summary>Adds an activity whose type, <c>categorise</c>, is one the host has built in.</summary>
public sealed class ActivityPlugin : IPlugin
{
    public PluginInfo Info { get; } = new("Activity", "1.0.0", "Takes a built-in activity type.");

    public void Register(IPluginRegistry registry, PluginContext context) => registry.AddActivity(new Categorise());

    private sealed class Categorise : IWorkflowActivity
    {
        public ActivityDescription Description { get; } =
            new("categorise", "Categorise again", "categorisation", "Clashes with the host.", [], ["done"]);

        public ActivityOutcome Execute(ActivityInvocation invocation) => new("done");
    }
}
