using BenchmarkDotNet.Attributes;
using GeoPrevention.Geo;
using GeoPrevention.Geo.Crs;
using GeoPrevention.Geo.IO;

namespace GeoPrevention.Benchmarks;

/// <summary>
/// The peers' <c>h_write_geojson</c> step without the rest of the pipeline: the synthetic districts (EPSG:25832) with the
/// joined attributes (<c>sr_id, name, year, children_u15, sgb2_children_u15, rate</c>) written as RFC 7946 GeoJSON in
/// EPSG:4326 with 7 decimals (as mapshaper <c>precision=0.0000001</c> and QGIS <c>COORDINATE_PRECISION=7</c>), to a file
/// in the temp folder. <c>Reproject</c> times the layer reprojection alone (Krüger series for 25832 → 4326).
/// Run: <c>dotnet run -c Release --project bench/GeoPrevention.Benchmarks -- --filter '*GeoJsonWriteBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class GeoJsonWriteBenchmarks
{
    private VectorLayer _joined = null!;
    private string _path = null!;

    /// <summary>Sizes whose data exist on this machine (see <see cref="ReadBenchmarks.Sizes"/>).</summary>
    public static IEnumerable<int> Sizes() => ReadBenchmarks.Sizes();

    /// <summary>Number of districts.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>Reads the districts and attaches the attributes (not timed).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var layer = VectorLayerReader.Read(BenchData.File(N, "gpkg"));
        var features = layer.Features.Select((f, k) => new VectorFeature(k, f.Geometry, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["sr_id"] = f.GetText("sr_id"),
            ["name"] = f.GetText("name"),
            ["year"] = 2023L,
            ["children_u15"] = (long)(100 + (k % 900)),
            ["sgb2_children_u15"] = (long)(k % 90),
            ["rate"] = (k % 90) * 100.0 / (100 + (k % 900)),
        })).ToList();
        _joined = new VectorLayer(layer.Source, layer.Format, layer.Crs, ["sr_id", "name", "year", "children_u15", "sgb2_children_u15", "rate"], features);
        _path = Path.Combine(Path.GetTempPath(), $"gp-geojson-bench-{Environment.ProcessId}.geojson");
    }

    /// <summary>Deletes the output.</summary>
    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>Reprojection and writing, as in h_write_geojson (from 4,096 features in parallel chunks, one thread per core).</summary>
    /// <returns>Bytes written.</returns>
    [Benchmark]
    public long WriteGeoJson()
    {
        VectorLayerWriter.WriteGeoJson(_joined, _path);
        return new FileInfo(_path).Length;
    }

    /// <summary>The same on one thread (the writer before issue 9's parallel mode; the file is byte-identical).</summary>
    /// <returns>Bytes written.</returns>
    [Benchmark(Baseline = true)]
    public long WriteGeoJsonOneThread()
    {
        VectorLayerWriter.WriteGeoJsonInChunks(_joined, _path, null, int.MaxValue, workers: 1);
        return new FileInfo(_path).Length;
    }

    /// <summary>The whole layer reprojected to EPSG:4326 (new geometries).</summary>
    /// <returns>Feature count.</returns>
    [Benchmark]
    public int Reproject() => Reprojector.Reproject(_joined, 4326).Features.Count;
}
