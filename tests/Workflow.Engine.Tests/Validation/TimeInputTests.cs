using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Validation;

public sealed class TimeInputTests
{
    private const string Field = "occurredAt";

    private static TimeInput Amsterdam() => TimeInput.ForZone("Europe/Amsterdam", "defaultZone");

    [Fact]
    public void Parse_OffsetGiven_ConvertsToUtc()
    {
        var input = new TimeInput(null);

        var time = input.Parse(Field, "2026-03-01T09:30:00+01:00");

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.Zero), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Fact]
    public void Parse_NegativeOffsetGiven_ConvertsToUtc()
    {
        var input = new TimeInput(null);

        var time = input.Parse(Field, "2026-03-01T22:15:00-05:00");

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 3, 15, 0, TimeSpan.Zero), time);
    }

    [Fact]
    public void Parse_ZuluSuffix_KeepsTheTimeInUtc()
    {
        var input = new TimeInput(null);

        var time = input.Parse(Field, "2026-03-01T09:30:00Z");

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Fact]
    public void Parse_NoOffsetWithoutDefaultZone_RefusedNamingTheField()
    {
        var input = new TimeInput(null);

        var ex = Assert.Throws<ValidationException>(() => input.Parse(Field, "2026-03-01T09:30:00"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(Field, error.Field);
        Assert.Equal(
            "'2026-03-01T09:30:00' has no UTC offset; give one (for example 'Z' or '+01:00') "
            + "or configure a default zone.",
            error.Message);
    }

    [Fact]
    public void Parse_NoOffsetInWinterWithZone_UsesStandardTime()
    {
        var input = Amsterdam();

        var time = input.Parse(Field, "2026-01-15T10:00:00");

        Assert.Equal(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Fact]
    public void Parse_NoOffsetInSummerWithZone_UsesDaylightSavingTime()
    {
        var input = Amsterdam();

        var time = input.Parse(Field, "2026-07-15T10:00:00");

        Assert.Equal(new DateTimeOffset(2026, 7, 15, 8, 0, 0, TimeSpan.Zero), time);
    }

    [Fact]
    public void Parse_OffsetGivenWithZone_TheOffsetWins()
    {
        var input = Amsterdam();

        var time = input.Parse(Field, "2026-07-15T10:00:00+00:00");

        Assert.Equal(new DateTimeOffset(2026, 7, 15, 10, 0, 0, TimeSpan.Zero), time);
    }

    [Fact]
    public void Parse_WallClockSkippedByDaylightSaving_RefusedNamingTheField()
    {
        var input = Amsterdam();

        var ex = Assert.Throws<ValidationException>(() => input.Parse(Field, "2026-03-29T02:30:00"));

        Assert.Equal(
            [
                new FieldError(
                    Field,
                    "'2026-03-29T02:30:00' does not exist in Europe/Amsterdam (skipped by a daylight-saving change)."),
            ],
            ex.Errors);
    }

    [Fact]
    public void Parse_WallClockJustAfterTheSkip_UsesDaylightSavingTime()
    {
        var input = Amsterdam();

        var time = input.Parse(Field, "2026-03-29T03:00:00");

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), time);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_NoText_RefusedNamingTheField(string? text)
    {
        var input = new TimeInput(null);

        var ex = Assert.Throws<ValidationException>(() => input.Parse(Field, text));

        Assert.Equal([new FieldError(Field, "a time is required.")], ex.Errors);
    }

    [Fact]
    public void Parse_NotATime_RefusedNamingTheField()
    {
        var input = new TimeInput(null);

        var ex = Assert.Throws<ValidationException>(() => input.Parse(Field, "half past nine"));

        Assert.Equal([new FieldError(Field, "'half past nine' is not a time in ISO 8601 form (for example 2026-03-01T09:30:00+01:00).")], ex.Errors);
    }

    [Fact]
    public void Parse_SlashSeparatedDate_RefusedAsNotIso8601()
    {
        var input = new TimeInput(null);

        var ex = Assert.Throws<ValidationException>(() => input.Parse(Field, "01/03/2026 09:30:00+01:00"));

        var message = "'01/03/2026 09:30:00+01:00' is not a time in ISO 8601 form (for example 2026-03-01T09:30:00+01:00).";
        Assert.Equal([new FieldError(Field, message)], ex.Errors);
    }

    [Fact]
    public void ForZone_UnknownZoneId_RefusedNamingTheSetting()
    {
        var ex = Assert.Throws<ValidationException>(() => TimeInput.ForZone("Mars/Olympus_Mons", "defaultZone"));

        var message = "'Mars/Olympus_Mons' is not a known IANA time zone id (for example Europe/Amsterdam or UTC).";
        Assert.Equal([new FieldError("defaultZone", message)], ex.Errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void ForZone_NoZoneId_HasNoDefaultZone(string? zoneId)
    {
        var input = TimeInput.ForZone(zoneId, "defaultZone");

        Assert.Null(input.DefaultZone);
    }

    [Fact]
    public void ForZone_IanaId_FindsTheZone()
    {
        var input = TimeInput.ForZone("Europe/Amsterdam", "defaultZone");

        Assert.Equal("Europe/Amsterdam", input.DefaultZone?.Id);
    }

    [Fact]
    public void ForZone_WindowsId_RefusedNamingTheIanaForm()
    {
        var ex = Assert.Throws<ValidationException>(() => TimeInput.ForZone("W. Europe Standard Time", "defaultZone"));

        Assert.Equal("defaultZone", Assert.Single(ex.Errors).Field);
        Assert.Contains("IANA", ex.Errors[0].Message, StringComparison.Ordinal);
    }
}
