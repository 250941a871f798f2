using GeoPrevention.Geo.IO;
using GeoPrevention.Tests.Shared;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GeoPrevention.Geo.Tests.Operations;

/// <summary>Builds small layers from WKT and caches the peer benchmark layer.</summary>
internal static class TestLayers
{
    public static readonly CrsInfo Utm32 = new(25832, "ETRS89 / UTM zone 32N", CrsOrigin.Declared);
    public static readonly CrsInfo Wgs84 = new(4326, "WGS 84", CrsOrigin.FormatDefault);

    private static readonly WKTReader Wkt = new();
    private static readonly Lazy<VectorLayer> Districts1000 = new(() => VectorLayerReader.Read(TestPaths.Bench("data", "districts_1000.gpkg")));

    public static Geometry Geom(string wkt) => Wkt.Read(wkt);

    /// <summary>A layer with one feature per (key, WKT) pair; a null WKT gives a null geometry.</summary>
    public static VectorLayer FromWkt(params (string? Key, string? Wkt)[] rows) => FromWkt(Utm32, rows);

    public static VectorLayer FromWkt(CrsInfo crs, params (string? Key, string? Wkt)[] rows)
    {
        var features = new List<VectorFeature>();
        for (var i = 0; i < rows.Length; i++)
        {
            var attributes = new Dictionary<string, object?> { ["key"] = rows[i].Key, ["name"] = rows[i].Key is null ? null : "Name " + rows[i].Key };
            features.Add(new VectorFeature(i, rows[i].Wkt is null ? null : Geom(rows[i].Wkt!), attributes));
        }

        return new VectorLayer("test.wkt", "WKT", crs, ["key", "name"], features);
    }

    /// <summary>A 3×3 grid of unit squares; cell (row r, column c) has index 3r + c and key "rc".</summary>
    public static Geometry[] Grid3x3()
    {
        var cells = new Geometry[9];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                cells[(3 * r) + c] = Geom($"POLYGON(({c} {r}, {c + 1} {r}, {c + 1} {r + 1}, {c} {r + 1}, {c} {r}))");
            }
        }

        return cells;
    }

    /// <summary>The N = 1000 peer districts (<c>../shared/bench/data/districts_1000.gpkg</c>, EPSG:25832), read once per test run (the layer is immutable).</summary>
    public static VectorLayer Bench1000 => Districts1000.Value;
}
