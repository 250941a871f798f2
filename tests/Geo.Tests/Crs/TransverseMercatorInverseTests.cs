using GeoPrevention.Geo.Crs;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace GeoPrevention.Geo.Tests.Crs;

/// <summary>The Krüger-series fast path of <see cref="Reprojector"/> for ETRS89 / UTM → WGS 84.</summary>
[TestClass]
public sealed class TransverseMercatorInverseTests
{
    [TestMethod]
    public void Transform_25832ControlPointTo4326_MatchesProjToATenthOfAMillimetre()
    {
        // pyproj 3.4.1 (PROJ 9.1), ../shared/stack-notes.md: (7.9883, 51.9527) <-> E 430473.9317, N 5756260.8063 (0.1 mm rounding).
        // 0.1 mm is 1.5e-9° of longitude and 0.9e-9° of latitude here; 3e-9° allows the rounding of the control point.
        var (lon, lat) = Reprojector.Transform(430473.9317, 5756260.8063, 25832, 4326);

        Assert.AreEqual(7.9883, lon, 3e-9);
        Assert.AreEqual(51.9527, lat, 3e-9);
    }

    [TestMethod]
    public void Transform_4647ControlPointTo4326_StripsTheZonePrefix()
    {
        var (lon, lat) = Reprojector.Transform(32430473.9317, 5756260.8063, 4647, 4326);

        Assert.AreEqual(7.9883, lon, 3e-9);
        Assert.AreEqual(51.9527, lat, 3e-9);
    }

    [TestMethod]
    public void Transform_PointsAcrossTheZone_MatchProjToATenthOfAMillimetre()
    {
        // PROJ 9.1 via pyproj 3.4.1 (Debian python3-pyproj on the bench machine), Transformer.from_crs(25832, 4326, always_xy=True),
        // printed with 10 decimals; these reach 4° west and 7° east of the central meridian 9°E.
        var cases = new (double E, double N, double Lon, double Lat)[]
        {
            (250000, 5200000, 5.7172410062, 46.9064411605),
            (950000, 6120000, 16.0447430321, 55.0224055363),
            (250000, 6120000, 5.0748055627, 55.1633285425),
            (950000, 5200000, 14.8978931869, 46.8013291704),
            (600000, 5700000, 10.4388767944, 51.4423523175),
            (285000, 5246000, 6.1542286342, 47.3321199478),
        };
        foreach (var c in cases)
        {
            var (lon, lat) = Reprojector.Transform(c.E, c.N, 25832, 4326);

            Assert.AreEqual(c.Lon, lon, 1e-9, $"lon at {c.E}, {c.N}");
            Assert.AreEqual(c.Lat, lat, 1e-9, $"lat at {c.E}, {c.N}");
        }
    }

    [TestMethod]
    public void Transform_GridOverGermany_StaysWithinProjNetsOwnSeriesError()
    {
        // ProjNet inverts with Snyder's USGS series, which drifts away from the central meridian (measured here: up to 4e-8°,
        // about 4.5 mm, at 4° off; PROJ agrees with the Krüger series to 1e-9°, see the test above). The two must agree
        // within 1e-7° (about 1 cm, the 7th GeoJSON decimal) everywhere in Germany.
        var utm = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(CrsRegistry.GetWkt(25832));
        var projNet = new CoordinateTransformationFactory().CreateFromCoordinateSystems(utm, GeographicCoordinateSystem.WGS84).MathTransform;
        var worst = 0.0;
        for (var e = 250_000.0; e <= 950_000; e += 35_000)
        {
            for (var n = 5_200_000.0; n <= 6_120_000; n += 46_000)
            {
                var (lon, lat) = Reprojector.Transform(e, n, 25832, 4326);
                var (refLon, refLat) = projNet.Transform(e, n);
                worst = Math.Max(worst, Math.Max(Math.Abs(lon - refLon), Math.Abs(lat - refLat)));
            }
        }

        Assert.IsLessThan(1e-7, worst, $"largest difference {worst:E2}°");
    }

    [TestMethod]
    public void Transform_CentralMeridianAndEquator_GiveExactOrigin()
    {
        // On the central meridian (E = 500 000) at N = 0 the inverse must return (9°, 0°) exactly up to rounding.
        var (lon, lat) = Reprojector.Transform(500_000, 0, 25832, 4326);

        Assert.AreEqual(9.0, lon, 1e-12);
        Assert.AreEqual(0.0, lat, 1e-12);
    }
}
