using GeoPrevention.Tests.Shared;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace GeoPrevention.Geo.Tests.Operations;

/// <summary>
/// Reads the peer benchmark GeoPackage (<c>../shared/bench/data/districts_N.gpkg</c>, table <c>districts</c>) into a
/// <see cref="VectorLayer"/> with Microsoft.Data.Sqlite and NTS's GeoPackage blob codec. A stand-in until the
/// geo-io branch's <c>VectorLayerReader</c> is merged; the lead will switch these tests to the real reader.
/// </summary>
internal static class BenchGpkg
{
    private static readonly Lazy<VectorLayer> Districts1000 = new(() => Read(TestPaths.Bench("data", "districts_1000.gpkg")));

    /// <summary>The N = 1000 peer districts (EPSG:25832), read once per test run (the layer is immutable).</summary>
    public static VectorLayer Load1000() => Districts1000.Value;

    public static VectorLayer Read(string path, string table = "districts")
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();

        string geometryColumn;
        int srsId;
        using (var meta = connection.CreateCommand())
        {
            meta.CommandText = "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = $t";
            meta.Parameters.AddWithValue("$t", table);
            using var r = meta.ExecuteReader();
            Assert.IsTrue(r.Read(), $"{path}: no geometry column for table '{table}'.");
            geometryColumn = r.GetString(0);
            srsId = r.GetInt32(1);
        }

        var fields = new List<string>();
        var features = new List<VectorFeature>();
        var reader = new GeoPackageGeoReader();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"SELECT * FROM \"{table}\" ORDER BY fid";
            using var r = cmd.ExecuteReader();
            var geomOrdinal = r.GetOrdinal(geometryColumn);
            for (var c = 0; c < r.FieldCount; c++)
            {
                if (c != geomOrdinal && r.GetName(c) != "fid")
                {
                    fields.Add(r.GetName(c));
                }
            }

            var index = 0;
            while (r.Read())
            {
                var geometry = r.IsDBNull(geomOrdinal) ? null : reader.Read((byte[])r.GetValue(geomOrdinal));
                var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var f in fields)
                {
                    var o = r.GetOrdinal(f);
                    attributes[f] = r.IsDBNull(o) ? null : r.GetValue(o);
                }

                features.Add(new VectorFeature(index++, geometry, attributes));
            }
        }

        return new VectorLayer(path, "GeoPackage", new CrsInfo(srsId, srsId == 25832 ? "ETRS89 / UTM zone 32N" : $"EPSG:{srsId}", CrsOrigin.Declared), fields, features);
    }
}
