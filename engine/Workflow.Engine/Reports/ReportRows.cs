namespace Workflow.Engine.Reports;

/// <summary>How many tickets share one value of the grouping field; a null value means the field is empty.</summary>
public sealed record CountRow(string? Value, int Count);

/// <summary>
/// Mean times for one priority, in minutes: to respond (the first journal entry after logging written by a
/// person rather than the engine) and to resolve (from logging to the resolution).
/// </summary>
public sealed record ResponseTimeRow(
    string? Priority,
    int Tickets,
    int Responded,
    double? MeanMinutesToRespond,
    int Resolved,
    double? MeanMinutesToResolve);

/// <summary>Of the tickets resolved at least once, how many were reopened.</summary>
public sealed record ReopenRate(int Resolved, int Reopened, double? Rate);

/// <summary>The grouping fields of <see cref="ReportService.CountsAsync"/>.</summary>
public enum CountBy
{
    Category,
    Priority,
    State,
}

/// <summary>
/// For one priority, the response and resolution targets that came due in the range and were decided: how many
/// there were, how many were met, and the share met (null when none came due).
/// </summary>
public sealed record SlaComplianceRow(
    string Priority,
    int ResponseTargets,
    int ResponseMet,
    double? ResponseMetShare,
    int ResolutionTargets,
    int ResolutionMet,
    double? ResolutionMetShare);
