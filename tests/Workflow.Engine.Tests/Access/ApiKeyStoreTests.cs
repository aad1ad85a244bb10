using Microsoft.Extensions.Time.Testing;
using Workflow.Engine.Access;
using Workflow.Testing;

namespace Workflow.Engine.Tests.Access;

/// <summary>
/// API keys: the first start issues one administrator key and a later start none; a key is stored only as its
/// hash; a revoked key is refused at once.
/// </summary>
public sealed class ApiKeyStoreTests
{
    [SkippableTheory, StorageProviders]
    public async Task EnsureFirstKey_SecondStart_IssuesNoSecondKey(string provider)
    {
        await using var test = await TestEngine.StartAsync(provider);
        var store = new ApiKeyStore(test.Engine.Contexts, TimeProvider.System);

        var first = await store.EnsureFirstKeyAsync();
        var second = await store.EnsureFirstKeyAsync();

        Assert.NotNull(first);
        Assert.Null(second);
        var keys = await store.ListAsync();
        var only = Assert.Single(keys);
        Assert.Equal((ApiKeyStore.FirstAdministrator, ApiRole.Administrator), (only.Name, only.Role));
        Assert.DoesNotContain(first, only.Hash);
        Assert.Equal(64, only.Hash.Length);
    }

    [SkippableTheory, StorageProviders]
    public async Task Check_RevokedKey_IsRefusedAtOnceDespiteTheCache(string provider)
    {
        await using var test = await TestEngine.StartAsync(provider);
        var store = new ApiKeyStore(test.Engine.Contexts, new FakeTimeProvider());
        var (key, record) = await store.IssueAsync("desk", ApiRole.Agent, null, "admin");
        Assert.NotNull(await store.CheckAsync(key));

        await store.RevokeAsync(record.Id);

        Assert.Null(await store.CheckAsync(key));
    }

    [Fact]
    public async Task Check_KeyWithoutThePrefix_IsRefusedWithoutAQuery()
    {
        await using var test = await TestEngine.StartAsync(StorageProvider.Sqlite);
        var store = new ApiKeyStore(test.Engine.Contexts, TimeProvider.System);

        var checkedKey = await store.CheckAsync("not-a-key");

        Assert.Null(checkedKey);
    }
}
