namespace Workflow.Benchmarks.Rules;

/// <summary>
/// A small pseudo-random sequence (SplitMix64) whose output depends on the seed alone, never on the runtime,
/// so the generated rules and tickets are the same on every machine and every .NET version.
/// </summary>
internal sealed class Seeded(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number from 0 up to but not including <paramref name="bound"/>.</summary>
    public int Below(int bound) => (int)(Next() % (ulong)bound);

    /// <summary>A number from <paramref name="low"/> to <paramref name="high"/>, both included.</summary>
    public int Between(int low, int high) => low + Below(high - low + 1);

    /// <summary>A fraction from 0 up to but not including 1.</summary>
    public double Fraction() => (Next() >> 11) * (1.0 / (1UL << 53));

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];
}
