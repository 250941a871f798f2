using System.Text;
using System.Text.Json;
using GeoPrevention.Geo.Crs;
using GeoPrevention.Geo.IO;
using GeoPrevention.Tests.Shared;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Tests.IO;

/// <summary>Coordinate text, precision and determinism of <see cref="VectorLayerWriter.WriteGeoJson"/>.</summary>
[TestClass]
public sealed class GeoJsonWriteTests
{
    private static readonly GeometryFactory Factory = new();

    [TestMethod]
    public void WriteGeoJson_KnownValues_AreRoundedHalfAwayAndTrimmed()
    {
        // Hand-computed: 7.00390625 = 7 + 2⁻⁸ is exact in binary and 7.00390625 · 1e7 = 70039062.5 exactly, so half away from
        // zero gives 70039063 → "7.0039063"; likewise −0.00390625 → "-0.0039063"; 52 has no decimals; 1e-8 rounds to 0;
        // 51.95270001 → 51.9527 (trailing zeros dropped).
        var ring = new[] { new Coordinate(7.00390625, 52), new Coordinate(-0.00390625, 51.95270001), new Coordinate(1e-8, 51), new Coordinate(7.00390625, 52) };
        var layer = new VectorLayer("memory", "test", CrsRegistry.Get(4326), ["id"], [new VectorFeature(0, Factory.CreatePolygon(ring), new Dictionary<string, object?> { ["id"] = "a" })]);
        var path = Path.Combine(TestPaths.NewTempDirectory(), "known.geojson");

        VectorLayerWriter.WriteGeoJson(layer, path);
        var text = File.ReadAllText(path, Encoding.UTF8);

        // The ring is already counter-clockwise in lon/lat (RFC 7946 §3.1.6), so it keeps its order.
        StringAssert.Contains(text, "\"coordinates\":[[[7.0039063,52],[-0.0039063,51.9527],[0,51],[7.0039063,52]]]", StringComparison.Ordinal);
    }

    [TestMethod]
    public void WriteGeoJson_PeerDistricts_ParseBackToExactlyTheRoundedReprojection()
    {
        // districts_1000.gpkg (EPSG:25832, ../shared/bench/data): every written number parses back to exactly
        // Math.Round(v, d, AwayFromZero) of the reprojected coordinate, for the default 7 and for RFC 7946's suggested 6 decimals.
        var layer = VectorLayerReader.Read(TestPaths.Bench("data", "districts_1000.gpkg"));
        var expected = Reprojector.Reproject(layer, 4326);
        var dir = TestPaths.NewTempDirectory();
        foreach (var decimals in new[] { 7, 6 })
        {
            var path = Path.Combine(dir, $"d{decimals}.geojson");
            VectorLayerWriter.WriteGeoJson(layer, path, new VectorWriteOptions { CoordinateDecimals = decimals });

            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var features = doc.RootElement.GetProperty("features");
            Assert.AreEqual(layer.Features.Count, features.GetArrayLength());
            var checkedPositions = 0;
            var k = 0;
            foreach (var feature in features.EnumerateArray())
            {
                var want = (Polygon)(expected.Features[k].Geometry is MultiPolygon mp ? mp.GetGeometryN(0) : expected.Features[k].Geometry!);
                var coords = feature.GetProperty("geometry").GetProperty("coordinates");
                var shell = coords.GetArrayLength() > 0 && coords[0][0].ValueKind == JsonValueKind.Array && coords[0][0][0].ValueKind == JsonValueKind.Array ? coords[0][0] : coords[0];
                var written = shell.EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble())).ToArray();
                var source = want.Shell.Coordinates;
                Assert.AreEqual(source.Length, written.Length, $"feature {k}");
                Assert.IsTrue(Orientation.IsCCW(written), $"feature {k}: shell counter-clockwise");
                var rounded = source.Select(c => new Coordinate(Math.Round(c.X, decimals, MidpointRounding.AwayFromZero), Math.Round(c.Y, decimals, MidpointRounding.AwayFromZero))).ToArray();
                if (!Orientation.IsCCW(rounded))
                {
                    Array.Reverse(rounded);
                }

                for (var i = 0; i < written.Length; i++)
                {
                    Assert.AreEqual(rounded[i].X, written[i].X, 0.0, $"feature {k} position {i} x ({decimals} decimals)");
                    Assert.AreEqual(rounded[i].Y, written[i].Y, 0.0, $"feature {k} position {i} y ({decimals} decimals)");
                    checkedPositions++;
                }

                k++;
            }

            Assert.IsGreaterThan(5000, checkedPositions);
        }
    }

    [TestMethod]
    public void WriteGeoJson_SameLayerTwice_IsByteIdentical()
    {
        var layer = VectorLayerReader.Read(TestPaths.Bench("data", "districts_1000.gpkg"));
        var dir = TestPaths.NewTempDirectory();

        VectorLayerWriter.WriteGeoJson(layer, Path.Combine(dir, "a.geojson"));
        VectorLayerWriter.WriteGeoJson(layer, Path.Combine(dir, "b.geojson"));

        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(dir, "a.geojson")), File.ReadAllBytes(Path.Combine(dir, "b.geojson")));
    }

    [TestMethod]
    public void WriteGeoJson_NonFiniteCoordinate_ThrowsNamingTheFeature()
    {
        var line = Factory.CreateLineString([new Coordinate(7, 52), new Coordinate(double.PositiveInfinity, 52)]);
        var layer = new VectorLayer("memory", "test", CrsRegistry.Get(4326), [], [new VectorFeature(0, line, new Dictionary<string, object?>())]);
        var path = Path.Combine(TestPaths.NewTempDirectory(), "bad.geojson");

        var ex = Assert.ThrowsExactly<ArgumentException>(() => VectorLayerWriter.WriteGeoJson(layer, path));

        StringAssert.Contains(ex.Message, "Feature 0", StringComparison.Ordinal);
        Assert.IsFalse(File.Exists(path), "atomic write leaves no file");
    }
}
