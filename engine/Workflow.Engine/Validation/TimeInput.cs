using System.Globalization;

namespace Workflow.Engine.Validation;

/// <summary>
/// Reads a point in time from text and turns it into UTC. Text without a UTC offset is ambiguous, so it is
/// refused unless a default zone was configured for the input it came from.
/// </summary>
public sealed class TimeInput(TimeZoneInfo? defaultZone)
{
    public TimeZoneInfo? DefaultZone { get; } = defaultZone;

    /// <summary>Looks a zone up by its IANA or Windows id; null or empty means "no default zone".</summary>
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
            throw new ValidationException(settingName, $"'{zoneId}' is not a known time zone id.");
        }
    }

    /// <summary>Parses an ISO 8601 time such as <c>2026-03-01T09:30:00+01:00</c>.</summary>
    public DateTimeOffset Parse(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ValidationException(field, "a time is required.");
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            throw new ValidationException(field, $"'{text}' is not a time in ISO 8601 form.");
        }

        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            return FromLocal(field, text, parsed);
        }

        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None).ToUniversalTime();
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
}
