namespace Workflow.Engine.Sla;

/// <summary>The hours of one weekday the desk works, in the calendar's zone; <see cref="End"/> may be 24:00.</summary>
public sealed record WorkingHours(TimeSpan Start, TimeSpan End)
{
    public static readonly WorkingHours AllDay = new(TimeSpan.Zero, TimeSpan.FromHours(24));
}
