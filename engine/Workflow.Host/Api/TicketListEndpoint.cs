using System.Globalization;
using Workflow.Engine;
using Workflow.Engine.Queries;
using Workflow.Engine.Validation;
using Workflow.Host.Api.Access;
using Workflow.Sdk.Tickets;

namespace Workflow.Host.Api;

/// <summary>
/// <c>GET /api/tickets</c>: every filter is a query parameter; <c>state</c> and <c>slaStatus</c> take a
/// comma-separated list, <c>q</c> words that must all occur in the subject or description, <c>sort</c> a field
/// with a leading <c>-</c> for descending. A reporter's list holds only their own tickets.
/// </summary>
internal static class TicketListEndpoint
{
    public const int DefaultLimit = 50;

    public static Task<IResult> ListAsync(
        WorkflowEngine engine,
        TicketQuery query,
        HttpContext http,
        string? state = null,
        string? priority = null,
        string? category = null,
        string? assignmentGroup = null,
        string? assignedTo = null,
        string? slaStatus = null,
        string? q = null,
        string? sort = null,
        string? limit = null,
        string? cursor = null) =>
        ApiErrors.GuardAsync(async () =>
        {
            var caller = Caller.Of(http);
            var errors = new List<FieldError>();
            var filter = new TicketFilter
            {
                States = Names<TicketState>(errors, "state", "a state", state),
                Priority = Text(errors, "priority", priority),
                Category = Text(errors, "category", category),
                AssignmentGroup = Text(errors, "assignmentGroup", assignmentGroup),
                AssignedTo = Text(errors, "assignedTo", assignedTo),
                SlaStatuses = Names<TicketSlaStatus>(errors, "slaStatus", "an SLA status", slaStatus),
                Text = Text(errors, "q", q),
                ReporterUserName = caller.IsReporter ? caller.UserName ?? "" : null,
            };
            var order = Sort(errors, sort);
            var size = Limit(errors, limit);
            if (errors.Count > 0)
            {
                throw new ValidationException(errors);
            }

            var page = await query.ListAsync(filter, order, size, cursor, http.RequestAborted);
            return Results.Ok(new TicketListView([.. page.Tickets.Select(TicketSummary.From)], page.NextCursor));
        });

    /// <summary>A comma-separated list of enum names in any case; numbers are refused, not taken as values.</summary>
    private static List<T> Names<T>(List<FieldError> errors, string field, string what, string? value)
        where T : struct, Enum
    {
        var parsed = new List<T>();
        var names = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var name in names)
        {
            if (Enum.TryParse<T>(name, ignoreCase: true, out var one) && !int.TryParse(name, out _))
            {
                parsed.Add(one);
            }
            else
            {
                errors.Add(new(field, $"'{name}' is not {what}; use {string.Join(", ", Enum.GetNames<T>())}."));
            }
        }

        return parsed;
    }

    private static string? Text(List<FieldError> errors, string field, string? value)
    {
        TextInput.Check(errors, field, value);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static TicketSort Sort(List<FieldError> errors, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new TicketSort(TicketSortField.CreatedAt, Descending: true);
        }

        var descending = value.StartsWith('-');
        var name = value.TrimStart('-', '+');
        if (Enum.TryParse<TicketSortField>(name, ignoreCase: true, out var field) && !int.TryParse(name, out _))
        {
            return new TicketSort(field, descending);
        }

        errors.Add(new("sort", $"'{value}' is not a sort order; use id, createdAt, updatedAt or occurredAt, "
            + "with a leading '-' for newest first."));
        return new TicketSort(TicketSortField.Id, false);
    }

    private static int Limit(List<FieldError> errors, string? value)
    {
        if (value is null)
        {
            return DefaultLimit;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            && limit is >= 1 and <= TicketQuery.MaxPageSize)
        {
            return limit;
        }

        errors.Add(new("limit", $"must be a whole number from 1 to {TicketQuery.MaxPageSize}."));
        return DefaultLimit;
    }
}
