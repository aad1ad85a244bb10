using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.Testing;

/// <summary>
/// Once armed, fails the step right after the first command that ran inside a transaction: its statements
/// have reached the database, the commit has not. Commands outside a transaction (queries) pass.
/// </summary>
public sealed class FailingStatementInterceptor : DbCommandInterceptor
{
    private int _armed;

    /// <summary>How many commands this interceptor has failed.</summary>
    public int Failures { get; private set; }

    /// <summary>The text of the command that had run when the failure was raised.</summary>
    public string? FailedAfter { get; private set; }

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        FailIfArmed(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        int result,
        CancellationToken cancellationToken = default)
    {
        FailIfArmed(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result)
    {
        FailIfArmed(command);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        FailIfArmed(command);
        return result;
    }

    private void FailIfArmed(DbCommand command)
    {
        if (command.Transaction is not null && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Failures++;
            FailedAfter = command.CommandText;
            throw new InjectedFaultException("The step failed after a statement had run (injected by the test).");
        }
    }
}
