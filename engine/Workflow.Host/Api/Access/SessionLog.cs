namespace Workflow.Host.Api.Access;

/// <summary>What the host logs about sign-in and users; the category is <c>Workflow.Host.Access</c>.</summary>
internal static partial class SessionLog
{
    public const string Category = "Workflow.Host.Access";

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "User {UserName} signed in")]
    public static partial void SignedIn(ILogger logger, string userName);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Sign-in refused for {UserName}")]
    public static partial void Refused(ILogger logger, string userName);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "User {UserName} signed out")]
    public static partial void SignedOut(ILogger logger, string userName);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information,
        Message = "User {UserName} created with the role {Role} by {Actor}")]
    public static partial void Created(ILogger logger, string userName, string role, string actor);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information,
        Message = "User {UserName} changed by {Actor}: {Changes}")]
    public static partial void Changed(ILogger logger, string userName, string actor, string changes);
}
