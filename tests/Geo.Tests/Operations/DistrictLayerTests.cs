using GeoPrevention.Geo.Operations;

namespace GeoPrevention.Geo.Tests.Operations;

[TestClass]
public sealed class DistrictLayerTests
{
    // Land and water part of one municipality (adjacent unit squares) plus a second municipality.
    private static VectorLayer SplitMunicipality() => TestLayers.FromWkt(
        ("05570004", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"),
        ("05570008", "POLYGON((5 0, 6 0, 6 1, 5 1, 5 0))"),
        ("05570004", "POLYGON((1 0, 2 0, 2 1, 1 1, 1 0))"));

    [TestMethod]
    public void FromLayer_DuplicateKeysDissolve_UnionsPartsAndReports()
    {
        var layer = DistrictLayer.FromLayer(SplitMunicipality(), new DistrictLayerOptions { KeyField = "key", NameField = "name" });

        Assert.AreEqual(2, layer.Count);
        var ahlen = layer.Find("05570004")!;
        Assert.AreEqual(2d, ahlen.Geometry.Area, 1e-12);
        Assert.AreEqual("Polygon", ahlen.Geometry.GeometryType);
        CollectionAssert.AreEqual(new[] { 0, 2 }, ahlen.SourceIndices.ToArray());
        Assert.AreEqual("Name 05570004", ahlen.Name);
        var duplicate = layer.Diagnostics.Single(d => d.Kind == GeoDiagnosticKind.DuplicateKey);
        Assert.AreEqual("05570004", duplicate.Key);
        StringAssert.Contains(duplicate.Message, "features 0, 2", StringComparison.Ordinal);
    }

    [TestMethod]
    public void FromLayer_DuplicateKeysReport_KeepsBothAndReports()
    {
        var layer = DistrictLayer.FromLayer(SplitMunicipality(), new DistrictLayerOptions { KeyField = "key", DuplicateKeys = DuplicateKeyPolicy.Report });

        Assert.AreEqual(3, layer.Count);
        Assert.AreEqual(1, layer.Diagnostics.Count(d => d.Kind == GeoDiagnosticKind.DuplicateKey));
        Assert.AreEqual(0, layer.Find("05570004")!.SourceIndices[0]);
    }

    [TestMethod]
    public void FromLayer_DuplicateKeysFail_ThrowsNamingKey()
    {
        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => DistrictLayer.FromLayer(SplitMunicipality(), new DistrictLayerOptions { KeyField = "key", DuplicateKeys = DuplicateKeyPolicy.Fail }));

        StringAssert.Contains(ex.Message, "'05570004'", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "features 0, 2", StringComparison.Ordinal);
    }

    [TestMethod]
    public void FromLayer_Keys_KeepLeadingZeros()
    {
        var layer = DistrictLayer.FromLayer(SplitMunicipality(), "key");

        CollectionAssert.AreEqual(new[] { "05570004", "05570008" }, layer.Keys.ToArray());
        Assert.IsNull(layer.Find("5570004"));
        Assert.AreEqual("05570008", layer.Find("05570008")!.Name);
    }

    [TestMethod]
    public void FromLayer_MissingKeyAndNullGeometry_ReportedAndHandled()
    {
        var source = TestLayers.FromWkt((null, "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"), ("  ", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"), ("X", null));

        var layer = DistrictLayer.FromLayer(source, "key");

        Assert.AreEqual(1, layer.Count);
        Assert.IsTrue(layer.Districts[0].Geometry.IsEmpty);
        CollectionAssert.AreEqual(new int?[] { 0, 1 }, layer.Diagnostics.Where(d => d.Kind == GeoDiagnosticKind.MissingKey).Select(d => d.FeatureIndex).ToArray());
        Assert.AreEqual("X", layer.Diagnostics.Single(d => d.Kind == GeoDiagnosticKind.NullGeometry).Key);
    }

    [TestMethod]
    public void FromLayer_ParentField_IsRead()
    {
        var features = new List<VectorFeature>
        {
            new(0, TestLayers.Geom("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"), new Dictionary<string, object?> { ["id"] = "SR1", ["gem"] = "05570004" }),
            new(1, TestLayers.Geom("POLYGON((1 0, 2 0, 2 1, 1 1, 1 0))"), new Dictionary<string, object?> { ["id"] = "SR2", ["gem"] = " " }),
        };
        var source = new VectorLayer("p.test", "test", TestLayers.Utm32, ["id", "gem"], features);

        var layer = DistrictLayer.FromLayer(source, new DistrictLayerOptions { KeyField = "id", ParentField = "gem" });

        Assert.AreEqual("05570004", layer.Districts[0].ParentKey);
        Assert.IsNull(layer.Districts[1].ParentKey);
        Assert.AreEqual(TestLayers.Utm32, layer.Crs);
    }

    [TestMethod]
    public void FromLayer_NumericKeyField_ReportsPossibleLostZeros()
    {
        var features = new List<VectorFeature> { new(0, TestLayers.Geom("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"), new Dictionary<string, object?> { ["ags"] = 5570004d }) };
        var source = new VectorLayer("n.dbf", "Shapefile", TestLayers.Utm32, ["ags"], features);

        var layer = DistrictLayer.FromLayer(source, "ags");

        Assert.AreEqual("5570004", layer.Districts[0].Key);
        StringAssert.Contains(layer.Diagnostics.Single(d => d.Kind == GeoDiagnosticKind.Other).Message, "leading zeros", StringComparison.Ordinal);
    }

    [TestMethod]
    public void FromLayer_UnknownField_ThrowsArgumentException()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => DistrictLayer.FromLayer(SplitMunicipality(), "AGS"));

        StringAssert.Contains(ex.Message, "'AGS'", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "key, name", StringComparison.Ordinal);
    }

    [TestMethod]
    public void FromLayer_InvalidGeometryFail_ThrowsNamingKey()
    {
        var source = TestLayers.FromWkt(("05570012", "POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))"));

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => DistrictLayer.FromLayer(source, new DistrictLayerOptions { KeyField = "key", InvalidGeometries = InvalidGeometryPolicy.Fail }));

        StringAssert.Contains(ex.Message, "key '05570012'", StringComparison.Ordinal);
    }
}
