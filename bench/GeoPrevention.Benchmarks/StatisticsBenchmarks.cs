using System.Globalization;
using BenchmarkDotNet.Attributes;
using GeoPrevention.Analytics.Classification;
using GeoPrevention.Analytics.Statistics;

namespace GeoPrevention.Benchmarks;

/// <summary>
/// Exact Fisher-Jenks (k = 5) at N = 10k and 100k: the peer rates (indicators_N.csv, year 2023, as the R and
/// ckmeans peers use) when generated data are present, otherwise synthetic rates with the same shape (fixed seed);
/// plus all-distinct continuous values (the worst case: no tie compression).
/// </summary>
[MemoryDiagnoser]
public class FisherJenksBenchmarks
{
    private double[] _rates = [];
    private double[] _continuous = [];

    /// <summary>Number of values.</summary>
    [Params(10_000, 100_000)]
    public int N { get; set; }

    /// <summary>Where the rates came from (printed once per run).</summary>
    public string Source { get; private set; } = "";

    /// <summary>Loads or generates the values.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rates = StatisticsBenchData.Rates(N, out var source);
        Source = source;
        Console.WriteLine($"// FisherJenks N={N}: {source}");
        var rng = new Random(20261128);
        _continuous = new double[N];
        for (var i = 0; i < N; i++)
        {
            _continuous[i] = Math.Exp(rng.NextDouble() * 3) + (rng.NextDouble() * 5);
        }
    }

    /// <summary>Fisher-Jenks k = 5 on rates (ties compressed).</summary>
    [Benchmark(Baseline = true)]
    public Classification Rates() => Classifier.Classify(_rates, ClassificationMethod.FisherJenks, 5);

    /// <summary>Fisher-Jenks k = 5 on all-distinct values.</summary>
    [Benchmark]
    public Classification Continuous() => Classifier.Classify(_continuous, ClassificationMethod.FisherJenks, 5);
}

/// <summary>Global Moran's I with 999 permutations and local Moran at N = 100k on a synthetic queen grid (400 × 250, up to 8 neighbours).</summary>
[MemoryDiagnoser]
public class SpatialStatisticsBenchmarks
{
    private SpatialWeights _weights = null!;
    private double[] _values = [];

    /// <summary>Builds the grid weights and a smooth field plus noise (fixed seed).</summary>
    [GlobalSetup]
    public void Setup()
    {
        const int cols = 400, rows = 250;
        var nb = new int[cols * rows][];
        var rng = new Random(42);
        _values = new double[cols * rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var list = new List<int>(8);
                for (var dr = -1; dr <= 1; dr++)
                {
                    for (var dc = -1; dc <= 1; dc++)
                    {
                        var rr = r + dr;
                        var cc = c + dc;
                        if ((dr != 0 || dc != 0) && rr >= 0 && rr < rows && cc >= 0 && cc < cols)
                        {
                            list.Add((rr * cols) + cc);
                        }
                    }
                }

                nb[(r * cols) + c] = [.. list];
                _values[(r * cols) + c] = (10 * Math.Sin(c / 40.0) * Math.Cos(r / 30.0)) + (rng.NextDouble() * 5);
            }
        }

        _weights = SpatialWeights.FromNeighbours(nb);
    }

    /// <summary>Moran's I, analytical moments and 999 seeded permutations (parallel blocks).</summary>
    [Benchmark]
    public MoranResult Moran999() => Moran.Global(_values, _weights, new MoranOptions { Permutations = 999, Seed = 42 });

    /// <summary>Local Moran (Ii, E, Var, Z, p, quadrant) for every unit.</summary>
    [Benchmark]
    public LocalMoranResult Lisa() => Moran.Local(_values, _weights);
}

/// <summary>Input values for the statistics benchmarks.</summary>
internal static class StatisticsBenchData
{
    /// <summary>Rates of year 2023 from indicators_N.csv if generated, else synthetic rates (fixed seed).</summary>
    public static double[] Rates(int n, out string source)
    {
        try
        {
            var path = BenchData.Csv(n);
            if (File.Exists(path))
            {
                var lines = File.ReadAllLines(path);
                var head = lines[0].Split(';');
                int iYear = Array.IndexOf(head, "year"), iDen = Array.IndexOf(head, "children_u15"), iNum = Array.IndexOf(head, "sgb2_children_u15");
                var rates = new List<double>(n);
                foreach (var line in lines.Skip(1))
                {
                    var c = line.Split(';');
                    if (c[iYear] == "2023")
                    {
                        rates.Add((double)int.Parse(c[iNum], CultureInfo.InvariantCulture) / int.Parse(c[iDen], CultureInfo.InvariantCulture) * 100);
                    }
                }

                source = $"peer rates from {path}";
                return [.. rates];
            }
        }
        catch (FileNotFoundException)
        {
            // fall through to synthetic values
        }

        var rng = new Random(20250601);
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            var children = rng.Next(20, 400);
            var p = Math.Clamp(0.12 + (0.07 * Math.Sin(i * 0.001)) + ((rng.NextDouble() - 0.5) * 0.1), 0, 1);
            var poor = 0;
            for (var k = 0; k < children; k++)
            {
                if (rng.NextDouble() < p)
                {
                    poor++;
                }
            }

            x[i] = (double)poor / children * 100;
        }

        source = "synthetic rates (seed 20250601)";
        return x;
    }
}
