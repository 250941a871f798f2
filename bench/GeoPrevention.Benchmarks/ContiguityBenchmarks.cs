using BenchmarkDotNet.Attributes;
using GeoPrevention.Geo.IO;
using GeoPrevention.Geo.Operations;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Benchmarks;

/// <summary>
/// Queen and rook contiguity (<see cref="Contiguity"/>) on the peer districts (Voronoi cells from
/// ../shared/bench/gen_data.py, EPSG:25832) at N = 1,000 / 10,000 / 100,000, and on a synthetic hexagon tessellation
/// of 100,000 cells (integer vertices, 6 neighbours each) to show scaling without the generated data.
/// Peers (R spdep poly2nb, libpysal Queen) are in ../shared/bench/results/peers-2026-11-28.md, step e_weights.
/// Only the neighbour computation is timed; the polygons are read once in the global setup.
/// </summary>
[MemoryDiagnoser]
public class ContiguityBenchmarks
{
    private Geometry?[] _geometries = [];

    /// <summary>"1000", "10000", "100000" (peer GPKG) or "hex100000" (synthetic).</summary>
    [Params("1000", "10000", "100000", "hex100000")]
    public string Input { get; set; } = "1000";

    [GlobalSetup]
    public void Setup()
    {
        _geometries = Input.StartsWith("hex", StringComparison.Ordinal)
            ? HexGrid(int.Parse(Input.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture))
            : [.. VectorLayerReader.Read(BenchData.File(int.Parse(Input, System.Globalization.CultureInfo.InvariantCulture), "gpkg")).Features.Select(f => f.Geometry)];

        // Guard against measuring a wrong answer: the peer link counts (spdep = libpysal) for the peer data sets.
        var links = Contiguity.Queen(_geometries).LinkCount;
        long? expected = Input switch { "1000" => 5776, "10000" => 59298, "100000" => 597806, _ => null };
        if (expected is not null && links != expected)
        {
            throw new InvalidOperationException($"Queen links {links} for N={Input}, expected {expected} (peers-2026-11-28).");
        }
    }

    [Benchmark(Baseline = true)]
    public long Queen() => Contiguity.Queen(_geometries).LinkCount;

    [Benchmark]
    public long Rook() => Contiguity.Rook(_geometries).LinkCount;

    /// <summary>A tiling of n hexagons with integer vertex coordinates (scaled by 100 m), so shared vertices are bit-identical.</summary>
    public static Geometry?[] HexGrid(int n)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 25832);
        var columns = (int)Math.Ceiling(Math.Sqrt(n));
        var result = new Geometry?[n];
        for (var i = 0; i < n; i++)
        {
            var r = i / columns;
            var c = i % columns;
            double cx = (2 * c) + (r % 2), cy = 3 * r;
            (double X, double Y)[] offsets = [(0, -2), (1, -1), (1, 1), (0, 2), (-1, 1), (-1, -1), (0, -2)];
            var ring = new Coordinate[offsets.Length];
            for (var k = 0; k < offsets.Length; k++)
            {
                ring[k] = new Coordinate(400000 + ((cx + offsets[k].X) * 100), 5700000 + ((cy + offsets[k].Y) * 100));
            }

            result[i] = factory.CreatePolygon(ring);
        }

        return result;
    }
}
