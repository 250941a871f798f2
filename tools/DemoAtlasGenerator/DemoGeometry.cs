using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Precision;
using NetTopologySuite.Triangulate;

namespace GeoPrevention.DemoAtlasGenerator;

/// <summary>One schematic Sozialraum polygon with its keys.</summary>
internal sealed record DemoDistrict(string Key, string Name, string ParentKey, Locality Locality, Polygon Geometry);

/// <summary>
/// Builds the schematic demo geometry in EPSG:25832:
/// 1. the locality seeds are projected to UTM 32N;
/// 2. the Kreis outline is the convex hull of all seeds, buffered by 4 km (a smooth, obviously schematic shape);
/// 3. each Sozialraum is the Voronoi cell of its seed, clipped to the outline, coordinates rounded to 1 mm
///    so that neighbours share bit-identical vertices (a clean coverage);
/// 4. municipalities, youth-welfare areas and the Kreis are exact unions of their Sozialräume.
/// </summary>
internal static class DemoGeometry
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(1000), 25832);

    public static IReadOnlyList<DemoDistrict> BuildSozialraeume(IReadOnlyList<Locality> localities, Func<double, double, (double X, double Y)> toUtm)
    {
        var seeds = localities.Select(l => toUtm(l.Lon, l.Lat)).Select(p => new Coordinate(Math.Round(p.X), Math.Round(p.Y))).ToArray();
        var outline = Reduce(Factory.CreateMultiPointFromCoords(seeds).ConvexHull().Buffer(4000, 8));

        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(seeds);
        var clip = outline.EnvelopeInternal.Copy();
        clip.ExpandBy(2000);
        builder.ClipEnvelope = clip;
        var cells = builder.GetDiagram(Factory);

        var bySeed = new Dictionary<Coordinate, Polygon>();
        for (var i = 0; i < cells.NumGeometries; i++)
        {
            var cell = (Polygon)cells.GetGeometryN(i);
            bySeed[(Coordinate)cell.UserData] = cell;
        }

        var perMunicipality = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<DemoDistrict>(localities.Count);
        for (var i = 0; i < localities.Count; i++)
        {
            var l = localities[i];
            var clipped = Reduce(bySeed[seeds[i]].Intersection(outline));
            if (clipped is not Polygon polygon)
            {
                throw new InvalidOperationException($"The cell of {l.Name} is not a single polygon ({clipped.GeometryType}).");
            }

            var n = perMunicipality[l.Ags] = perMunicipality.GetValueOrDefault(l.Ags) + 1;
            result.Add(new DemoDistrict($"{l.Ags}-{n:00}", l.Name, l.Ags, l, polygon));
        }

        return result;
    }

    /// <summary>Exact union of adjacent polygons that share vertices (no slivers).</summary>
    public static Geometry Union(IEnumerable<Geometry> parts)
    {
        var collection = Factory.BuildGeometry(parts.ToList());
        return Reduce(CoverageUnion.Union(collection));
    }

    private static Geometry Reduce(Geometry g) => GeometryPrecisionReducer.Reduce(g, Factory.PrecisionModel);
}
