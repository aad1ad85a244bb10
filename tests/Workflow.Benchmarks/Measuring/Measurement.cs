using System.Diagnostics;
using Workflow.Benchmarks.Tickets;

namespace Workflow.Benchmarks.Measuring;

/// <summary>One timed pass: how many tickets, how long, and how many bytes were allocated meanwhile.</summary>
internal sealed record Measurement(string Name, int Tickets, TimeSpan Elapsed, long Bytes)
{
    public double PerSecond => Tickets / Elapsed.TotalSeconds;

    public double MicrosPerTicket => Elapsed.TotalMicroseconds / Tickets;

    public double BytesPerTicket => (double)Bytes / Tickets;
}

/// <summary>
/// Times a per-ticket step over the tickets after a warm-up pass. A step whose warm-up says it would run past
/// its time budget is measured on fewer tickets, and the runner says so.
/// </summary>
internal sealed class Runner(IReadOnlyList<TicketSpec> tickets, TextWriter notes)
{
    /// <summary>Tickets in the warm-up pass: enough for the JIT to reach its optimised code.</summary>
    public const int WarmUp = 4_000;

    public Measurement Run(string name, int wanted, TimeSpan budget, Action<TicketSpec> step)
    {
        wanted = Math.Min(wanted, tickets.Count);
        var warm = Math.Min(wanted, WarmUp);
        var half = warm / 2;
        for (var i = 0; i < half; i++)
        {
            step(tickets[i]);
        }

        // The second half of the warm-up runs mostly optimised code, so it is the better guide to the pass.
        var clock = Stopwatch.StartNew();
        for (var i = half; i < warm; i++)
        {
            step(tickets[i]);
        }

        clock.Stop();
        var count = wanted;
        var perTicket = clock.Elapsed / Math.Max(1, warm - half);
        if (perTicket * wanted > budget)
        {
            count = Math.Max(warm, (int)(budget / perTicket) / 1_000 * 1_000);
            notes.WriteLine($"NOTE: {name}: {wanted:N0} tickets would take about {(perTicket * wanted).TotalSeconds:0} s, "
                + $"over its budget of {budget.TotalSeconds:0} s; measured on {count:N0} tickets instead.");
        }

        return Measure(name, count, step);
    }

    private Measurement Measure(string name, int count, Action<TicketSpec> step)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            step(tickets[i]);
        }

        clock.Stop();
        var after = GC.GetTotalAllocatedBytes(precise: true);
        return new Measurement(name, count, clock.Elapsed, after - before);
    }
}
