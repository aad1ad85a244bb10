using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Workflow.Engine.Sla;
using Workflow.Engine.Tickets;

namespace Workflow.Engine.Queries;

/// <summary>The <see cref="TicketSlaStatus"/> values as conditions the database runs.</summary>
internal static class SlaStatusFilter
{
    private static readonly Expression<Func<Ticket, bool>> Breached = t =>
        t.ResponseStage == SlaStage.Breached || t.ResolutionStage == SlaStage.Breached;

    private static readonly Expression<Func<Ticket, bool>> Met = t =>
        t.ResolutionStage == SlaStage.Met;

    private static readonly Expression<Func<Ticket, bool>> Paused = t =>
        t.SlaPausedSince != null;

    private static readonly Expression<Func<Ticket, bool>> Warning = t =>
        t.ResponseStage == SlaStage.Warning || t.ResolutionStage == SlaStage.Warning;

    private static readonly Expression<Func<Ticket, bool>> HasSla = t => t.SlaPriority != null;

    /// <summary>Tickets with any of <paramref name="statuses"/>; the query unchanged when there are none.</summary>
    public static IQueryable<Ticket> Where(IQueryable<Ticket> query, IReadOnlyCollection<TicketSlaStatus> statuses)
    {
        if (statuses.Count == 0)
        {
            return query;
        }

        var ticket = Expression.Parameter(typeof(Ticket), "t");
        var any = statuses.Distinct()
            .Select(s => Condition(s, ticket))
            .Aggregate(Expression.OrElse);
        return query.Where(Expression.Lambda<Func<Ticket, bool>>(any, ticket));
    }

    /// <summary>The status holds and none listed before it in <see cref="TicketSlaStatus"/> does.</summary>
    private static Expression Condition(TicketSlaStatus status, ParameterExpression ticket)
    {
        Expression<Func<Ticket, bool>>[] order = [Breached, Met, Paused, Warning, HasSla];
        var own = (int)status;
        var condition = Body(order[own], ticket);
        for (var earlier = own - 1; earlier >= 0; earlier--)
        {
            condition = Expression.AndAlso(Expression.Not(Body(order[earlier], ticket)), condition);
        }

        return condition;
    }

    private static Expression Body(Expression<Func<Ticket, bool>> condition, ParameterExpression ticket) =>
        ReplacingExpressionVisitor.Replace(condition.Parameters[0], ticket, condition.Body);
}
