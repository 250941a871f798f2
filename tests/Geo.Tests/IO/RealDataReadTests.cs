using GeoPrevention.Geo.IO;
using GeoPrevention.Tests.Shared;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Tests.IO;

/// <summary>Reads the real boundary files in ../shared/realdata; expected counts are from the READMEs there and counted here.</summary>
[TestClass]
public sealed class RealDataReadTests
{
    // The 2.8 MB TopoJSON is read once for the two tests that need it (tests run in parallel; Lazy is thread-safe).
    private static readonly Lazy<VectorLayer> Vg250Topo = new(() => VectorLayerReader.Read(TestPaths.RealData("bkg-vg250-gem-topojson", "gemeinden_vg250.topojson")));

    private static readonly string[] WarendorfAgs =
    [
        "05570004", "05570008", "05570012", "05570016", "05570020", "05570024", "05570028",
        "05570032", "05570036", "05570040", "05570044", "05570048", "05570052",
    ];

    [TestMethod]
    [DataRow("gemeinden_vg250.topojson", "TopoJSON")]
    [DataRow("germany_gem_vg250_wgs84.geojson", "GeoJSON")]
    public void Read_Vg250Germany_HasReadmeCountsDuplicatesNullAndEmpty(string file, string format)
    {
        var layer = format == "TopoJSON" ? Vg250Topo.Value : VectorLayerReader.Read(TestPaths.RealData("bkg-vg250-gem-topojson", file));

        Assert.AreEqual(format, layer.Format);
        Assert.HasCount(11103, layer.Features);
        Assert.AreEqual(4326, layer.Crs.Epsg);
        Assert.AreEqual(CrsOrigin.FormatDefault, layer.Crs.Origin);

        // README: 10,949 distinct AGS, 154 AGS occur twice.
        var byAgs = layer.Features.GroupBy(f => f.GetText("AGS")!).ToList();
        Assert.HasCount(10949, byAgs);
        Assert.AreEqual(154, byAgs.Count(g => g.Count() == 2));
        Assert.AreEqual(0, byAgs.Count(g => g.Count() > 2));

        // README: 1 null geometry (03457501 Insel Lütje Hörn), 4 empty MultiPolygons.
        var nulls = layer.Diagnostics.Where(d => d.Kind == GeoDiagnosticKind.NullGeometry).ToList();
        Assert.HasCount(1, nulls);
        Assert.AreEqual("03457501", layer.Features[nulls[0].FeatureIndex!.Value].GetText("AGS"));
        var empties = layer.Diagnostics.Where(d => d.Kind == GeoDiagnosticKind.EmptyGeometry)
            .Select(d => layer.Features[d.FeatureIndex!.Value].GetText("AGS")).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(new[] { "01054039", "08335066", "13074087", "13075106" }, empties);
        Assert.AreEqual("Lütje Hörn", layer.Features[nulls[0].FeatureIndex!.Value].GetText("GEN")?.Replace("Insel ", string.Empty, StringComparison.Ordinal));
    }

    [TestMethod]
    public void Read_Vg250TopoJsonAndGeoJson_DecodeToTheSameCoordinates()
    {
        // The GeoJSON is a 6-decimal decode of the TopoJSON (README), so vertices agree to 5e-7 degrees.
        var topo = Vg250Topo.Value;
        var geo = VectorLayerReader.Read(TestPaths.RealData("bkg-vg250-gem-topojson", "kreis_warendorf_gem_vg250_wgs84.geojson"));
        var ahlenTopo = topo.Features.Single(f => f.GetText("AGS") == "05570004").Geometry!;
        var ahlenGeo = geo.Features.Single(f => f.GetText("AGS") == "05570004").Geometry!;

        Assert.AreEqual(ahlenGeo.NumPoints, ahlenTopo.NumPoints);
        Assert.AreEqual(ahlenGeo.EnvelopeInternal.MinX, ahlenTopo.EnvelopeInternal.MinX, 1e-6);
        Assert.AreEqual(ahlenGeo.EnvelopeInternal.MaxY, ahlenTopo.EnvelopeInternal.MaxY, 1e-6);
        Assert.IsTrue(ahlenGeo.EqualsExact(ahlenTopo, 1e-6), "Ahlen differs between TopoJSON and its GeoJSON decode");
    }

