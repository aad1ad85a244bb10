using System.Globalization;
using System.Xml;
using Workflow.Engine.Validation;
using Workflow.Sdk.Tickets;
using static Workflow.Engine.Sla.SlaPolicyDocument;

namespace Workflow.Engine.Sla;

/// <summary>Reads an SLA policy file and refuses it whole, naming every field that is wrong.</summary>
public static class SlaPolicyLoader
{
    /// <summary>The policy shipped with the product, or the file at <paramref name="path"/> when one is named.</summary>
    /// <exception cref="ValidationException">
    /// The file is missing, not JSON, or names something that does not exist.
    /// </exception>
    public static SlaPolicy Resolve(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            using var shipped = Resources.Open("sla.default.json");
            return Load(shipped, "sla.default.json");
        }

        if (!File.Exists(path))
        {
            throw new ValidationException("slaFile", $"'{path}' does not exist.");
        }

        using var file = File.OpenRead(path);
        return Load(file, path);
    }

    public static SlaPolicy Load(Stream json, string source)
    {
        var document = JsonInput.Read<SlaPolicyDocument>(json, source);
        return Validate(document ?? new SlaPolicyDocument());
    }

    private static SlaPolicy Validate(SlaPolicyDocument doc)
    {
        var errors = new List<FieldError>();

        var share = doc.WarningShare ?? 0.75;
        if (share is <= 0 or >= 1)
        {
            errors.Add(new("warningShare", $"{share} must lie between 0 and 1, for example 0.75."));
        }

        var pauseOn = Names<HoldReason>(errors, "pauseOn", doc.PauseOn ?? []);
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.OrdinalIgnoreCase);
        foreach (var (calendar, i) in (doc.Calendars ?? []).Select((c, i) => (c, i)))
        {
            if (Calendar(errors, $"calendars[{i}]", calendar) is { } built)
            {
                calendars[built.Name] = built;
            }
        }

        var targets = new List<SlaTarget>();
        foreach (var (target, i) in (doc.Targets ?? []).Select((t, i) => (t, i)))
        {
            if (Target(errors, $"targets[{i}]", target, calendars) is { } built)
            {
                targets.Add(built);
            }
        }

        var priorities = targets.GroupBy(t => t.Priority, StringComparer.OrdinalIgnoreCase);
        foreach (var twice in priorities.Where(g => g.Count() > 1))
        {
            errors.Add(new("targets", $"priority '{twice.Key}' has more than one target."));
        }

        var escalation = doc.Escalation ?? new EscalationDocument();
        var onWarning = Names<EscalationAction>(errors, "escalation.onWarning", escalation.OnWarning ?? []);
        var onBreach = Names<EscalationAction>(errors, "escalation.onBreach", escalation.OnBreach ?? []);
        var tiers = escalation.Tiers ?? [];
        var reassigns = onWarning.Contains(EscalationAction.Reassign) || onBreach.Contains(EscalationAction.Reassign);
        if (reassigns && tiers.Count == 0)
        {
            errors.Add(new("escalation.tiers", "must list the support groups when an escalation reassigns."));
        }

        var unassigned = doc.RaiseUrgencyWhenUnassignedFor is { } after
            ? Duration(errors, "raiseUrgencyWhenUnassignedFor", after)
            : (TimeSpan?)null;
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return new SlaPolicy(targets, share, pauseOn, onWarning, onBreach, tiers, unassigned);
    }

    private static BusinessCalendar? Calendar(List<FieldError> errors, string path, CalendarDocument doc)
    {
        if (string.IsNullOrWhiteSpace(doc.Name))
        {
            errors.Add(new($"{path}.name", "is required."));
            return null;
        }

        if (doc.Always)
        {
            return BusinessCalendar.AlwaysOpen(doc.Name);
        }

        TimeZoneInfo? zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(doc.Zone ?? "");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add(new($"{path}.zone", $"'{doc.Zone}' is not a known time zone such as Europe/Amsterdam."));
        }

        var hours = new Dictionary<DayOfWeek, WorkingHours>();
        foreach (var (day, text) in doc.Hours ?? [])
        {
            if (!Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var weekday))
            {
                errors.Add(new($"{path}.hours.{day}", "is not a weekday name."));
            }
            else if (Hours(text) is { } parsed)
            {
                hours[weekday] = parsed;
            }
            else
            {
                errors.Add(new($"{path}.hours.{day}", $"'{text}' is not a span like 08:00-18:00."));
            }
        }

        if (hours.Count == 0)
        {
            errors.Add(new($"{path}.hours", "must name at least one working day, or set always: true."));
        }

        var holidays = new List<DateOnly>();
        foreach (var (text, i) in (doc.Holidays ?? []).Select((h, i) => (h, i)))
        {
            var culture = CultureInfo.InvariantCulture;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", culture, DateTimeStyles.None, out var date))
            {
                holidays.Add(date);
            }
            else
            {
                errors.Add(new($"{path}.holidays[{i}]", $"'{text}' is not a date like 2026-12-25."));
            }
        }

        return zone is null || hours.Count == 0 ? null : new BusinessCalendar(doc.Name, zone, hours, holidays);
    }

    private static SlaTarget? Target(
        List<FieldError> errors,
        string path,
        TargetDocument doc,
        Dictionary<string, BusinessCalendar> calendars)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(doc.Priority))
        {
            errors.Add(new($"{path}.priority", "is required."));
        }

        var response = Duration(errors, $"{path}.response", doc.Response);
        var resolution = Duration(errors, $"{path}.resolution", doc.Resolution);
        if (!calendars.TryGetValue(doc.Calendar ?? "", out var calendar))
        {
            errors.Add(new($"{path}.calendar", $"'{doc.Calendar}' is not one of the calendars listed."));
        }

        return errors.Count == before ? new SlaTarget(doc.Priority!, response, resolution, calendar!) : null;
    }

    private static TimeSpan Duration(List<FieldError> errors, string path, string? text)
    {
        try
        {
            var duration = XmlConvert.ToTimeSpan(text ?? "");
            if (duration > TimeSpan.Zero)
            {
                return duration;
            }
        }
        catch (FormatException)
        {
        }

        errors.Add(new(path, $"'{text}' is not an ISO 8601 duration above zero, such as PT4H."));
        return TimeSpan.Zero;
    }

    private static WorkingHours? Hours(string text)
    {
        var parts = text.Split('-');
        if (parts.Length != 2
            || !TimeSpan.TryParseExact(parts[0].Trim(), @"hh\:mm", CultureInfo.InvariantCulture, out var start)
            || !TimeOfDay(parts[1].Trim(), out var end)
            || end <= start)
        {
            return null;
        }

        return new WorkingHours(start, end);
    }

    private static bool TimeOfDay(string text, out TimeSpan value)
    {
        if (text == "24:00")
        {
            value = TimeSpan.FromHours(24);
            return true;
        }

        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out value);
    }

    private static List<T> Names<T>(List<FieldError> errors, string path, List<string> names)
        where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            if (Enum.TryParse<T>(name, ignoreCase: true, out var value) && !int.TryParse(name, out _))
            {
                values.Add(value);
            }
            else
            {
                errors.Add(new($"{path}[{i}]", $"'{name}' is not one of {string.Join(", ", Enum.GetNames<T>())}."));
            }
        }

        return values;
    }
}
