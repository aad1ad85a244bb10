using System.Globalization;
using Workflow.Engine;
using Workflow.Engine.Reports;
using Workflow.Engine.Validation;
using Workflow.Host.Api.Access;

namespace Workflow.Host.Api;

/// <summary>
/// Reports over the tickets logged from <c>from</c> (inclusive) to <c>to</c> (exclusive), both ISO 8601 with an
/// offset; by default the 30 days up to now. SLA compliance takes the targets that came due in the range
/// instead. Each answers JSON, or CSV with <c>format=csv</c> or <c>Accept: text/csv</c>.
/// </summary>
internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Agent);
        reports.MapGet("counts", CountsAsync)
            .WithSummary("Tickets per category, priority or state (by=category|priority|state).")
            .Produces<CountReport>().ProducesCsv().ApiProblems();
        reports.MapGet("response-times", ResponseTimesAsync)
            .WithSummary("Mean minutes to respond and to resolve, per priority.")
            .Produces<ResponseTimeReport>().ProducesCsv().ApiProblems();
        reports.MapGet("reopen-rate", ReopenRateAsync)
            .WithSummary("Of the tickets resolved at least once, the share that was reopened.")
            .Produces<ReopenRateReport>().ProducesCsv().ApiProblems();
        reports.MapGet("top-configuration-items", TopItemsAsync)
            .WithSummary("The configuration items with the most incidents (limit 1 to 100, default 10).")
            .Produces<CountReport>().ProducesCsv().ApiProblems();
        reports.MapGet("sla-compliance", SlaComplianceAsync)
            .WithSummary("Per priority, the response and resolution targets due in the range and the share met.")
            .Produces<SlaComplianceReport>().ProducesCsv().ApiProblems();
    }

    private static Task<IResult> CountsAsync(
        ReportService reports,
        [AsParameters] ReportQuery query,
        string? by = null) =>
        ApiErrors.GuardAsync(async () =>
        {
            var errors = new List<FieldError>();
            var (range, csv) = query.Read(errors);
            var group = CountBy.Category;
            if (by is null || !Enum.TryParse(by, ignoreCase: true, out group) || int.TryParse(by, out _))
            {
                errors.Add(new("by", "is required: category, priority or state."));
            }

            Throw(errors);

            var rows = await reports.CountsAsync(group, range.From, range.To, query.Http.RequestAborted);
            return csv
                ? Csv.Of(
                    [group.ToString().ToLowerInvariant(), "count"],
                    rows.Select(r => new object?[] { r.Value, r.Count }),
                    $"counts-by-{by}.csv")
                : Results.Ok(new CountReport(range.From, range.To, group.ToString(), rows));
        });

    private static Task<IResult> ResponseTimesAsync(ReportService reports, [AsParameters] ReportQuery query) =>
        ApiErrors.GuardAsync(async () =>
        {
            var errors = new List<FieldError>();
            var (range, csv) = query.Read(errors);
            Throw(errors);

            var rows = await reports.ResponseTimesAsync(range.From, range.To, query.Http.RequestAborted);
            string[] header =
                ["priority", "tickets", "responded", "meanMinutesToRespond", "resolved", "meanMinutesToResolve"];
            return csv
                ? Csv.Of(
                    header,
                    rows.Select(r => new object?[]
                    {
                        r.Priority, r.Tickets, r.Responded, r.MeanMinutesToRespond, r.Resolved, r.MeanMinutesToResolve,
                    }),
                    "response-times.csv")
                : Results.Ok(new ResponseTimeReport(range.From, range.To, rows));
        });

    private static Task<IResult> ReopenRateAsync(ReportService reports, [AsParameters] ReportQuery query) =>
        ApiErrors.GuardAsync(async () =>
        {
            var errors = new List<FieldError>();
            var (range, csv) = query.Read(errors);
            Throw(errors);

            var rate = await reports.ReopenRateAsync(range.From, range.To, query.Http.RequestAborted);
            return csv
                ? Csv.Of(["resolved", "reopened", "rate"], [[rate.Resolved, rate.Reopened, rate.Rate]], "reopen-rate.csv")
                : Results.Ok(new ReopenRateReport(range.From, range.To, rate.Resolved, rate.Reopened, rate.Rate));
        });

    private static Task<IResult> TopItemsAsync(
        ReportService reports,
        [AsParameters] ReportQuery query,
        string? limit = null) =>
        ApiErrors.GuardAsync(async () =>
        {
            var errors = new List<FieldError>();
            var (range, csv) = query.Read(errors);
            var top = 10;
            var readable = limit is null
                || int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out top);
            if (!readable || top is < 1 or > 100)
            {
                errors.Add(new("limit", "must be a whole number from 1 to 100."));
            }

            Throw(errors);

            var rows = await reports.TopConfigurationItemsAsync(range.From, range.To, top, query.Http.RequestAborted);
            return csv
                ? Csv.Of(
                    ["configurationItem", "incidents"],
                    rows.Select(r => new object?[] { r.Value, r.Count }),
                    "top-configuration-items.csv")
                : Results.Ok(new CountReport(range.From, range.To, "configurationItem", rows));
        });

    private static Task<IResult> SlaComplianceAsync(ReportService reports, [AsParameters] ReportQuery query) =>
        ApiErrors.GuardAsync(async () =>
        {
            var errors = new List<FieldError>();
            var (range, csv) = query.Read(errors);
            Throw(errors);

            var now = query.Engine.Time.GetUtcNow();
            var rows = await reports.SlaComplianceAsync(range.From, range.To, now, query.Http.RequestAborted);
            string[] header =
            [
                "priority", "responseTargets", "responseMet", "responseMetShare",
                "resolutionTargets", "resolutionMet", "resolutionMetShare",
            ];
            return csv
                ? Csv.Of(
                    header,
                    rows.Select(r => new object?[]
                    {
                        r.Priority, r.ResponseTargets, r.ResponseMet, r.ResponseMetShare,
                        r.ResolutionTargets, r.ResolutionMet, r.ResolutionMetShare,
                    }),
                    "sla-compliance.csv")
                : Results.Ok(new SlaComplianceReport(range.From, range.To, rows));
        });

    private static void Throw(List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}

