using GeoPrevention.Geo.Operations;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Tests.Operations;

[TestClass]
public sealed class LabelPointTests
{
    [TestMethod]
    public void Compute_Square_IsCentre()
    {
        var point = LabelPoint.Compute(TestLayers.Geom("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"))!;

        // Default tolerance 0.01 × 10 = 0.1.
        Assert.AreEqual(5d, point.X, 0.1);
        Assert.AreEqual(5d, point.Y, 0.1);
    }

    [TestMethod]
    public void Compute_UShape_InsideAndFarFromBoundary()
    {
        // A U (bar 0..10 × 0..3, arms 3 wide) whose centroid lies in the notch.
        var u = TestLayers.Geom("POLYGON((0 0, 10 0, 10 10, 7 10, 7 3, 3 3, 3 10, 0 10, 0 0))");

        var label = LabelPoint.Compute(u, new LabelPointOptions { RelativeTolerance = 0.001 })!;
        var interior = LabelPoint.Compute(u, new LabelPointOptions { Method = LabelPointMethod.InteriorPoint })!;

        Assert.IsFalse(u.Contains(u.Centroid));
        Assert.IsTrue(u.Contains(label));
        Assert.IsTrue(u.Contains(interior));
        // The largest circle sits in an outer corner where an arm meets the bar, touching the two outer walls
        // and the inner corner (3, 3): centre (r, r) with (3 − r)·√2 = r, so r = 3√2 / (1 + √2) ≈ 1.757
        // (more than the 1.5 half-width of the bar and the arms).
        Assert.AreEqual(3 * Math.Sqrt(2) / (1 + Math.Sqrt(2)), u.Boundary.Distance(label), 0.02);
        Assert.IsTrue(u.Boundary.Distance(label) >= u.Boundary.Distance(interior) - 1e-9);
    }

    [TestMethod]
    public void Compute_MultiPolygon_UsesLargestPart()
    {
        var multi = TestLayers.Geom("MULTIPOLYGON(((100 100, 101 100, 101 101, 100 101, 100 100)), ((0 0, 10 0, 10 10, 0 10, 0 0)))");

        var point = LabelPoint.Compute(multi)!;

        Assert.AreEqual(Location.Interior, new IndexedPointInAreaLocator(multi.GetGeometryN(1)).Locate(point.Coordinate));
    }

    [TestMethod]
    public void Compute_EmptyOrBadTolerance_NullOrThrows()
    {
        Assert.IsNull(LabelPoint.Compute(TestLayers.Geom("POLYGON EMPTY")));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => LabelPoint.Compute(TestLayers.Geom("POLYGON((0 0, 1 0, 1 1, 0 0))"), new LabelPointOptions { RelativeTolerance = 0 }));
    }

    [TestMethod]
    public void ComputeAll_PeerData1000_EveryPointInsideItsDistrict()
    {
        // The first 300 of the 1000 peer districts (Voronoi cells, many thin ones) keep the test fast.
        var layer = DistrictLayer.FromLayer(TestLayers.Bench1000, "sr_id");
        var geometries = layer.Geometries.Take(300).ToArray();

        var points = LabelPoint.ComputeAll(geometries);

        for (var i = 0; i < points.Length; i++)
        {
            Assert.AreEqual(Location.Interior, new IndexedPointInAreaLocator(geometries[i]).Locate(points[i]!.Coordinate), layer.Keys[i]);
            Assert.IsTrue(geometries[i].Boundary.Distance(points[i]) >= geometries[i].Boundary.Distance(geometries[i].InteriorPoint) * 0.9, layer.Keys[i]);
        }
    }
}
