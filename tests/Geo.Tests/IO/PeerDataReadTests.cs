using GeoPrevention.Geo.Crs;
using GeoPrevention.Geo.IO;
using GeoPrevention.Tests.Shared;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Tests.IO;

/// <summary>The synthetic peer data set N = 1000 (../shared/bench/data, written by GDAL from gen_data.py) in three formats.</summary>
[TestClass]
public sealed class PeerDataReadTests
{
    [TestMethod]
    [DataRow("gpkg", "GeoPackage", 25832, CrsOrigin.Declared)]
    [DataRow("shp", "Shapefile", 25832, CrsOrigin.Declared)]
    [DataRow("geojson", "GeoJSON", 4326, CrsOrigin.FormatDefault)]
    public void Read_Districts1000_HasAllDistrictsWithKeysInOrder(string extension, string format, int epsg, CrsOrigin origin)
    {
        var layer = VectorLayerReader.Read(TestPaths.Bench("data", "districts_1000." + extension), new VectorReadOptions { RequiredGeometry = RequiredGeometry.Polygonal });

        Assert.AreEqual(format, layer.Format);
        Assert.AreEqual(epsg, layer.Crs.Epsg);
        Assert.AreEqual(origin, layer.Crs.Origin);
        Assert.HasCount(1000, layer.Features);
        CollectionAssert.AreEqual(new[] { "sr_id", "name" }, layer.Fields.ToArray());
        var keys = layer.Features.Select(f => (string)f.Attributes["sr_id"]!).ToArray();
        CollectionAssert.AreEqual(Enumerable.Range(1, 1000).Select(i => "SR" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToArray(), keys);
        Assert.AreEqual("Oelde Süd 1", layer.Features[0].Attributes["name"]);
        Assert.IsFalse(layer.Diagnostics.Any(d => d.Kind is GeoDiagnosticKind.NullGeometry or GeoDiagnosticKind.EmptyGeometry));
    }

    [TestMethod]
    public void Read_Districts1000_ShapefileAndGeoPackageHaveIdenticalGeometries()
    {
        var gpkg = VectorLayerReader.Read(TestPaths.Bench("data", "districts_1000.gpkg"));
        var shp = VectorLayerReader.Read(TestPaths.Bench("data", "districts_1000.shp"));

        for (var i = 0; i < 1000; i++)
        {
            Assert.AreEqual(gpkg.Features[i].Attributes["name"], shp.Features[i].Attributes["name"]);
            Assert.IsTrue(gpkg.Features[i].Geometry!.Normalized().EqualsExact(shp.Features[i].Geometry!.Normalized()), $"feature {i}");
        }
    }

    [TestMethod]
    public void Read_Districts1000_GeoJsonReprojectedTo25832MatchesGeoPackageWithinOneCentimetre()
    {
        var gpkg = VectorLayerReader.Read(TestPaths.Bench("data", "districts_1000.gpkg"));
        var geojson = Reprojector.Reproject(VectorLayerReader.Read(TestPaths.Bench("data", "districts_1000.geojson")), 25832);

        var worst = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            // GDAL's RFC 7946 writer turned the rings counter-clockwise, so compare in normal form.
            var a = gpkg.Features[i].Geometry!.Normalized().Coordinates;
            var b = geojson.Features[i].Geometry!.Normalized().Coordinates;
            Assert.HasCount(a.Length, b);
            for (var k = 0; k < a.Length; k++)
            {
                worst = Math.Max(worst, Math.Max(Math.Abs(a[k].X - b[k].X), Math.Abs(a[k].Y - b[k].Y)));
            }
        }

        // The GeoJSON holds 7 decimals (≤ 0.6 cm rounding); allow 2 cm for rounding plus ProjNet.
        Assert.IsLessThan(0.02, worst, $"worst vertex difference {worst} m");
        Assert.AreEqual(25832, geojson.Features[0].Geometry!.SRID);
    }

    [TestMethod]
    public void Read_Districts1000_BoundingBoxMatchesGpkgContents()
    {
        // gpkg_contents of districts_1000.gpkg (written by GDAL): 403118.171 5735467.82 459315.029 5766444.748.
        var layer = VectorLayerReader.Read(TestPaths.Bench("data", "districts_1000.gpkg"));
        var box = new Envelope();
        foreach (var f in layer.Features)
        {
            box.ExpandToInclude(f.Geometry!.EnvelopeInternal);
        }

        Assert.AreEqual(403118.171, box.MinX, 1e-3);
        Assert.AreEqual(5735467.82, box.MinY, 1e-3);
        Assert.AreEqual(459315.029, box.MaxX, 1e-3);
        Assert.AreEqual(5766444.748, box.MaxY, 1e-3);
    }
}
