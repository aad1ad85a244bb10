using Workflow.Testing;

namespace Workflow.Engine.Tests.Intake;

/// <summary>
/// Five incidents with the kinds of damage real exports have. What each line holds, and what the import
/// must make of it, is spelled out here once; the tests assert the consequences.
/// </summary>
internal static class EventLogSlice
{
    public const string Closed = "INC0000101";
    public const string OnHold = "INC0000102";
    public const string Active = "INC0000103";
    public const string New = "INC0000104";
    public const string NoReporter = "INC0000105";

    public const int UnknownStateLine = 9;
    public const int MissingUpdateTimeLine = 12;
    public const int BadOpenedAtLine = 13;
    public const int TruncatedLine = 15;
    public const int NoReporterLine = 16;

    /// <summary>Rows the reader accepts: five, two, two, one and two of the five incidents.</summary>
    public const int GoodRows = 12;

    public static EventLogCsv Build()
    {
        var csv = new EventLogCsv();

        // Lines 2 to 6: logged, taken on by a resolver, resolved, closed, then one more update after closure.
        csv.Add(Closed, "New", 0, "1/3/2016 09:05");
        csv.Add(Closed, "Active", 1, "1/3/2016 09:30", ("assigned_to", "Resolver 7"));
        csv.Add(Closed, "Resolved", 2, "1/3/2016 11:00", ("closed_code", "code 5"), ("resolved_at", "1/3/2016 11:00"));
        csv.Add(Closed, "Closed", 3, "6/3/2016 12:00", ("closed_code", "code 5"), ("closed_at", "6/3/2016 12:00"));
        csv.Add(Closed, "Closed", 4, "6/3/2016 12:00", ("closed_code", "code 5"), ("closed_at", "6/3/2016 12:00"));

        // Lines 7 to 9: waiting for the caller; the third row names a state the export never uses.
        csv.Add(OnHold, "New", 0, "2/3/2016 10:00", [.. Opened("2/3/2016")]);
        csv.Add(OnHold, "Awaiting User Info", 1, "2/3/2016 10:20", [.. Opened("2/3/2016")]);
        csv.Add(OnHold, "Pending Approval", 2, "2/3/2016 10:40", [.. Opened("2/3/2016")]);

        // Lines 10 to 13: in progress; the second row records a priority the matrix disagrees with, the third
        // has no update time and the fourth an opening time that does not exist.
        csv.Add(Active, "New", 0, "3/3/2016 08:00", [.. Opened("3/3/2016"), ("category", "Category 40")]);
        csv.Add(Active, "Active", 1, "3/3/2016 08:45", [.. Opened("3/3/2016"), ("category", "Category 40"),
            ("priority", "4 - Low")]);
        csv.Add(Active, "Active", 2, "?", [.. Opened("3/3/2016"), ("category", "Category 40")]);
        csv.Add(Active, "Active", 3, "3/3/2016 09:30", [.. Opened("3/3/2016"), ("category", "Category 40"),
            ("opened_at", "30/2/2016 09:00")]);

        // Lines 14 and 15: a critical incident still new; its second row lost its last field.
        csv.Add(New, "New", 0, "4/3/2016 07:10", [.. Opened("4/3/2016"), ("impact", "1 - High"),
            ("urgency", "1 - High"), ("priority", "1 - Critical")]);
        csv.AddTruncated(New, "Active", 1, "4/3/2016 07:40");

        // Lines 16 and 17: well-formed rows, but neither a caller nor an opener, so no ticket can be logged.
        csv.Add(NoReporter, "New", 0, "5/3/2016 13:00", ("caller_id", "?"), ("opened_by", "?"));
        csv.Add(NoReporter, "Active", 1, "5/3/2016 13:20", ("caller_id", "?"), ("opened_by", "?"));

        return csv;
    }

    /// <summary>Opened at seven and registered five minutes later on the given day.</summary>
    private static (string, string)[] Opened(string day) =>
        [("opened_at", $"{day} 07:00"), ("sys_created_at", $"{day} 07:05")];
}
