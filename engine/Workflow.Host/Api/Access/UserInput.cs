using System.Text.RegularExpressions;
using Workflow.Engine.Validation;

namespace Workflow.Host.Api.Access;

/// <summary>The rules for user names, display names and passwords, each broken rule named in the error.</summary>
internal static partial class UserInput
{
    public const int MaxUserName = 100;
    public const int MaxDisplayName = 100;
    public const int MinPassword = 12;
    public const int MaxPassword = 256;

    public static void CheckUserName(List<FieldError> errors, string userName)
    {
        if (userName.Length == 0)
        {
            errors.Add(new("userName", "is required."));
        }
        else if (userName.Length > MaxUserName)
        {
            errors.Add(new("userName", $"is {userName.Length:N0} characters long; at most {MaxUserName} are allowed."));
        }
        else if (!UserNamePattern().IsMatch(userName))
        {
            errors.Add(new(
                "userName",
                "may hold only lower-case letters a-z, digits and . _ @ -, starting with a letter or digit."));
        }
        else if (Actors.Check(userName) is { } problem)
        {
            errors.Add(new("userName", problem));
        }
    }

    public static void CheckDisplayName(List<FieldError> errors, string? displayName, bool required)
    {
        if (displayName is null && !required)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            errors.Add(new("displayName", "is required."));
            return;
        }

        TextInput.Check(errors, "displayName", displayName, MaxDisplayName);
    }

    /// <summary>Length is what makes a password hard to guess, so length is all that is asked.</summary>
    public static void CheckPassword(List<FieldError> errors, string? password, string userName, bool required)
    {
        if (password is null && !required)
        {
            return;
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new("password", $"is required: at least {MinPassword} characters."));
        }
        else if (string.IsNullOrWhiteSpace(password))
        {
            errors.Add(new("password", "is only spaces."));
        }
        else if (password.Length < MinPassword)
        {
            errors.Add(new("password", $"is {password.Length} characters long; at least {MinPassword} are required."));
        }
        else if (password.Length > MaxPassword)
        {
            errors.Add(new("password", $"is {password.Length:N0} characters long; at most {MaxPassword} are allowed."));
        }
        else if (password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new("password", "must not contain the user name."));
        }
        else if (password.Any(char.IsControl))
        {
            errors.Add(new("password", "holds a control character."));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._@-]*$")]
    private static partial Regex UserNamePattern();
}
