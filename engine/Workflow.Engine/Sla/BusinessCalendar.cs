namespace Workflow.Engine.Sla;

/// <summary>
/// When the desk works: hours per weekday and holidays, both read in one time zone. All arithmetic takes
/// and returns UTC instants, so a daylight-saving change neither skips nor repeats a due time: the zone only
/// decides where each working day begins and ends. Immutable and thread-safe.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>How far <see cref="AddWorkingTime"/> looks for working time before it gives up.</summary>
    private const int MaxDaysSearched = 3 * 366;

    private readonly IReadOnlyDictionary<DayOfWeek, WorkingHours> _hours;
    private readonly HashSet<DateOnly> _holidays;

    /// <param name="name">What the policy document calls it.</param>
    /// <param name="zone">The zone in which hours and holidays are read.</param>
    /// <param name="hours">The working hours of each working weekday; absent days are not worked.</param>
    /// <param name="holidays">Dates (in <paramref name="zone"/>) on which nobody works.</param>
    public BusinessCalendar(
        string name,
        TimeZoneInfo zone,
        IReadOnlyDictionary<DayOfWeek, WorkingHours> hours,
        IEnumerable<DateOnly> holidays)
    {
        Name = name;
        Zone = zone;
        _hours = hours;
        _holidays = [.. holidays];
        IsAlwaysOpen = _holidays.Count == 0
            && Enum.GetValues<DayOfWeek>().All(d => _hours.GetValueOrDefault(d) == WorkingHours.AllDay);
    }

    /// <summary>Every hour of every day counts: plain elapsed time.</summary>
    public static BusinessCalendar AlwaysOpen(string name = "24x7") => new(
        name,
        TimeZoneInfo.Utc,
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => WorkingHours.AllDay),
        []);

    public string Name { get; }

    public TimeZoneInfo Zone { get; }

    public bool IsAlwaysOpen { get; }

    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    /// <summary>The working time between two instants; zero when <paramref name="to"/> is not later.</summary>
    public TimeSpan WorkingTime(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (IsAlwaysOpen)
        {
            return to - from;
        }

        var total = TimeSpan.Zero;
        var last = LocalDate(to).AddDays(1);
        for (var day = LocalDate(from).AddDays(-1); day <= last; day = day.AddDays(1))
        {
            if (Interval(day) is { } open)
            {
                var start = open.Start > from ? open.Start : from;
                var end = open.End < to ? open.End : to;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>The instant at which <paramref name="amount"/> of working time has passed since <paramref name="from"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The calendar has no working time for years ahead.</exception>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan amount)
    {
        from = from.ToUniversalTime();
        if (IsAlwaysOpen || amount <= TimeSpan.Zero)
        {
            return from + (amount > TimeSpan.Zero ? amount : TimeSpan.Zero);
        }

        var left = amount;
        var first = LocalDate(from).AddDays(-1);
        for (var day = first; day <= first.AddDays(MaxDaysSearched); day = day.AddDays(1))
        {
            if (Interval(day) is not { } open || open.End <= from)
            {
                continue;
            }

            var start = open.Start > from ? open.Start : from;
            var available = open.End - start;
            if (available >= left)
            {
                return start + left;
            }

            left -= available;
        }

        throw new InvalidOperationException(
            $"Calendar '{Name}' has no working time in the {MaxDaysSearched} days after {from:O}.");
    }

    /// <summary>Whether <paramref name="at"/> falls inside working hours.</summary>
    public bool IsWorking(DateTimeOffset at) =>
        IsAlwaysOpen || Interval(LocalDate(at)) is { } open && open.Start <= at && at < open.End;

    private DateOnly LocalDate(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>The working interval of one local date as UTC instants, or null on a day off.</summary>
    private (DateTimeOffset Start, DateTimeOffset End)? Interval(DateOnly day)
    {
        if (_holidays.Contains(day) || !_hours.TryGetValue(day.DayOfWeek, out var hours) || hours.End <= hours.Start)
        {
            return null;
        }

        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return (ToUtc(midnight + hours.Start, earliest: true), ToUtc(midnight + hours.End, earliest: false));
    }

    /// <summary>
    /// A local wall-clock time as an instant. A time the spring change skips becomes the moment the clocks jump;
    /// a time the autumn change repeats becomes its first occurrence for a start and its second for an end, so
    /// a working day is never cut short by the change.
    /// </summary>
    private DateTimeOffset ToUtc(DateTime local, bool earliest)
    {
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = Zone.IsAmbiguousTime(local)
            ? earliest ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetAmbiguousTimeOffsets(local).Min()
            : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
