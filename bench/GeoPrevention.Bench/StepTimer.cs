using System.Diagnostics;

namespace GeoPrevention.Bench;

/// <summary>Wall-clock timings per step over the repeats, reported as min / median / runs like the peers.</summary>
internal sealed class StepTimer
{
    private readonly Dictionary<string, List<double>> _runs = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>GP_BENCH_TRACE=1: one line per step on stderr with the managed allocations and garbage collections in it.</summary>
    private readonly bool _trace = Environment.GetEnvironmentVariable("GP_BENCH_TRACE") == "1";

    public T Time<T>(string step, Func<T> work)
    {
        var gc = GcSnapshot.Take();
        var sw = Stopwatch.StartNew();
        var result = work();
        Add(step, sw.Elapsed.TotalSeconds);
        Trace(step, sw.Elapsed, gc);
        return result;
    }

    public void Time(string step, Action work) => Time<object?>(step, () =>
    {
        work();
        return null;
    });

    private void Trace(string step, TimeSpan elapsed, GcSnapshot before)
    {
        if (!_trace)
        {
            return;
        }

        var after = GcSnapshot.Take();
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{step,-18} {elapsed.TotalMilliseconds,9:F2} ms  allocated {(after.Allocated - before.Allocated) / 1048576.0,8:F1} MB  GCs {after.Gen0 - before.Gen0}/{after.Gen1 - before.Gen1}/{after.Gen2 - before.Gen2} (gen 0/1/2)  pauses {(after.Pause - before.Pause).TotalMilliseconds,7:F2} ms"));
    }

    private readonly record struct GcSnapshot(long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Pause)
    {
        public static GcSnapshot Take() => new(GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
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
