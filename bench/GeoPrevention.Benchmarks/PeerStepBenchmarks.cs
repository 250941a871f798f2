using System.Globalization;
using BenchmarkDotNet.Attributes;
using GeoPrevention.Analytics.Classification;
using GeoPrevention.Analytics.Statistics;
using GeoPrevention.Geo.IO;
using GeoPrevention.Geo.Operations;

namespace GeoPrevention.Benchmarks;

/// <summary>
/// The classification and spatial-statistics steps of the side-by-side runner (d_fisher, d_quantile, d_equal,
/// e_moran_test, e_moran_mc, f_local_moran; ../shared/bench/README.md) on the peer data: districts_N.gpkg sorted by
/// sr_id, queen contiguity, row-standardised, rates of 2023 from indicators_N.csv. Each case does exactly what the
/// runner's step does (the same public call; lazily computed parts of the results are not read).
/// </summary>
[MemoryDiagnoser]
public class PeerStepBenchmarks
{
    private double[] _rates = [];
    private SpatialWeights _weights = null!;

    /// <summary>Number of districts.</summary>
    [Params(10_000, 100_000)]
    public int N { get; set; }

    /// <summary>Reads the polygons, builds the queen weights in sr_id order and joins the 2023 rates.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var layer = VectorLayerReader.Read(BenchData.File(N, "gpkg"));
        var keys = layer.Features.Select(f => f.GetText("sr_id") ?? "").ToArray();
        var order = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(keys.ToArray(), order, StringComparer.Ordinal);
        var neighbours = Contiguity.Queen(order.Select(i => layer.Features[i].Geometry).ToArray());
        _weights = SpatialWeights.FromNeighbours(neighbours.ToArrays());

        // Rates of 2023 joined by sr_id, as the runner's c_join does.
        var lines = File.ReadAllLines(BenchData.Csv(N));
        var head = lines[0].Split(';');
        int iId = Array.IndexOf(head, "sr_id"), iYear = Array.IndexOf(head, "year");
        int iDen = Array.IndexOf(head, "children_u15"), iNum = Array.IndexOf(head, "sgb2_children_u15");
        var rate = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var c = line.Split(';');
            if (c[iYear] == "2023")
            {
                rate[c[iId]] = double.Parse(c[iNum], CultureInfo.InvariantCulture) / double.Parse(c[iDen], CultureInfo.InvariantCulture) * 100.0;
            }
        }

        _rates = order.Select(i => rate[keys[i]]).ToArray();
        Console.WriteLine($"// PeerStepBenchmarks N={N}: {_weights.LinkCount} links, Moran's I {Moran.Global(_rates, _weights).I:F6}");
    }

    /// <summary>d_fisher: exact Fisher-Jenks, k = 5, left-closed (classInt convention).</summary>
    [Benchmark]
    public Classification Fisher() => Classify(ClassificationMethod.FisherJenks);

    /// <summary>d_quantile: R type-7 quantiles, k = 5.</summary>
    [Benchmark]
    public Classification Quantile() => Classify(ClassificationMethod.Quantile);

    /// <summary>d_equal: equal intervals, k = 5.</summary>
    [Benchmark]
    public Classification EqualInterval() => Classify(ClassificationMethod.EqualInterval);

    /// <summary>e_moran_test: Moran's I with its analytical moments.</summary>
    [Benchmark]
    public MoranResult MoranTest() => Moran.Global(_rates, _weights);

    /// <summary>e_moran_mc: 999 permutations, seed 42, both cores.</summary>
    [Benchmark]
    public MoranResult MoranPermutations() => Moran.Global(_rates, _weights, new MoranOptions { Permutations = 999, Seed = 42 });

    /// <summary>f_local_moran: Ii, lag and quadrant (moments and p on first access, not read here).</summary>
    [Benchmark]
    public LocalMoranResult LocalMoran() => Moran.Local(_rates, _weights);

    private Classification Classify(ClassificationMethod method) => Classifier.Classify(_rates, new ClassificationOptions
    {
        Method = method,
        Classes = 5,
        Closure = IntervalClosure.LeftClosed,
    });
}