/// <summary>What every report takes: the time range, the answer's format, and the request they came with.</summary>
/// <param name="From">ISO 8601 with an offset; 30 days before <paramref name="To"/> when left out.</param>
/// <param name="To">ISO 8601 with an offset, exclusive; now when left out.</param>
/// <param name="Format">json (the default) or csv; <c>Accept: text/csv</c> asks for CSV too.</param>
/// <param name="Engine">The engine, for its clock.</param>
/// <param name="Http">The request.</param>
internal sealed record ReportQuery(
    string? From,
    string? To,
    string? Format,
    WorkflowEngine Engine,
    HttpContext Http)
{
    /// <summary>Reads the range and the format, adding an error for each parameter that is refused.</summary>
    public ((DateTimeOffset From, DateTimeOffset To) Range, bool Csv) Read(List<FieldError> errors) =>
        (Range(errors, Engine, From, To), WantsCsv(errors, Http, Format));

    private static (DateTimeOffset From, DateTimeOffset To) Range(
        List<FieldError> errors,
        WorkflowEngine engine,
        string? from,
        string? to)
    {
        var end = Time(errors, "to", to) ?? engine.Time.GetUtcNow();
        var start = Time(errors, "from", from) ?? end - TimeSpan.FromDays(30);
        if (start >= end)
        {
            errors.Add(new("from", "must be earlier than to."));
        }

        return (start, end);
    }

    private static DateTimeOffset? Time(List<FieldError> errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(
                value,
                ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var time)
            && (value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > 10))
        {
            return time.ToUniversalTime();
        }

        errors.Add(new(field, "must be a time in ISO 8601 form with an offset, such as 2026-03-01T00:00:00Z."));
        return null;
    }

    private static bool WantsCsv(List<FieldError> errors, HttpContext http, string? format)
    {
        if (format is not null && format is not ("csv" or "json"))
        {
            errors.Add(new("format", "must be json or csv."));
        }

        var accept = http.Request.Headers.Accept.ToString();
        return format == "csv"
            || (format is null && accept.Contains(Csv.MediaType, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Ticket counts grouped by one field.</summary>
internal sealed record CountReport(DateTimeOffset From, DateTimeOffset To, string By, IReadOnlyList<CountRow> Rows);

/// <summary>Mean response and resolution times per priority.</summary>
internal sealed record ResponseTimeReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ResponseTimeRow> Rows);

/// <summary>SLA targets due in the range and the share met, per priority.</summary>
internal sealed record SlaComplianceReport(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<SlaComplianceRow> Rows);

/// <summary>The reopen rate.</summary>
internal sealed record ReopenRateReport(DateTimeOffset From, DateTimeOffset To, int Resolved, int Reopened, double? Rate);
