using BenchmarkDotNet.Attributes;
using GeoPrevention.Geo.IO;

namespace GeoPrevention.Benchmarks;

/// <summary>
/// GeoPackage reading with the geometry blobs decoded on the calling thread ("sequential") against decoded in chunks on worker
/// threads while the calling thread steps SQLite ("parallel", the default), on the synthetic peer districts (issue 9,
/// a_read_polygons). Sizes as in <see cref="ReadBenchmarks"/> (GEOPREVENTION_BENCH_SIZES narrows them).
/// Run: <c>dotnet run -c Release --project bench/GeoPrevention.Benchmarks -- --filter '*GeoPackageDecodeBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class GeoPackageDecodeBenchmarks
{
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [Params("sequential", "parallel")]
    public string Mode { get; set; } = "parallel";

    /// <summary>The sizes whose data exist here.</summary>
    public static IEnumerable<int> Sizes() => ReadBenchmarks.Sizes();

    [Benchmark]
    public int Read()
    {
        var tuning = Mode == "sequential" ? DecodeTuning.Sequential : DecodeTuning.Default;
        return GeoPackageLayerReader.Read(BenchData.File(N, "gpkg"), new VectorReadOptions(), tuning).Features.Count;
    }
}
