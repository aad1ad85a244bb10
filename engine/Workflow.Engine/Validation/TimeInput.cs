using System.Globalization;
using System.Text.RegularExpressions;

namespace Workflow.Engine.Validation;

/// <summary>
/// Reads a point in time from text and turns it into UTC. Text without a UTC offset is ambiguous, so it is
/// refused unless a default zone was configured for the input it came from.
/// </summary>
public sealed partial class TimeInput(TimeZoneInfo? defaultZone)
{
    public TimeZoneInfo? DefaultZone { get; } = defaultZone;

    /// <summary>Looks a zone up by its IANA id (for example Europe/Amsterdam); empty means "no default zone".</summary>
    /// <exception cref="ValidationException">The id names no zone this machine knows.</exception>
    public static TimeInput ForZone(string? zoneId, string settingName)
    {
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            return new TimeInput(null);
        }

        try
        {
            return new TimeInput(TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ValidationException(
                settingName,
                $"'{zoneId}' is not a known IANA time zone id (for example Europe/Amsterdam or UTC).");
        }
    }

    /// <summary>Parses an ISO 8601 time such as <c>2026-03-01T09:30:00+01:00</c>.</summary>
    public DateTimeOffset Parse(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ValidationException(field, "a time is required.");
        }

        var match = IsoTime().Match(text.Trim());
        if (!match.Success
            || !DateTimeOffset.TryParse(
                match.Groups["offset"].Success ? text : text.Trim() + "Z",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var parsed))
        {
            throw new ValidationException(
                field,
                $"'{text}' is not a time in ISO 8601 form (for example 2026-03-01T09:30:00+01:00).");
        }

        return match.Groups["offset"].Success
            ? parsed.ToUniversalTime()
            : FromLocal(field, text, parsed.DateTime);
    }

    /// <summary>Places a wall-clock time without offset in the default zone.</summary>
    public DateTimeOffset FromLocal(string field, string text, DateTime wallClock)
    {
        if (DefaultZone is null)
        {
            throw new ValidationException(
                field,
                $"'{text}' has no UTC offset; give one (for example 'Z' or '+01:00') or configure a default zone.");
        }

        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);

        // A wall-clock time skipped by a daylight-saving jump does not exist; refusing it beats guessing.
        if (DefaultZone.IsInvalidTime(unspecified))
        {
            throw new ValidationException(
                field,
                $"'{text}' does not exist in {DefaultZone.Id} (skipped by a daylight-saving change).");
        }

        var offset = DefaultZone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }

    [GeneratedRegex(
        @"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(?<offset>Z|[+-]\d{2}:\d{2})?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IsoTime();
}
