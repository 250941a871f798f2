using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace GeoPrevention.Geo.Tests.Operations;

/// <summary>Builds small layers from WKT and reads GeoJSON test data (NetTopologySuite.IO.GeoJSON4STJ) into layers.</summary>
internal static class TestLayers
{
    public static readonly CrsInfo Utm32 = new(25832, "ETRS89 / UTM zone 32N", CrsOrigin.Declared);
    public static readonly CrsInfo Wgs84 = new(4326, "WGS 84", CrsOrigin.FormatDefault);

    private static readonly WKTReader Wkt = new();
    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

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

    /// <summary>Reads a GeoJSON FeatureCollection into a layer with the given CRS (the test states the CRS from the data README).</summary>
    public static VectorLayer ReadGeoJson(string path, CrsInfo crs)
    {
        FeatureCollection collection;
        using (var stream = File.OpenRead(path))
        {
            collection = JsonSerializer.Deserialize<FeatureCollection>(stream, GeoJsonOptions)!;
        }

        var fields = new List<string>();
        var features = new List<VectorFeature>(collection.Count);
        for (var i = 0; i < collection.Count; i++)
        {
            var f = collection[i];
            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (f.Attributes is not null)
            {
                foreach (var name in f.Attributes.GetNames())
                {
                    if (!fields.Contains(name))
                    {
                        fields.Add(name);
                    }

                    attributes[name] = f.Attributes[name] switch
                    {
                        decimal d => (double)d,
                        JsonElement e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.ToString(),
                        var other => other,
                    };
                }
            }

            features.Add(new VectorFeature(i, f.Geometry, attributes));
        }

        return new VectorLayer(path, "GeoJSON", crs, fields, features);
    }
}
