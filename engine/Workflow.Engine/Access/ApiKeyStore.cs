using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Storage;

namespace Workflow.Engine.Access;

/// <summary>
/// Issues, checks and revokes API keys. A key is shown once, when it is issued; only its hash is stored.
/// Checked keys are remembered for a short while so that a busy integration does not cost a query per request.
/// Thread-safe.
/// </summary>
public sealed class ApiKeyStore(WorkflowDbContextFactory contexts, TimeProvider time)
{
    /// <summary>How long a checked key is trusted without asking the database again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>The name of the key a fresh installation prints on its first start.</summary>
    public const string FirstAdministrator = "administrator";

    private const string Prefix = "wfk_";

    private readonly ConcurrentDictionary<string, (ApiKeyRecord? Key, DateTimeOffset Until)> _checked = new();

    /// <summary>Creates a key and returns it in clear text, together with what is stored about it.</summary>
    public async Task<(string Key, ApiKeyRecord Record)> IssueAsync(
        string name,
        ApiRole role,
        string? userName,
        string createdBy,
        CancellationToken cancellationToken = default)
    {
        var key = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var record = new ApiKeyRecord
        {
            Name = name,
            Role = role,
            UserName = userName,
            Hash = HashOf(key),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = createdBy,
        };

        await using var db = contexts.Create();
        db.ApiKeys.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return (key, record);
    }

    /// <summary>
    /// Issues the first administrator key when the installation has no key at all; null when it has one.
    /// </summary>
    public async Task<string?> EnsureFirstKeyAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = contexts.Create())
        {
            if (await db.ApiKeys.AnyAsync(cancellationToken))
            {
                return null;
            }
        }

        var (key, _) = await IssueAsync(FirstAdministrator, ApiRole.Administrator, null, "system", cancellationToken);
        return key;
    }

    /// <summary>The key's record when the key exists and is not revoked; otherwise null.</summary>
    public async Task<ApiKeyRecord?> CheckAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return null;
        }

        var hash = HashOf(key);
        var now = time.GetUtcNow();
        if (_checked.TryGetValue(hash, out var known) && known.Until > now)
        {
            return known.Key;
        }

        await using var db = contexts.Create();
        var record = await db.ApiKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
        _checked[hash] = (record, now + CacheFor);
        return record;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes a key; this host stops accepting it at once.</summary>
    /// <exception cref="KeyNotFoundException">No such key.</exception>
    public async Task<ApiKeyRecord> RevokeAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var record = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no API key {id}.");

        record.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        _checked.TryRemove(record.Hash, out _);
        return record;
    }

    private static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
