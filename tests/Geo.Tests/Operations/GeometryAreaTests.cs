using GeoPrevention.Geo.IO;
using GeoPrevention.Geo.Operations;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Geo.Tests.Operations;

[TestClass]
public sealed class GeometryAreaTests
{
    [TestMethod]
    public void SquareKilometres_PeerData1000_MatchesSf()
    {
        var layer = DistrictLayer.FromLayer(TestLayers.Bench1000, "sr_id");

        var areas = GeometryArea.SquareKilometres(layer);

        // Issue 2 known answers: total 1319.000 km², SR000001 0.795274 km² (abs 1e-6).
        Assert.AreEqual(1319.000, areas.Sum(), 1e-3);
        Assert.AreEqual(0.795274, areas[0], 1e-6);
        // R sf::st_area (GEOS 3.11.1), ../shared/bench/results/peers-2026-11-28.json runs.r_1000.results.area_km2; README tolerance abs 1e-9.
        Assert.AreEqual(PeerResults.R(1000).GetProperty("area_km2").GetProperty("total").GetDouble(), GeometryArea.TotalSquareKilometres(layer), 1e-9);
        foreach (var (id, area) in PeerResults.First20(1000, "area_km2", "first20", "area_km2"))
        {
            var i = layer.Keys.ToList().IndexOf(id);
            Assert.AreEqual(area, areas[i], 1e-9, id);
        }
    }

    [TestMethod]
    public void SquareKilometres_AhlenDvg2_WithinOnePercentOfOfficial()
    {
        // nrw-dvg2-2023/README.md: the derived file is EPSG:25832 with key field AGS; Ahlen is 05570004.
        var source = VectorLayerReader.Read(TestPaths.RealData("nrw-dvg2-2023", "nrw_gem_396_dvg2_epsg25832.geojson"), new VectorReadOptions { CrsEpsg = 25832 });
        var layer = DistrictLayer.FromLayer(source, "AGS");

        var ahlen = GeometryArea.SquareKilometres(layer.Find("05570004")!.Geometry);

        // Official area 123.13 km² (IT.NRW); the README measures 122.99 km² on DVG2.
        Assert.AreEqual(123.13, ahlen, 123.13 * 0.01);
        Assert.AreEqual(122.99, ahlen, 0.01);
        Assert.AreEqual(396, layer.Count);
    }

    [TestMethod]
    public void SquareKilometres_GeographicLayer_ThrowsAskingToReproject()
    {
        var layer = TestLayers.FromWkt(TestLayers.Wgs84, ("a", "POLYGON((7 51, 8 51, 8 52, 7 52, 7 51))"));

        var ex = Assert.ThrowsExactly<ArgumentException>(() => GeometryArea.SquareKilometres(layer));

        StringAssert.Contains(ex.Message, "EPSG:25832", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "geographic", StringComparison.Ordinal);
    }

    [TestMethod]
    public void SquareKilometres_WebMercatorOrUnknownDegrees_Throws()
    {
        var mercator = TestLayers.FromWkt(new CrsInfo(3857, "WGS 84 / Pseudo-Mercator", CrsOrigin.Declared), ("a", "POLYGON((0 0, 1000 0, 1000 1000, 0 0))"));
        var unknownDegrees = TestLayers.FromWkt(new CrsInfo(null, "unknown", CrsOrigin.Detected), ("a", "POLYGON((7 51, 8 51, 8 52, 7 52, 7 51))"));
        var geographicWkt = TestLayers.FromWkt(new CrsInfo(null, "GCS_ETRS_1989", CrsOrigin.Declared, "GEOGCS[\"GCS_ETRS_1989\",DATUM[\"D_ETRS_1989\",SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"), ("a", "POLYGON((7 51, 8 51, 8 52, 7 52, 7 51))"));

        Assert.IsFalse(GeometryArea.IsMetric(mercator));
        Assert.IsFalse(GeometryArea.IsMetric(unknownDegrees));
        Assert.IsFalse(GeometryArea.IsMetric(geographicWkt));
        Assert.IsTrue(GeometryArea.IsMetric(TestLayers.FromWkt(("a", "POLYGON((7 51, 8 51, 8 52, 7 52, 7 51))"))));
        Assert.ThrowsExactly<ArgumentException>(() => GeometryArea.TotalSquareKilometres(mercator));
        Assert.ThrowsExactly<ArgumentException>(() => GeometryArea.TotalSquareKilometres(unknownDegrees));
        Assert.ThrowsExactly<ArgumentException>(() => GeometryArea.TotalSquareKilometres(geographicWkt));
    }

    [TestMethod]
    public void SquareKilometres_MetricLayer_NullGeometryCountsZero()
    {
        var layer = TestLayers.FromWkt(("a", "POLYGON((0 0, 2000 0, 2000 1000, 0 1000, 0 0), (100 100, 200 100, 200 200, 100 200, 100 100))"), ("b", null));

        var areas = GeometryArea.SquareKilometres(layer);

        // 2 km² minus a 0.01 km² hole.
        CollectionAssert.AreEqual(new[] { 1.99, 0d }, areas, new ToleranceComparer(1e-12));
    }

    private sealed class ToleranceComparer(double tolerance) : System.Collections.IComparer
    {
        public int Compare(object? x, object? y) => Math.Abs((double)x! - (double)y!) <= tolerance ? 0 : 1;
    }
}
