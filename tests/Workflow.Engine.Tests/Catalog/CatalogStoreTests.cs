using Microsoft.Extensions.Time.Testing;
using Workflow.Engine.Catalog;
using Workflow.Engine.Priority;
using Workflow.Engine.Validation;
using Workflow.Testing;

namespace Workflow.Engine.Tests.Catalog;

/// <summary>
/// The stored category tree and priority scheme: seeded from the options on the first start, the newest version in
/// force afterwards, and taken up by a second engine on the same database when it refreshes.
/// </summary>
public sealed class CatalogStoreTests
{
    private const string Facilities = """{"categories": [{"name": "Facilities", "subcategories": ["Lighting"]}]}""";

    [SkippableTheory, StorageProviders]
    public async Task RefreshAsync_TreeSavedOnAnotherEngine_TakesItUp(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var test = await TestEngine.StartAsync(provider, clock);
        var other = await test.StartAnotherAsync(clock);
        await test.Engine.CatalogStore.SaveCategoriesAsync(Facilities, "owner", 1);

        var before = other.TicketCatalog.Current;
        var changed = await other.CatalogStore.RefreshAsync();

        Assert.False(before.Categories.Contains("Facilities", "Lighting"));
        Assert.True(changed);
        Assert.Equal(2, other.TicketCatalog.Current.CategoriesVersion);
        Assert.True(other.Categories.Contains("Facilities", "Lighting"));
        Assert.False(other.Categories.Contains("Network", null));
    }

    [SkippableTheory, StorageProviders]
    public async Task SaveCategoriesAsync_AnotherEngineSavedOnTheSameVersion_IsStaleAndStoresNothing(string provider)
    {
        await using var test = await TestEngine.StartAsync(provider);
        var other = await test.StartAnotherAsync();
        await other.CatalogStore.SaveCategoriesAsync(Facilities, "first", 1);

        var stale = await Assert.ThrowsAsync<StaleCatalogException>(
            () => test.Engine.CatalogStore.SaveCategoriesAsync(Facilities, "second", 1));

        var versions = await test.Engine.CatalogStore.VersionsAsync(CatalogStore.CategoriesKind);
        Assert.Equal(2, stale.Current);
        Assert.Equal(["system", "first"], versions.Select(v => v.SavedBy));
    }

    [Fact]
    public async Task StartAsync_NothingStored_StoresTheConfiguredSchemeAsVersion1()
    {
        await using var test = await TestEngine.StartAsync(
            StorageProvider.Sqlite,
            configure: o => o.PriorityScheme = "servicenow-incident");

        var versions = await test.Engine.CatalogStore.VersionsAsync(CatalogStore.SchemeKind);

        var stored = PrioritySchemeGrid.Parse(Assert.Single(versions).Json);
        Assert.Equal("servicenow-incident", stored.Id);
        Assert.Equal(1, test.Engine.TicketCatalog.Current.SchemeVersion);
        Assert.Equal("servicenow-incident", test.Engine.PriorityScheme.Id);
    }

    [Fact]
    public async Task StartAsync_SchemeStored_TheStoredSchemeWinsOverTheOptions()
    {
        await using var test = await TestEngine.StartAsync(StorageProvider.Sqlite);

        var restarted = await test.StartAnotherAsync(configure: o => o.PriorityScheme = "servicenow-incident");

        Assert.Equal("service-desk", restarted.PriorityScheme.Id);
    }

    [Fact]
    public async Task SaveSchemeAsync_MatrixRowTooShort_RefusedNamingTheRowAndKeepsTheScheme()
    {
        await using var test = await TestEngine.StartAsync(StorageProvider.Sqlite);
        var json = PrioritySchemeGrid.ToJson(test.Engine.PriorityScheme)
            .Replace("""["Medium","Low","Low"]""", """["Medium","Low"]""", StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => test.Engine.CatalogStore.SaveSchemeAsync(json, "owner", 1));

        Assert.Equal("matrix[2]", Assert.Single(refused.Errors).Field);
        Assert.Equal(1, test.Engine.TicketCatalog.Current.SchemeVersion);
        Assert.Single(await test.Engine.CatalogStore.VersionsAsync(CatalogStore.SchemeKind));
    }
}