    [TestMethod]
    public void Read_Vg5000Shapefile_RecognisesEsriGaussKrugerPrjAndUtf8Umlauts()
    {
        var layer = VectorLayerReader.Read(TestPaths.RealData("bkg-vg5000-2021", "shp", "VG5000_GEM.shp"));

        Assert.AreEqual("Shapefile", layer.Format);
        Assert.AreEqual(31467, layer.Crs.Epsg);
        Assert.AreEqual(CrsOrigin.Declared, layer.Crs.Origin);
        Assert.HasCount(10997, layer.Features);
        Assert.IsTrue(layer.Features.Any(f => f.GetText("GEN") == "Münster"));
        Assert.IsTrue(layer.Features.Any(f => f.GetText("GEN") == "Düsseldorf"));
        Assert.AreEqual("Oelde", layer.Features.Single(f => f.GetText("AGS") == "05570028").GetText("GEN"));
        Assert.IsTrue(layer.Diagnostics.Any(d => d.Message.Contains("VG5000_GEM.cpg", StringComparison.Ordinal)), "encoding source not reported");
        Assert.AreEqual(31467, layer.Features[0].Geometry!.SRID);

        // The 3 self-intersecting polygons (README) are kept as read, not emptied or dropped.
        Assert.IsFalse(layer.Diagnostics.Any(d => d.Kind is GeoDiagnosticKind.EmptyGeometry or GeoDiagnosticKind.NullGeometry));
        var box = layer.Features[0].Geometry!.EnvelopeInternal;
        Assert.IsTrue(box.MinX > 3_000_000 && box.MaxX < 4_000_000, "GK3 eastings expected");
    }

    [TestMethod]
    public void Read_Dvg2WithoutCrsMember_DetectsUtm32WithNote()
    {
        var layer = VectorLayerReader.Read(TestPaths.RealData("nrw-dvg2-2023", "dvg2gem_nw_o.json"));

        Assert.HasCount(374, layer.Features);
        Assert.AreEqual(25832, layer.Crs.Epsg);
        Assert.AreEqual(CrsOrigin.Detected, layer.Crs.Origin);
        StringAssert.Contains(layer.Crs.Note, "25832", StringComparison.Ordinal);
        Assert.IsTrue(layer.Diagnostics.Any(d => d.Kind == GeoDiagnosticKind.CrsDetected));
        Assert.AreEqual("05570004", layer.Features.Single(f => f.GetText("GN") == "Ahlen").GetText("KN"));
    }

    [TestMethod]
    [DataRow("bkg-vg250-gem-topojson", "kreis_warendorf_gem_vg250_wgs84.geojson", "AGS")]
    [DataRow("nrw-dvg2-2023", "kreis_warendorf_gem_dvg2_wgs84.geojson", "KN")]
    [DataRow("bkg-vg5000-2021", "kreis_warendorf_gem_vg5000_wgs84.geojson", "AGS")]
    public void Read_KreisWarendorfSubsets_ThirteenAgsWithLeadingZeros(string folder, string file, string keyField)
    {
        var layer = VectorLayerReader.Read(TestPaths.RealData(folder, file), new VectorReadOptions { RequiredGeometry = RequiredGeometry.Polygonal });

        var keys = layer.Features.Select(f => f.Attributes[keyField]).ToArray();
        Assert.IsTrue(keys.All(k => k is string), "keys must stay text");
        CollectionAssert.AreEqual(WarendorfAgs, keys.Cast<string>().Order(StringComparer.Ordinal).ToArray());
        Assert.IsTrue(layer.Features.All(f => f.Geometry is Polygon or MultiPolygon));
    }
}
