using GeoPrevention.Geo.Operations;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Tests.Operations;

[TestClass]
public sealed class DissolveTests
{
    [TestMethod]
    public void ByKey_Grid3x3_ColumnsBecomeRectanglesWithoutHoles()
    {
        var cells = TestLayers.Grid3x3();
        var column = Enumerable.Range(0, 9).Select(i => (string?)("col" + (i % 3))).ToArray();

        var result = Dissolve.ByKey(cells, column);

        Assert.HasCount(3, result.Groups);
        foreach (var group in result.Groups)
        {
            var polygon = (Polygon)group.Geometry;
            Assert.IsTrue(polygon.IsValid);
            Assert.AreEqual(0, polygon.NumInteriorRings);
            Assert.AreEqual(3d, polygon.Area, 1e-12);
            Assert.IsTrue(polygon.Normalized().EqualsTopologically(polygon.Envelope));
        }

        CollectionAssert.AreEqual(new[] { "0", "3", "6" }, result.Groups[0].MemberKeys.ToArray());
        Assert.IsEmpty(result.Diagnostics);
    }

    [TestMethod]
    public void Union_PeerData1000_OnePolygonNoSlivers()
    {
        var layer = DistrictLayer.FromLayer(TestLayers.Bench1000, "sr_id");

        var union = Dissolve.Union(layer.Geometries);

        // 1000 Voronoi cells with bit-identical shared vertices: one polygon, no gaps, area = the 1319 km² boundary.
        var polygon = (Polygon)union;
        Assert.IsTrue(polygon.IsValid);
        Assert.AreEqual(0, polygon.NumInteriorRings);
        Assert.AreEqual(1319.000, polygon.Area / 1e6, 1e-3);
    }

    [TestMethod]
    public void ByParent_MissingParent_ReportedAndLeftOut()
    {
        var features = new List<VectorFeature>
        {
            new(0, TestLayers.Geom("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"), new Dictionary<string, object?> { ["id"] = "SR1", ["gem"] = "G" }),
            new(1, TestLayers.Geom("POLYGON((1 0, 2 0, 2 1, 1 1, 1 0))"), new Dictionary<string, object?> { ["id"] = "SR2", ["gem"] = "G" }),
            new(2, TestLayers.Geom("POLYGON((2 0, 3 0, 3 1, 2 1, 2 0))"), new Dictionary<string, object?> { ["id"] = "SR3", ["gem"] = null }),
        };
        var layer = DistrictLayer.FromLayer(new VectorLayer("p.test", "test", TestLayers.Utm32, ["id", "gem"], features), new DistrictLayerOptions { KeyField = "id", ParentField = "gem" });

        var result = Dissolve.ByParent(layer);

        var group = result.Groups.Single();
        Assert.AreEqual("G", group.Key);
        CollectionAssert.AreEqual(new[] { "SR1", "SR2" }, group.MemberKeys.ToArray());
        Assert.AreEqual(2d, group.Geometry.Area, 1e-12);
        Assert.AreEqual("SR3", result.Diagnostics.Single(d => d.Kind == GeoDiagnosticKind.MissingKey).Key);
    }

    [TestMethod]
    public void Union_OverlappingInput_FallsBackToOverlayAndReports()
    {
        Geometry[] overlapping = [TestLayers.Geom("POLYGON((0 0, 2 0, 2 1, 0 1, 0 0))"), TestLayers.Geom("POLYGON((1 0, 3 0, 3 1, 1 1, 1 0))")];

        var result = Dissolve.ByKey(overlapping, ["k", "k"]);

        Assert.AreEqual(3d, result.Groups[0].Geometry.Area, 1e-12);
        Assert.IsTrue(result.Groups[0].Geometry.IsValid);
        StringAssert.Contains(result.Diagnostics.Single().Message, "not an exact coverage", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Union_GapBetweenNeighbours_FilledOnlyWithSliverOption()
    {
        // Three squares around a 0.001-wide gap (area 0.001): the union has a sliver hole.
        Geometry[] parts =
        [
            TestLayers.Geom("POLYGON((0 0, 3 0, 3 1, 0 1, 0 0))"),
            TestLayers.Geom("POLYGON((0 1, 1 1, 1 2, 0 2, 0 1))"),
            TestLayers.Geom("POLYGON((1.001 1, 3 1, 3 2, 1.001 2, 1.001 1))"),
            TestLayers.Geom("POLYGON((0 2, 3 2, 3 3, 0 3, 0 2))"),
        ];

        var plain = (Polygon)Dissolve.Union(parts);
        var filled = (Polygon)Dissolve.Union(parts, new DissolveOptions { MaximumSliverArea = 0.01 });

        Assert.AreEqual(1, plain.NumInteriorRings);
        Assert.AreEqual(0, filled.NumInteriorRings);
        Assert.AreEqual(9d, filled.Area, 1e-12);
    }

    [TestMethod]
    public void ByKey_LengthMismatch_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Dissolve.ByKey(TestLayers.Grid3x3(), ["a"]));
    }
}
