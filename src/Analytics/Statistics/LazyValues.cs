using System.Collections;

namespace GeoPrevention.Analytics.Statistics;

/// <summary>
/// A read-only list of numbers that are all computed together on first access (thread-safe; the computation is
/// deterministic, so a race can only compute the same values twice).
/// </summary>
internal sealed class LazyValues : IReadOnlyList<double>
{
    private readonly Lazy<double[]> _values;

    public LazyValues(int count, Func<double[]> compute)
    {
        Count = count;
        _values = new Lazy<double[]>(compute, LazyThreadSafetyMode.PublicationOnly);
    }

    public int Count { get; }

    public double this[int index] => _values.Value[index];

    public IEnumerator<double> GetEnumerator() => ((IEnumerable<double>)_values.Value).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
