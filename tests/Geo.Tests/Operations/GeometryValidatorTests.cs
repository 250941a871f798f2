using GeoPrevention.Geo.Operations;
using NetTopologySuite.Operation.Valid;

namespace GeoPrevention.Geo.Tests.Operations;

[TestClass]
public sealed class GeometryValidatorTests
{
    // A bow-tie: the ring crosses itself at (1, 1).
    private const string BowTie = "POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))";
    private const string Square = "POLYGON((10 0, 11 0, 11 1, 10 1, 10 0))";

    private static VectorLayer Layer() => TestLayers.FromWkt(("A", Square), ("B", BowTie), ("C", null), ("D", "POLYGON EMPTY"));

    [TestMethod]
    public void Validate_BowTie_ReportsSelfIntersectionWithLocation()
    {
        var result = GeometryValidator.Validate(Layer(), new GeometryValidationOptions { Policy = InvalidGeometryPolicy.Keep, KeyField = "key" });

        var issue = result.InvalidGeometries.Single();
        Assert.AreEqual(1, issue.FeatureIndex);
        Assert.AreEqual("B", issue.Key);
        Assert.AreEqual(TopologyValidationErrors.SelfIntersection, issue.Kind);
        Assert.IsNotNull(issue.Location);
        Assert.AreEqual(1d, issue.Location.X, 1e-12);
        Assert.AreEqual(1d, issue.Location.Y, 1e-12);
        var diagnostic = result.Diagnostics.Single(d => d.Kind == GeoDiagnosticKind.InvalidGeometry);
        Assert.AreEqual("B", diagnostic.Key);
        StringAssert.Contains(diagnostic.Message, "SelfIntersection", StringComparison.Ordinal);
        StringAssert.Contains(diagnostic.Message, "(1, 1)", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Validate_NullAndEmpty_ReportedAndKept()
    {
        var result = GeometryValidator.Validate(Layer(), new GeometryValidationOptions { Policy = InvalidGeometryPolicy.Keep, KeyField = "key" });

        Assert.AreEqual(1, result.NullCount);
        Assert.AreEqual(1, result.EmptyCount);
        Assert.AreEqual("C", result.Diagnostics.Single(d => d.Kind == GeoDiagnosticKind.NullGeometry).Key);
        Assert.AreEqual("D", result.Diagnostics.Single(d => d.Kind == GeoDiagnosticKind.EmptyGeometry).Key);
        Assert.HasCount(4, result.Layer.Features);
    }

    [TestMethod]
    public void Validate_Repair_MakesValidAndKeepsArea()
    {
        var input = Layer();
        var result = GeometryValidator.Validate(input, new GeometryValidationOptions { Policy = InvalidGeometryPolicy.Repair, KeyField = "key" });

        var repaired = result.Layer.Features[1].Geometry!;
        Assert.IsTrue(repaired.IsValid);
        // The bow-tie is noded into two triangles of area 1 each (hand computation).
        Assert.AreEqual("MultiPolygon", repaired.GeometryType);
        Assert.AreEqual(2d, repaired.Area, 1e-12);
        Assert.AreEqual(1, result.RepairedCount);
        Assert.AreEqual(1, result.Diagnostics.Count(d => d.Kind == GeoDiagnosticKind.RepairedGeometry && d.FeatureIndex == 1));
        // The input layer is not changed.
        Assert.IsFalse(input.Features[1].Geometry!.IsValid);
        Assert.AreSame(input.Features[0].Geometry, result.Layer.Features[0].Geometry);
    }

    [TestMethod]
    public void Validate_Skip_DropsInvalidFeatureAndReports()
    {
        var result = GeometryValidator.Validate(Layer(), new GeometryValidationOptions { Policy = InvalidGeometryPolicy.Skip, KeyField = "key" });

        Assert.HasCount(3, result.Layer.Features);
        CollectionAssert.AreEqual(new[] { 0, 2, 3 }, result.Layer.Features.Select(f => f.Index).ToArray());
        Assert.AreEqual(1, result.SkippedCount);
        Assert.AreEqual("B", result.Diagnostics.Single(d => d.Kind == GeoDiagnosticKind.SkippedFeature).Key);
    }

    [TestMethod]
    public void Validate_Keep_LeavesGeometryUnchanged()
    {
        var input = Layer();
        var result = GeometryValidator.Validate(input, new GeometryValidationOptions { Policy = InvalidGeometryPolicy.Keep });

        Assert.AreSame(input.Features[1].Geometry, result.Layer.Features[1].Geometry);
        Assert.AreEqual(0, result.RepairedCount + result.SkippedCount);
        Assert.IsNull(result.InvalidGeometries.Single().Key);
    }

    [TestMethod]
    public void Validate_Fail_ThrowsNamingFileIndexAndKey()
    {
        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => GeometryValidator.Validate(Layer(), new GeometryValidationOptions { Policy = InvalidGeometryPolicy.Fail, KeyField = "key" }));

        Assert.AreEqual("test.wkt", ex.FilePath);
        StringAssert.Contains(ex.Message, "Feature 1 (key 'B')", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "SelfIntersection", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Validate_PreviousDiagnostics_AreKeptFirst()
    {
        var source = Layer();
        var withReadDiagnostic = new VectorLayer(source.Source, source.Format, source.Crs, source.Fields, source.Features, [new GeoDiagnostic(GeoDiagnosticKind.CrsDetected, "assumed")]);

        var result = GeometryValidator.Validate(withReadDiagnostic);

        Assert.AreEqual(GeoDiagnosticKind.CrsDetected, result.Layer.Diagnostics[0].Kind);
        Assert.HasCount(1 + result.Diagnostics.Count, result.Layer.Diagnostics);
    }

    [TestMethod]
    public void FindError_ValidAndEmpty_ReturnNull()
    {
        Assert.IsNull(GeometryValidator.FindError(TestLayers.Geom(Square)));
        Assert.IsNull(GeometryValidator.FindError(TestLayers.Geom("POLYGON EMPTY")));
        Assert.IsNotNull(GeometryValidator.FindError(TestLayers.Geom(BowTie)));
    }
}
