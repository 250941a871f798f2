using GeoPrevention.Geo.Crs;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Tests.Crs;

[TestClass]
public sealed class ReprojectorTests
{
    private const double Lon = 7.9883;
    private const double Lat = 51.9527;

    [TestMethod]
    public void Transform_WarendorfTo25832_MatchesControlPoint()
    {
        // Control point from the issue / ../shared/stack-notes.md; pyproj 3.4.1 (PROJ 9.1): 430473.9317, 5756260.8063.
        var (e, n) = Reprojector.Transform(Lon, Lat, 4326, 25832);

        Assert.AreEqual(430473.93, e, 0.01);
        Assert.AreEqual(5756260.81, n, 0.01);
    }

    [TestMethod]
    public void Transform_WarendorfTo4647_AddsZonePrefix()
    {
        var (e, n) = Reprojector.Transform(Lon, Lat, 4326, 4647);

        Assert.AreEqual(32430473.93, e, 0.01);
        Assert.AreEqual(5756260.81, n, 0.01);
    }

    [TestMethod]
    public void Transform_WarendorfToGaussKruger_MatchesProjWithSameHelmert()
    {
        // pyproj 3.4.1 with +ellps=bessel +towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 (EPSG:1777):
        // zone 3 (3430518.7444, 5758123.8423), zone 2 (2636730.9171, 5759510.6820).
        var (e3, n3) = Reprojector.Transform(Lon, Lat, 4326, 31467);
        var (e2, n2) = Reprojector.Transform(Lon, Lat, 4326, 31466);

        Assert.AreEqual(3430518.744, e3, 0.01);
        Assert.AreEqual(5758123.842, n3, 0.01);
        Assert.AreEqual(2636730.917, e2, 0.01);
        Assert.AreEqual(5759510.682, n2, 0.01);
    }

    [TestMethod]
    public void Transform_GaussKrugerHelmert_IsWithinOneAndAHalfMetresOfBeta2007()
    {
        // PROJ 9.1 with the BETA2007 grid (pyproj default for 4326 -> 31467) gives (3430519.4900, 5758122.9593):
        // the documented accuracy limit of the Helmert shift (1.16 m here).
        var (e, n) = Reprojector.Transform(Lon, Lat, 4326, 31467);

        var distance = Math.Sqrt(Math.Pow(e - 3430519.4900, 2) + Math.Pow(n - 5758122.9593, 2));
        Assert.IsLessThan(1.5, distance);
        Assert.IsGreaterThan(0.5, distance);
    }

    [TestMethod]
    public void Transform_GaussKruger3RoundTrip_ReturnsTheStartWithinTwoCentimetres()
    {
        // ProjNet inverts the Helmert shift approximately (measured 1.1e-7° ≈ 8 mm); 3e-7° is about 2 cm.
        var (e, n) = Reprojector.Transform(Lon, Lat, 4326, 31467);
        var (lon, lat) = Reprojector.Transform(e, n, 31467, 4326);

        Assert.AreEqual(Lon, lon, 3e-7);
        Assert.AreEqual(Lat, lat, 3e-7);
    }

    [TestMethod]
    public void Transform_WarendorfTo3857_MatchesSphericalMercatorFormula()
    {
        // x = R·λ, y = R·ln(tan(π/4 + φ/2)), R = 6378137 (pyproj: 889253.4883, 6791577.5221).
        var (x, y) = Reprojector.Transform(Lon, Lat, 4326, 3857);

        Assert.AreEqual(6378137 * Lon * Math.PI / 180, x, 0.01);
        Assert.AreEqual(6378137 * Math.Log(Math.Tan((Math.PI / 4) + (Lat * Math.PI / 360))), y, 0.01);
    }

    [TestMethod]
    public void Reproject_Polygon_ReturnsNewGeometryAndLeavesInputUntouched()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var square = factory.CreatePolygon([new(7.9, 51.9), new(8.0, 51.9), new(8.0, 52.0), new(7.9, 52.0), new(7.9, 51.9)]);

        var projected = Reprojector.Reproject(square, 4326, 25832);

        Assert.AreEqual(25832, projected.SRID);
        Assert.AreEqual(7.9, square.Coordinates[0].X);
        Assert.IsTrue(projected.EnvelopeInternal.MinX > 420_000 && projected.EnvelopeInternal.MaxX < 440_000);
        // ~6.9 km x 11.1 km at 52°N: area about 76.5 km² (0.1° lon × 0.1° lat).
        Assert.AreEqual(76.5, projected.Area / 1e6, 1.0);
    }

    [TestMethod]
    public void Reproject_Layer_SetsReprojectedOriginAndKeepsAttributes()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var feature = new VectorFeature(0, factory.CreatePoint(new Coordinate(Lon, Lat)), new Dictionary<string, object?> { ["AGS"] = "05570052" });
        var layer = new VectorLayer("mem", "GeoJSON", Geo.Crs.CrsRegistry.Get(4326, CrsOrigin.FormatDefault), ["AGS"], [feature, feature with { Index = 1, Geometry = null }]);

        var result = Reprojector.Reproject(layer, 25832);

        Assert.AreEqual(25832, result.Crs.Epsg);
        Assert.AreEqual(CrsOrigin.Reprojected, result.Crs.Origin);
        Assert.AreEqual("05570052", result.Features[0].GetText("AGS"));
        Assert.AreEqual(430473.93, ((Point)result.Features[0].Geometry!).X, 0.01);
        Assert.IsNull(result.Features[1].Geometry);
        Assert.AreEqual(Lon, ((Point)layer.Features[0].Geometry!).X);
    }

    [TestMethod]
    public void Reproject_UnknownTarget_ThrowsUnknownCrs()
    {
        var point = new GeometryFactory().CreatePoint(new Coordinate(1, 2));

        Assert.ThrowsExactly<UnknownCrsException>(() => Reprojector.Reproject(point, 4326, 3035));
    }
}
