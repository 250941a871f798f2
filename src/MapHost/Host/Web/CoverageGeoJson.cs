using System.Text.Json;
using GeoPrevention.Geo;
using GeoPrevention.Geo.Crs;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;

namespace GeoPrevention.MapHost.Web;

/// <summary>How much a layer's outlines are simplified for the web map.</summary>
public enum GeoJsonDetail
{
    /// <summary>Tolerance 60 m: a whole-Kreis overview.</summary>
    Low,

    /// <summary>Tolerance 15 m (default): Kreis and Gemeinde views.</summary>
    Medium,

    /// <summary>Tolerance 3 m: close-up views of single Sozialräume.</summary>
    High,
}

/// <summary>
/// Turns a district layer into RFC 7946 GeoJSON for the web map. Rules:
/// 1. the polygons are simplified together as a coverage (NetTopologySuite <see cref="CoverageSimplifier"/>, a
///    topology-preserving Visvalingam–Whyatt variant): a border shared by two districts is simplified once, so
///    neighbours keep identical shared borders, and no gaps or slivers appear between them;
/// 2. when the layer is not a valid coverage (overlaps, gaps narrower than the tolerance, unmatched vertices, as
///    <see cref="CoverageValidator"/> reports them), every polygon is simplified on its own with
///    topology preservation instead, and the result says so (<see cref="CoverageGeoJsonResult.SimplifiedAsCoverage"/>);
/// 3. coordinates are transformed from EPSG:25832 to WGS84 longitude/latitude and rounded to 6 decimals (about
///    0.1 m); a vertex shared by two neighbours rounds to the same position in both;
/// 4. exterior rings are written counter-clockwise and holes clockwise (RFC 7946 §3.1.6);
/// 5. each feature carries only <c>key</c>, <c>name</c> and <c>parent</c> — no attribute of the source file.
/// </summary>
internal static class CoverageGeoJson
{
    /// <summary>The simplification tolerance in metres (EPSG:25832) of a detail level.</summary>
    public static double ToleranceMetres(GeoJsonDetail detail) => detail switch
    {
        GeoJsonDetail.Low => 60,
        GeoJsonDetail.High => 3,
        _ => 15,
    };

    /// <summary>Simplifies the polygons of a layer (EPSG:25832) as a coverage (rules 1 and 2).</summary>
    public static (Geometry[] Geometries, bool AsCoverage) Simplify(IReadOnlyList<Geometry> polygons, double toleranceMetres)
    {
        var input = polygons.ToArray();
        if (toleranceMetres <= 0)
        {
            return (input, true);
        }

        if (CoverageValidator.IsValid(input))
        {
            return (CoverageSimplifier.Simplify(input, toleranceMetres), true);
        }

        return ([.. input.Select(g => NetTopologySuite.Simplify.TopologyPreservingSimplifier.Simplify(g, toleranceMetres))], false);
    }

    /// <summary>Writes the layer as a FeatureCollection in WGS84 (all rules).</summary>
    public static CoverageGeoJsonResult Write(DistrictLayer layer, double toleranceMetres)
    {
        var (simplified, asCoverage) = Simplify(layer.Geometries, toleranceMetres);
        var sourceEpsg = layer.Crs.Epsg ?? 25832;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            for (var i = 0; i < layer.Districts.Count; i++)
            {
                var d = layer.Districts[i];
                var g = Reprojector.Reproject(simplified[i], sourceEpsg, 4326);
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteString("id", d.Key);
                w.WriteStartObject("properties");
                w.WriteString("key", d.Key);
                w.WriteString("name", d.Name);
                if (d.ParentKey is null)
                {
                    w.WriteNull("parent");
                }
                else
                {
                    w.WriteString("parent", d.ParentKey);
                }

                w.WriteEndObject();
                w.WritePropertyName("geometry");
                WriteGeometry(w, g);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return new CoverageGeoJsonResult(buffer.ToArray(), asCoverage);
    }

    private static void WriteGeometry(Utf8JsonWriter w, Geometry g)
    {
        var polygons = Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<Polygon>().Where(p => !p.IsEmpty).ToList();
        w.WriteStartObject();
        if (polygons.Count == 1)
        {
            w.WriteString("type", "Polygon");
            w.WritePropertyName("coordinates");
            WritePolygon(w, polygons[0]);
        }
        else
        {
            w.WriteString("type", "MultiPolygon");
            w.WriteStartArray("coordinates");
            foreach (var p in polygons)
            {
                WritePolygon(w, p);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WritePolygon(Utf8JsonWriter w, Polygon p)
    {
        w.WriteStartArray();
        WriteRing(w, p.ExteriorRing.CoordinateSequence, counterClockwise: true);
        foreach (var hole in p.InteriorRings)
        {
            WriteRing(w, hole.CoordinateSequence, counterClockwise: false);
        }

        w.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter w, CoordinateSequence ring, bool counterClockwise)
    {
        var reverse = Orientation.IsCCW(ring) != counterClockwise;
        w.WriteStartArray();
        for (var k = 0; k < ring.Count; k++)
        {
            var i = reverse ? ring.Count - 1 - k : k;
            w.WriteStartArray();
            w.WriteNumberValue(Math.Round(ring.GetX(i), 6, MidpointRounding.AwayFromZero));
            w.WriteNumberValue(Math.Round(ring.GetY(i), 6, MidpointRounding.AwayFromZero));
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}

/// <summary>A layer written as GeoJSON.</summary>
/// <param name="Utf8">The UTF-8 bytes.</param>
/// <param name="SimplifiedAsCoverage">False when the layer was not a valid coverage and its polygons were simplified one by one.</param>
internal sealed record CoverageGeoJsonResult(byte[] Utf8, bool SimplifiedAsCoverage);
