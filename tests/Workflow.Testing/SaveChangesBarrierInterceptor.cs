using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.Testing;

/// <summary>
/// Once armed for a number of saves, holds each of them at the start of SaveChanges until all of them have
/// arrived, so every one of those units of work has loaded its data before any writes. Forces the interleaving
/// of concurrent steps without any timing; later saves pass straight through.
/// </summary>
public sealed class SaveChangesBarrierInterceptor : SaveChangesInterceptor
{
    /// <summary>Only a guard against a test that hangs; the barrier never relies on it to order anything.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected;
    private int _arrived;

    /// <summary>How many saves reached the barrier.</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    public void Arm(int saves)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(saves, 1);
        Volatile.Write(ref _expected, saves);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        WaitAsync(CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        var expected = Volatile.Read(ref _expected);
        if (expected == 0)
        {
            return;
        }

        var position = Interlocked.Increment(ref _arrived);
        if (position > expected)
        {
            return;
        }

        if (position == expected)
        {
            _allArrived.TrySetResult();
        }

        try
        {
            await _allArrived.Task.WaitAsync(Guard, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Only {Arrived} of {expected} saves reached the barrier.");
        }
    }
}
