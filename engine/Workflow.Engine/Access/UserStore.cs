using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Storage;

namespace Workflow.Engine.Access;

/// <summary>
/// Users who sign in with a password: creating, changing and listing them, checking a password with lockout after
/// repeated failures, and telling whether a session begun earlier still stands. The caller validates the input.
/// Thread-safe.
/// </summary>
public sealed class UserStore(WorkflowDbContextFactory contexts, TimeProvider time)
{
    /// <summary>Wrong passwords within <see cref="FailureWindow"/> that lock the account.</summary>
    public const int MaxFailures = 5;

    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan LockoutFor = TimeSpan.FromMinutes(15);

    /// <summary>Each round of saves racing on one user lets one through, so this covers ten at once.</summary>
    private const int MaxRecordAttempts = 10;

    /// <exception cref="InvalidOperationException">A user of that name exists already.</exception>
    public async Task<UserRecord> CreateAsync(
        string userName,
        string displayName,
        ApiRole role,
        string password,
        string createdBy,
        CancellationToken cancellationToken = default)
    {
        var record = new UserRecord
        {
            UserName = userName,
            DisplayName = displayName,
            Role = role,
            PasswordHash = PasswordHashing.Hash(password),
            SessionStamp = NewStamp(),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = createdBy,
        };

        await using var db = contexts.Create();
        if (await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken))
        {
            throw Taken(userName);
        }

        db.Users.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone created the same name between the check and the insert; the unique index refused this one.
            throw Taken(userName);
        }

        return record;
    }

    public async Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        return await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Changes what is given (null leaves a field as it is). A new password or disabling ends the user's
    /// sessions; a new password also lifts a lockout.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such user.</exception>
    public async Task<UserRecord> UpdateAsync(
        string userName,
        ApiRole? role,
        string? displayName,
        bool? disabled,
        string? password,
        CancellationToken cancellationToken = default)
    {
        var hash = password is null ? null : PasswordHashing.Hash(password);
        return await RetryOnRaceAsync(() => ApplyAsync(userName, role, displayName, disabled, hash, cancellationToken));
    }

    private async Task<UserRecord> ApplyAsync(
        string userName,
        ApiRole? role,
        string? displayName,
        bool? disabled,
        string? passwordHash,
        CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var record = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no user '{userName}'.");

        record.Role = role ?? record.Role;
        record.DisplayName = displayName ?? record.DisplayName;
        if (disabled is { } off && off != record.Disabled)
        {
            record.Disabled = off;
            record.SessionStamp = NewStamp();
        }

        if (passwordHash is not null)
        {
            record.PasswordHash = passwordHash;
            record.SessionStamp = NewStamp();
            record.FailedAttempts = 0;
            record.FailedSince = null;
            record.LockedUntil = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>
    /// The user when the password is right and the account is enabled and not locked; otherwise null, without
    /// saying which, so a guesser learns nothing. A wrong password counts toward the lockout.
    /// </summary>
    public async Task<UserRecord?> SignInAsync(
        string userName,
        string password,
        CancellationToken cancellationToken = default)
    {
        string? checkedHash;
        await using (var db = contexts.Create())
        {
            checkedHash = await db.Users.AsNoTracking().Where(u => u.UserName == userName)
                .Select(u => u.PasswordHash).SingleOrDefaultAsync(cancellationToken);
        }

        // An unknown name costs as long as a known one, so the time taken does not tell them apart.
        var matches = PasswordHashing.Verify(password, checkedHash ?? PasswordHashing.Decoy);
        if (checkedHash is null)
        {
            return null;
        }

        return await RetryOnRaceAsync(() => RecordAttemptAsync(userName, checkedHash, matches, cancellationToken));
    }

    /// <summary>
    /// Ends every session of the user by changing their stamp, so a copy of a cookie is worthless after sign-out.
    /// </summary>
    public Task EndSessionsAsync(string userName, CancellationToken cancellationToken = default) =>
        RetryOnRaceAsync(async () =>
        {
            await using var db = contexts.Create();
            var record = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
            if (record is not null)
            {
                record.SessionStamp = NewStamp();
                await db.SaveChangesAsync(cancellationToken);
            }

            return record;
        });

    /// <summary>The user behind a session when it still stands: enabled, and its stamp not changed since.</summary>
    public async Task<UserRecord?> FindSessionUserAsync(
        string userName,
        string sessionStamp,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(
            u => u.UserName == userName && u.SessionStamp == sessionStamp && !u.Disabled,
            cancellationToken);
    }

    private async Task<UserRecord?> RecordAttemptAsync(
        string userName,
        string checkedHash,
        bool matches,
        CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var record = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        var now = time.GetUtcNow();

        // A password reset between the check and now means the checked hash no longer decides.
        if (record is null || record.Disabled || record.LockedUntil > now || record.PasswordHash != checkedHash)
        {
            return null;
        }

        if (matches)
        {
            record.FailedAttempts = 0;
            record.FailedSince = null;
            record.LastSignInAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return record;
        }

        if (record.FailedSince is null || record.FailedSince <= now - FailureWindow)
        {
            record.FailedAttempts = 0;
            record.FailedSince = now;
        }

        record.FailedAttempts++;
        if (record.FailedAttempts >= MaxFailures)
        {
            record.LockedUntil = now + LockoutFor;
            record.FailedAttempts = 0;
            record.FailedSince = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Runs a read and save again when a sign-in changed the failure count in between: the count is a
    /// concurrency token, so wrong passwords sent at once each count instead of all counting from one number.
    /// </summary>
    private static async Task<T> RetryOnRaceAsync<T>(Func<Task<T>> readAndSave)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await readAndSave();
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxRecordAttempts)
            {
            }
        }
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static InvalidOperationException Taken(string userName) =>
        new($"A user named '{userName}' exists already.");
}
