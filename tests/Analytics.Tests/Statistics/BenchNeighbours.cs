using GeoPrevention.Tests.Shared;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GeoPrevention.Analytics.Tests.Statistics;

/// <summary>
/// Queen neighbours of the N = 1000 peer districts (<c>../shared/bench/data/districts_1000.gpkg</c>), sorted by
/// sr_id. Test-only: an independent reimplementation of spdep <c>poly2nb(queen = TRUE)</c> for this data set,
/// whose shared vertices are bit-identical (coordinates rounded to 1 mm by the generator), so two polygons are
/// queen neighbours exactly when they share a vertex. The lead switches this to Geo's contiguity on merge.
/// </summary>
internal static class BenchNeighbours
{
    private static readonly Lazy<(string[] Ids, int[][] Neighbours, double[] X, double[] Y)> Data = new(Load);

    /// <summary>The sr_id of each unit, ascending.</summary>
    public static string[] Ids => Data.Value.Ids;

    /// <summary>Queen neighbour lists in sr_id order.</summary>
    public static int[][] Queen => Data.Value.Neighbours;

    /// <summary>Centroid eastings in sr_id order.</summary>
    public static double[] CentroidX => Data.Value.X;

    /// <summary>Centroid northings in sr_id order.</summary>
    public static double[] CentroidY => Data.Value.Y;

    private static (string[], int[][], double[], double[]) Load()
    {
        var path = TestPaths.Bench("data", "districts_1000.gpkg");
        var ids = new List<string>();
        var polys = new List<Geometry>();
        var reader = new GeoPackageGeoReader();
        using (var conn = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT sr_id, geom FROM districts ORDER BY sr_id";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                ids.Add(r.GetString(0));
                polys.Add(reader.Read((byte[])r.GetValue(1)));
            }
        }

        var byVertex = new Dictionary<(double, double), List<int>>();
        for (var i = 0; i < polys.Count; i++)
        {
            foreach (var c in polys[i].Coordinates)
            {
                if (!byVertex.TryGetValue((c.X, c.Y), out var list))
                {
                    list = [];
                    byVertex[(c.X, c.Y)] = list;
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        var sets = new HashSet<int>[polys.Count];
        for (var i = 0; i < sets.Length; i++)
        {
            sets[i] = [];
        }

        foreach (var list in byVertex.Values)
        {
            foreach (var a in list)
            {
                foreach (var b in list)
                {
                    if (a != b)
                    {
                        sets[a].Add(b);
                    }
                }
            }
        }

        var nb = sets.Select(s => s.Order().ToArray()).ToArray();
        var x = polys.Select(p => p.Centroid.X).ToArray();
        var y = polys.Select(p => p.Centroid.Y).ToArray();
        return ([.. ids], nb, x, y);
    }
}
