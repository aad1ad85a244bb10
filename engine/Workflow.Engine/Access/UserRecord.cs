namespace Workflow.Engine.Access;

/// <summary>
/// A person who signs in with a user name and password. Only a salted PBKDF2 hash of the password is stored.
/// </summary>
public sealed class UserRecord
{
    public long Id { get; set; }

    /// <summary>Lower-case and unique; the journal names the user by it and a reporter's tickets carry it.</summary>
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public ApiRole Role { get; set; }

    /// <summary>See <see cref="PasswordHashing"/> for the format.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>
    /// Changes whenever the password is reset or the user is disabled, so sessions begun before no longer pass.
    /// </summary>
    public string SessionStamp { get; set; } = "";

    public bool Disabled { get; set; }

    /// <summary>Wrong passwords since <see cref="FailedSince"/>; reset by a successful sign-in.</summary>
    public int FailedAttempts { get; set; }

    public DateTimeOffset? FailedSince { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? LastSignInAt { get; set; }
}
