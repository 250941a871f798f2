using System.Diagnostics;

namespace GeoPrevention.Bench;

/// <summary>Wall-clock timings per step over the repeats, reported as min / median / runs like the peers.</summary>
internal sealed class StepTimer
{
    private readonly Dictionary<string, List<double>> _runs = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public T Time<T>(string step, Func<T> work)
    {
        var sw = Stopwatch.StartNew();
        var result = work();
        Add(step, sw.Elapsed.TotalSeconds);
        return result;
    }

    public void Time(string step, Action work)
    {
        var sw = Stopwatch.StartNew();
        work();
        Add(step, sw.Elapsed.TotalSeconds);
    }

    public void Add(string step, double seconds)
    {
        if (!_runs.TryGetValue(step, out var list))
        {
            _runs[step] = list = [];
            _order.Add(step);
        }

        list.Add(seconds);
    }

    public Dictionary<string, object> ToJson()
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var step in _order)
        {
            result[step] = Summary(_runs[step]);
        }

        return result;
    }

    public static Dictionary<string, object> Summary(IReadOnlyList<double> runs)
    {
        var sorted = runs.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["min"] = sorted[0],
            ["median"] = median,
            ["runs"] = runs.Count == 1 ? runs[0] : runs.ToArray(),
        };
    }
}
