using System.Text.Json;
using GeoPrevention.Geo;
using GeoPrevention.Geo.Crs;
using GeoPrevention.Geo.IO;
using GeoPrevention.Geo.Operations;
using GeoPrevention.MapHost.Web;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;

namespace GeoPrevention.MapHost.Tests.Web;

[TestClass]
public sealed class CoverageGeoJsonTests
{
    [TestMethod]
    [DataRow("sozialraeume", 15.0)]
    [DataRow("sozialraeume", 60.0)]
    [DataRow("gemeinden", 60.0)]
    public void Simplify_DemoLayer_KeepsNeighboursAndLeavesNoGapsOrOverlaps(string layerId, double tolerance)
    {
        var original = MapHostApplication.Demo.GetLayer(layerId).Geometries;

        var (simplified, asCoverage) = CoverageGeoJson.Simplify(original, tolerance);

        Assert.IsTrue(asCoverage, "the demo layers are valid coverages");
        Assert.IsLessThanOrEqualTo(original.Sum(g => g.NumPoints), simplified.Sum(g => g.NumPoints));
        AssertCoverageKept(original, simplified);
    }

    [TestMethod]
    public void Simplify_RealMunicipalitiesOfKreisWarendorf_RemovesVerticesAndKeepsTheCoverage()
    {
        // NRW DVG2 2023 municipalities of Kreis Warendorf (Geobasis NRW, ../shared/realdata/nrw-dvg2-2023), to EPSG:25832.
        var read = Reprojector.Reproject(VectorLayerReader.Read(TestPaths.RealData("nrw-dvg2-2023", "kreis_warendorf_gem_dvg2_wgs84.geojson")), 25832);
        var original = DistrictLayer.FromLayer(read, new DistrictLayerOptions { KeyField = "KN", NameField = "GN" }).Geometries;

        var (simplified, asCoverage) = CoverageGeoJson.Simplify(original, 100);

        Assert.IsTrue(asCoverage, "DVG2 is a valid coverage");
        Assert.HasCount(13, original);
        Assert.IsLessThan(original.Sum(g => g.NumPoints) * 2 / 3, simplified.Sum(g => g.NumPoints), "a 100 m tolerance removes more than a third of the vertices");
        AssertCoverageKept(original, simplified);
    }

    private static void AssertCoverageKept(IReadOnlyList<Geometry> original, Geometry[] simplified)
    {
        AssertSameNeighbours(Contiguity.Queen(original), Contiguity.Queen(simplified));
        Assert.IsTrue(CoverageValidator.IsValid(simplified), "the simplified polygons still form a coverage (no overlaps, matching shared edges)");

        // No overlaps: neighbours meet along lines only. No gaps: the union keeps its parts, gains no hole, and keeps
        // its area within 0.5 %.
        var neighbours = Contiguity.Queen(simplified);
        for (var i = 0; i < simplified.Length; i++)
        {
            foreach (var j in neighbours[i].ToArray().Where(j => j > i))
            {
                Assert.AreEqual(0, simplified[i].Intersection(simplified[j]).Area, 1e-3, $"polygon {i} overlaps polygon {j}");
            }
        }

        var before = CoverageUnion.Union([.. original]);
        var after = CoverageUnion.Union(simplified);
        Assert.AreEqual(before.NumGeometries, after.NumGeometries);
        Assert.AreEqual(HoleCount(before), HoleCount(after), "no gap between neighbours");
        Assert.AreEqual(before.Area, after.Area, before.Area * 0.005, "the total area stays within 0.5 %");
    }

    [TestMethod]
    public void Write_Sozialraeume_GeoJsonNeighboursEqualTheOriginal()
    {
        var layer = MapHostApplication.Demo.GetLayer("sozialraeume");

        var result = CoverageGeoJson.Write(layer, CoverageGeoJson.ToleranceMetres(GeoJsonDetail.Medium));

        Assert.IsTrue(result.SimplifiedAsCoverage);
        var json = JsonDocument.Parse(result.Utf8).RootElement;
        var factory = new GeometryFactory();
        var polygons = json.GetProperty("features").EnumerateArray().Select(f => (Geometry)ReadPolygonal(factory, f.GetProperty("geometry"))).ToList();
        Assert.HasCount(layer.Count, polygons);
        // After the transformation to WGS84 and rounding to 6 decimals, neighbours still share their vertices.
        AssertSameNeighbours(Contiguity.Queen(layer.Geometries), Contiguity.Queen(polygons));
        foreach (var p in polygons.SelectMany(g => Enumerable.Range(0, g.NumGeometries).Select(i => (Polygon)g.GetGeometryN(i))))
        {
            Assert.IsTrue(NetTopologySuite.Algorithm.Orientation.IsCCW(p.ExteriorRing.CoordinateSequence), "RFC 7946: exterior rings counter-clockwise");
            Assert.IsTrue(p.Coordinates.All(c => c.X is > 7 and < 9 && c.Y is > 51 and < 53), "WGS84 longitude/latitude around Warendorf");
        }
    }

    private static void AssertSameNeighbours(NeighbourList expected, NeighbourList actual)
    {
        Assert.AreEqual(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            CollectionAssert.AreEqual(expected[i].ToArray(), actual[i].ToArray(), $"neighbours of polygon {i}");
        }
    }

    private static int HoleCount(Geometry g) => Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<Polygon>().Sum(p => p.NumInteriorRings);

    private static Geometry ReadPolygonal(GeometryFactory factory, JsonElement geometry)
    {
        Polygon Poly(JsonElement rings)
        {
            var list = rings.EnumerateArray().Select(r => factory.CreateLinearRing([.. r.EnumerateArray().Select(c => new Coordinate(c[0].GetDouble(), c[1].GetDouble()))])).ToList();
            return factory.CreatePolygon(list[0], [.. list.Skip(1)]);
        }

        var coordinates = geometry.GetProperty("coordinates");
        return geometry.GetProperty("type").GetString() == "Polygon"
            ? Poly(coordinates)
            : factory.CreateMultiPolygon([.. coordinates.EnumerateArray().Select(Poly)]);
    }
}
