using GeoPrevention.Geo.IO;
using GeoPrevention.Geo.Operations;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Statistics;

/// <summary>
/// Queen neighbours of the N = 1000 peer districts (<c>../shared/bench/data/districts_1000.gpkg</c>), sorted by
/// sr_id, read with <see cref="VectorLayerReader"/> and built with <see cref="Contiguity.Queen(IReadOnlyList{NetTopologySuite.Geometries.Geometry?})"/>
/// (spdep <c>poly2nb(queen = TRUE)</c>).
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
        var layer = VectorLayerReader.Read(TestPaths.Bench("data", "districts_1000.gpkg"));
        var features = layer.Features.OrderBy(f => f.GetText("sr_id"), StringComparer.Ordinal).ToArray();
        var ids = features.Select(f => f.GetText("sr_id")!).ToArray();
        var geometries = features.Select(f => f.Geometry).ToArray();
        var neighbours = Contiguity.Queen(geometries).ToArrays();

        var x = geometries.Select(g => g!.Centroid.X).ToArray();
        var y = geometries.Select(g => g!.Centroid.Y).ToArray();
        return (ids, neighbours, x, y);
    }
}
