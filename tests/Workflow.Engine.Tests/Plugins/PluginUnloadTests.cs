using System.Runtime.CompilerServices;
using Workflow.Engine.Plugins;
using Workflow.Engine.Rules;
using Workflow.Engine.Tests.Rules;
using Workflow.Sdk.Rules;

namespace Workflow.Engine.Tests.Plugins;

/// <summary>Forces full collections, so it runs with the other tests that must run alone.</summary>
[Collection(IsolatedRulesCollection.Name)]
public sealed class PluginUnloadTests
{
    [Fact]
    public void Unload_PluginWhoseRulesWereUsed_ItsContextIsCollected()
    {
        using var folders = new TestPluginFolders("TestPlugins.Good");

        var (context, category) = LoadUseAndUnload(folders.Path);
        Collect();

        Assert.Equal("Telephony", category);
        Assert.False(context.IsAlive);
    }

    [Fact]
    public void Unload_RulesStillInForce_KeepTheContextUntilTheyAreDropped()
    {
        using var folders = new TestPluginFolders("TestPlugins.Good");
        var engines = new List<RuleEngine>();

        var context = LoadAndUnloadKeepingRules(folders.Path, engines);
        Collect();
        var aliveWhileHeld = context.IsAlive;
        engines.Clear();
        Collect();

        Assert.True(aliveWhileHeld);
        Assert.False(context.IsAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Context, string? Category) LoadUseAndUnload(string directory)
    {
        var set = PluginLoader.LoadAll(directory, TestPluginFolders.Context);
        var context = Assert.Single(set.Loaded).TrackContext();
        var evaluation = RuleEngine.Build(set.Rules, [], "plugins")
            .Evaluate(new TicketFact("T1") { Subject = "extension 12 rings forever" });

        set.Unload();
        return (context, evaluation.Fact.Category);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadAndUnloadKeepingRules(string directory, List<RuleEngine> engines)
    {
        var set = PluginLoader.LoadAll(directory, TestPluginFolders.Context);
        var context = Assert.Single(set.Loaded).TrackContext();
        engines.Add(RuleEngine.Build(set.Rules, [], "plugins"));

        set.Unload();
        return context;
    }

    /// <summary>Unloading takes a few collections: the context's finalizer runs before its memory goes.</summary>
    private static void Collect()
    {
        for (var i = 0; i < 10; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }
}
