using Microsoft.Extensions.Time.Testing;
using Workflow.Engine.Access;
using Workflow.Testing;

namespace Workflow.Engine.Tests.Access;

/// <summary>
/// Sign-in with lockout: wrong passwords sent at once are each counted, and a session stamp changes when a
/// session must end.
/// </summary>
public sealed class UserStoreTests
{
    private const string Password = "a long passphrase";

    [SkippableTheory, StorageProviders]
    public async Task SignIn_FiveWrongPasswordsAtOnce_EachCountsAndTheAccountLocks(string provider)
    {
        await using var test = await TestEngine.StartAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var store = new UserStore(test.Engine.Contexts, clock);
        await store.CreateAsync("andy", "Andy", ApiRole.Agent, Password, "test");

        var wrong = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => store.SignInAsync("andy", $"wrong {i}")));
        var right = await store.SignInAsync("andy", Password);

        Assert.All(wrong, Assert.Null);
        Assert.Null(right);
        var stored = Assert.Single(await store.ListAsync());
        Assert.Equal(clock.GetUtcNow() + UserStore.LockoutFor, stored.LockedUntil);
    }

    [SkippableTheory, StorageProviders]
    public async Task UpdateAsync_NewPassword_ChangesTheStampAndLiftsTheLockout(string provider)
    {
        await using var test = await TestEngine.StartAsync(provider);
        var store = new UserStore(test.Engine.Contexts, new FakeTimeProvider());
        var created = await store.CreateAsync("andy", "Andy", ApiRole.Agent, Password, "test");
        for (var i = 0; i < UserStore.MaxFailures; i++)
        {
            await store.SignInAsync("andy", "wrong password");
        }

        var updated = await store.UpdateAsync("andy", null, null, null, "another long passphrase");
        var signedIn = await store.SignInAsync("andy", "another long passphrase");

        Assert.NotEqual(created.SessionStamp, updated.SessionStamp);
        Assert.Null(await store.FindSessionUserAsync("andy", created.SessionStamp));
        Assert.NotNull(signedIn);
    }
}
