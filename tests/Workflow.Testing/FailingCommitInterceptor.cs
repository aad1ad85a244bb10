using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.Testing;

/// <summary>
/// Once armed, makes the next commit fail after every statement of its transaction has run, as a lost
/// connection or a full disk would; later commits go through.
/// </summary>
public sealed class FailingCommitInterceptor : DbTransactionInterceptor
{
    private int _armed;

    /// <summary>How many commits this interceptor has failed.</summary>
    public int Failures { get; private set; }

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public override InterceptionResult TransactionCommitting(
        DbTransaction transaction,
        TransactionEventData eventData,
        InterceptionResult result)
    {
        FailIfArmed();
        return result;
    }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction,
        TransactionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        FailIfArmed();
        return ValueTask.FromResult(result);
    }

    private void FailIfArmed()
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Failures++;
            throw new InjectedFaultException("The commit failed (injected by the test).");
        }
    }
}
