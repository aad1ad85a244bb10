using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Storage;
using Workflow.Engine.Tickets;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Queries;

/// <summary>
/// Lists tickets with filters, a sort order and keyset paging: the cursor holds the last row's sort value and id,
/// so a page is found by an index seek however deep it is, and tickets created meanwhile never shift a page.
/// Thread-safe.
/// </summary>
public sealed class TicketQuery(WorkflowDbContextFactory contexts)
{
    public const int MaxPageSize = 200;

    /// <exception cref="ValidationException">The cursor is not one this query handed out for the same order.</exception>
    public async Task<TicketPage> ListAsync(
        TicketFilter filter,
        TicketSort sort,
        int pageSize,
        string? cursor,
        CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var query = Filter(db.Tickets.AsNoTracking(), filter);

        if (cursor is not null)
        {
            var (value, id) = Decode(cursor, sort);
            query = query.Where(After(sort, value, id));
        }

        var rows = await Order(query, sort).Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        var next = rows.Count > pageSize ? Encode(sort, page[^1]) : null;
        return new TicketPage(page, next);
    }

    private static IQueryable<Ticket> Filter(IQueryable<Ticket> query, TicketFilter filter)
    {
        if (filter.States.Count > 0)
        {
            var states = filter.States.ToList();
            query = query.Where(t => states.Contains(t.State));
        }

        query = Equal(query, filter.Priority, t => t.Priority);
        query = Equal(query, filter.Category, t => t.Category);
        query = Equal(query, filter.AssignmentGroup, t => t.AssignmentGroup);
        query = Equal(query, filter.AssignedTo, t => t.AssignedTo);
        query = Equal(query, filter.ReporterUserName, t => t.Reporter.UserName);
        query = SlaStatusFilter.Where(query, filter.SlaStatuses);
        if (filter.ParentId is { } parent)
        {
            query = query.Where(t => t.ParentTicketId == parent);
        }

        var words = (filter.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var word in words.Select(w => w.ToLowerInvariant()))
        {
            query = query.Where(t => t.Subject.ToLower().Contains(word)
                || (t.Description != null && t.Description.ToLower().Contains(word)));
        }

        return query;
    }

    private static IQueryable<Ticket> Equal(
        IQueryable<Ticket> query,
        string? value,
        Expression<Func<Ticket, string?>> field)
    {
        if (value is null)
        {
            return query;
        }

        var equal = Expression.Equal(field.Body, Expression.Constant(value, typeof(string)));
        return query.Where(Expression.Lambda<Func<Ticket, bool>>(equal, field.Parameters));
    }

    private static IQueryable<Ticket> Order(IQueryable<Ticket> query, TicketSort sort) =>
        (sort.Field, sort.Descending) switch
    {
        (TicketSortField.Id, false) => query.OrderBy(t => t.Id),
        (TicketSortField.Id, true) => query.OrderByDescending(t => t.Id),
        (TicketSortField.CreatedAt, false) => query.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        (TicketSortField.CreatedAt, true) => query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        (TicketSortField.UpdatedAt, false) => query.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
        (TicketSortField.UpdatedAt, true) => query.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
        (TicketSortField.OccurredAt, false) => query.OrderBy(t => t.OccurredAt).ThenBy(t => t.Id),
        (_, _) => query.OrderByDescending(t => t.OccurredAt).ThenByDescending(t => t.Id),
    };

    private static Expression<Func<Ticket, bool>> After(TicketSort sort, DateTimeOffset value, long id) =>
        (sort.Field, sort.Descending) switch
        {
            (TicketSortField.Id, false) => t => t.Id > id,
            (TicketSortField.Id, true) => t => t.Id < id,
            (TicketSortField.CreatedAt, false) => t => t.CreatedAt > value || (t.CreatedAt == value && t.Id > id),
            (TicketSortField.CreatedAt, true) => t => t.CreatedAt < value || (t.CreatedAt == value && t.Id < id),
            (TicketSortField.UpdatedAt, false) => t => t.UpdatedAt > value || (t.UpdatedAt == value && t.Id > id),
            (TicketSortField.UpdatedAt, true) => t => t.UpdatedAt < value || (t.UpdatedAt == value && t.Id < id),
            (TicketSortField.OccurredAt, false) => t => t.OccurredAt > value || (t.OccurredAt == value && t.Id > id),
            (_, _) => t => t.OccurredAt < value || (t.OccurredAt == value && t.Id < id),
        };

    private static DateTimeOffset SortValue(TicketSort sort, Ticket ticket) => sort.Field switch
    {
        TicketSortField.CreatedAt => ticket.CreatedAt,
        TicketSortField.UpdatedAt => ticket.UpdatedAt,
        TicketSortField.OccurredAt => ticket.OccurredAt,
        _ => DateTimeOffset.UnixEpoch,
    };

    /// <summary>The order, the last row's sort value in UTC ticks and its id, readable but not meant to be edited.</summary>
    private static string Encode(TicketSort sort, Ticket last)
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{sort.Field}:{(sort.Descending ? "desc" : "asc")}:{SortValue(sort, last).UtcTicks}:{last.Id}");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static (DateTimeOffset Value, long Id) Decode(string cursor, TicketSort sort)
    {
        string[] parts;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split(':');
        }
        catch (FormatException)
        {
            parts = [];
        }

        var expected = $"{sort.Field}:{(sort.Descending ? "desc" : "asc")}";
        if (parts.Length != 4
            || $"{parts[0]}:{parts[1]}" != expected
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new ValidationException(
                "cursor",
                "is not a cursor from a list in this order; pass the nextCursor of the previous page unchanged.");
        }

        return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }
}
