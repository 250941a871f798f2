using GeoPrevention.Geo.Crs;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Tests.Crs;

[TestClass]
public sealed class CrsDetectorTests
{
    [TestMethod]
    [DataRow(7.7, 51.7, 8.3, 52.1, 4326)]
    [DataRow(403118.0, 5735467.0, 459315.0, 5766444.0, 25832)]
    [DataRow(32403118.0, 5735467.0, 32459315.0, 5766444.0, 4647)]
    [DataRow(2550000.0, 5600000.0, 2700000.0, 5800000.0, 31466)]
    [DataRow(3280000.0, 5230000.0, 3920000.0, 6100000.0, 31467)]
    public void Detect_GermanRanges_GiveTheExpectedCode(double minX, double minY, double maxX, double maxY, int expected)
    {
        var crs = CrsDetector.Detect(new Envelope(minX, maxX, minY, maxY), "test.geojson");

        Assert.AreEqual(expected, crs.Epsg);
        Assert.AreEqual(CrsOrigin.Detected, crs.Origin);
        StringAssert.Contains(crs.Note, "EPSG:" + expected.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        StringAssert.Contains(crs.Note, "No CRS declared", StringComparison.Ordinal);
    }

    [TestMethod]
    [DataRow(4400000.0, 5600000.0, 4500000.0, 5700000.0)] // Gauß-Krüger zone 4: not built in
    [DataRow(400000.0, 100000.0, 500000.0, 200000.0)] // metres, but far south of Germany
    [DataRow(33400000.0, 5600000.0, 33500000.0, 5700000.0)] // UTM zone 33 with prefix
    [DataRow(-500.0, 5600000.0, 2500000.0, 5700000.0)] // eastings spanning several systems
    public void Detect_ImplausibleRanges_ThrowUnknownCrs(double minX, double minY, double maxX, double maxY)
    {
        var ex = Assert.ThrowsExactly<UnknownCrsException>(() => CrsDetector.Detect(new Envelope(minX, maxX, minY, maxY), "test.geojson"));

        StringAssert.Contains(ex.Message, "test.geojson", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Detect_NoGeometries_ThrowsUnknownCrs()
    {
        Assert.ThrowsExactly<UnknownCrsException>(() => CrsDetector.Detect(Array.Empty<Geometry>()));
    }
}
