using BenchmarkDotNet.Attributes;
using GeoPrevention.Geo.IO;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GeoPrevention.Benchmarks;

/// <summary>
/// Reading the synthetic peer districts (../shared/bench/gen_data.py) from GeoPackage, Shapefile and GeoJSON, the same
/// inputs as the peers' "a_read_polygons" step in ../shared/bench/results/peers-2026-11-28.md. N = 1000 is always
/// available (../shared/bench/data); 10 000 and 100 000 only when generated into /tmp/gp-bench/data.
/// Run: <c>dotnet run -c Release --project bench/GeoPrevention.Benchmarks -- --filter '*ReadBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    /// <summary>Sizes whose data exist on this machine (GEOPREVENTION_BENCH_SIZES, e.g. "1000,100000", narrows the list).</summary>
    public static IEnumerable<int> Sizes()
    {
        var wanted = Environment.GetEnvironmentVariable("GEOPREVENTION_BENCH_SIZES");
        var sizes = string.IsNullOrEmpty(wanted)
            ? [1000, 10000, 100000]
            : wanted.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var n in sizes)
        {
            string? found = null;
            try
            {
                found = BenchData.File(n, "gpkg");
            }
            catch (FileNotFoundException)
            {
                // Not generated here: skip this size.
            }

            if (found is not null)
            {
                yield return n;
            }
        }
    }

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [Benchmark(Description = "GeoPackage (VectorLayerReader)")]
    public int GeoPackage() => VectorLayerReader.Read(BenchData.File(N, "gpkg")).Features.Count;

    [Benchmark(Description = "Shapefile (VectorLayerReader)")]
    public int Shapefile() => VectorLayerReader.Read(BenchData.File(N, "shp")).Features.Count;

    [Benchmark(Description = "GeoJSON (VectorLayerReader)")]
    public int GeoJson() => VectorLayerReader.Read(BenchData.File(N, "geojson")).Features.Count;

    /// <summary>
    /// The straightforward alternative the lean path is measured against: SqliteDataReader plus NetTopologySuite.IO.GeoPackage's
    /// GeoPackageGeoReader on each blob (geometries and two text columns, no CRS handling).
    /// </summary>
    [Benchmark(Description = "GeoPackage (SqliteDataReader + GeoPackageGeoReader)")]
    public int GeoPackageNtsReader()
    {
        using var connection = new SqliteConnection($"Data Source={BenchData.File(N, "gpkg")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT geom, sr_id, name FROM districts";
        using var r = cmd.ExecuteReader();
        var reader = new GeoPackageGeoReader();
        var list = new List<(Geometry, string, string)>();
        while (r.Read())
        {
            list.Add((reader.Read((byte[])r.GetValue(0)), r.GetString(1), r.GetString(2)));
        }

        return list.Count;
    }
}
