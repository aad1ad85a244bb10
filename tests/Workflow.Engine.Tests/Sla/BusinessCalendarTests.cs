using Workflow.Engine.Sla;

namespace Workflow.Engine.Tests.Sla;

public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private static BusinessCalendar Office(params DateOnly[] holidays) => new(
        "office",
        Amsterdam,
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(d => d, _ => new WorkingHours(TimeSpan.FromHours(8), TimeSpan.FromHours(18))),
        holidays);

    private static BusinessCalendar Nights() => new(
        "nights",
        Amsterdam,
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => new WorkingHours(TimeSpan.Zero, TimeSpan.FromHours(4))),
        []);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void AddWorkingTime_FromFridayAfternoon_ContinuesOnMonday()
    {
        var friday1700Local = Utc(3, 6, 16);

        var due = Office().AddWorkingTime(friday1700Local, TimeSpan.FromHours(3));

        Assert.Equal(Utc(3, 9, 9), due);
    }

    [Fact]
    public void AddWorkingTime_AcrossTheSpringChange_StartsMondayAtEightSummerTime()
    {
        var friday1700Winter = Utc(3, 27, 16);

        var due = Office().AddWorkingTime(friday1700Winter, TimeSpan.FromHours(2));

        Assert.Equal(Utc(3, 30, 7), due);
    }

    [Fact]
    public void AddWorkingTime_OverAHoliday_SkipsIt()
    {
        var thursday1700 = Utc(12, 24, 16);

        var due = Office(new DateOnly(2026, 12, 25)).AddWorkingTime(thursday1700, TimeSpan.FromHours(2));

        Assert.Equal(Utc(12, 28, 8), due);
    }

    [Fact]
    public void AddWorkingTime_StartingOutsideHours_CountsFromTheNextOpening()
    {
        var tuesday0600Local = Utc(3, 3, 5);

        var due = Office().AddWorkingTime(tuesday0600Local, TimeSpan.FromMinutes(30));

        Assert.Equal(Utc(3, 3, 7, 30), due);
    }

    [Fact]
    public void WorkingTime_OverAWeek_CountsOnlyOfficeHours()
    {
        var monday = Utc(3, 2, 7);

        var worked = Office().WorkingTime(monday, monday.AddDays(7));

        Assert.Equal(TimeSpan.FromHours(50), worked);
    }

    [Fact]
    public void WorkingTime_NightShiftOnTheSpringChange_LosesTheSkippedHour()
    {
        var from = Utc(3, 28, 12);

        var worked = Nights().WorkingTime(from, Utc(3, 29, 12));

        Assert.Equal(TimeSpan.FromHours(3), worked);
    }

    [Fact]
    public void WorkingTime_NightShiftOnTheAutumnChange_CountsTheRepeatedHourOnce()
    {
        var from = Utc(10, 24, 12);

        var worked = Nights().WorkingTime(from, Utc(10, 25, 12));

        Assert.Equal(TimeSpan.FromHours(5), worked);
    }

    [Fact]
    public void WorkingTime_IsTheInverseOfAddWorkingTime()
    {
        var calendar = Office(new DateOnly(2026, 3, 4));
        var from = Utc(3, 2, 15, 20);

        var due = calendar.AddWorkingTime(from, TimeSpan.FromHours(27.5));

        Assert.Equal(TimeSpan.FromHours(27.5), calendar.WorkingTime(from, due));
    }

    [Fact]
    public void AlwaysOpen_OverTheSpringChange_CountsElapsedTime()
    {
        var calendar = BusinessCalendar.AlwaysOpen();
        var from = Utc(3, 28, 22);

        var due = calendar.AddWorkingTime(from, TimeSpan.FromHours(4));

        Assert.Equal(Utc(3, 29, 2), due);
        Assert.True(calendar.IsAlwaysOpen);
    }

    [Fact]
    public void AddWorkingTime_CalendarWithoutWorkingDays_Throws()
    {
        var calendar = new BusinessCalendar("never", Amsterdam, new Dictionary<DayOfWeek, WorkingHours>(), []);

        var error = Assert.Throws<InvalidOperationException>(
            () => calendar.AddWorkingTime(Utc(3, 2, 9), TimeSpan.FromHours(1)));

        Assert.Contains("'never'", error.Message);
    }
}
