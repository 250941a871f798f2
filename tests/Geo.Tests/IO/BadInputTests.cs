using System.Text;
using GeoPrevention.Geo.IO;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Geo.Tests.IO;

/// <summary>Broken files written by the tests themselves: each must give a domain exception naming the file.</summary>
[TestClass]
public sealed class BadInputTests
{
    private const string Square = "[[[7.9,51.9],[8.0,51.9],[8.0,52.0],[7.9,52.0],[7.9,51.9]]]";

    [TestMethod]
    public void Read_GeoJsonSyntaxError_NamesFileLineAndColumn()
    {
        var path = Write("broken.geojson", "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n    {\"type\": \"Feature\" \"properties\": {}}\n  ]\n}\n");

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(path));

        Assert.AreEqual(path, ex.FilePath);
        // Line 4 is '    {"type": "Feature" "properties": {}}'; the unexpected '"' is the 24th byte.
        Assert.AreEqual(4L, ex.Line);
        Assert.AreEqual(24L, ex.Column);
        StringAssert.StartsWith(ex.Message, path + ":4:24: JSON syntax error", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_TruncatedJson_NamesFileAndPosition()
    {
        var path = Write("cut.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"AGS\":\"0557");

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(path));

        Assert.AreEqual(1L, ex.Line);
        Assert.IsNotNull(ex.Column);
    }

    [TestMethod]
    [DataRow("empty.geojson")]
    [DataRow("empty.topojson")]
    [DataRow("empty.gpkg")]
    [DataRow("empty.shp")]
    [DataRow("empty.dat")]
    public void Read_EmptyFile_SaysEmpty(string name)
    {
        var path = Write(name, string.Empty);

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(path));

        Assert.AreEqual(path, ex.FilePath);
        StringAssert.Contains(ex.Message, "empty", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_WhitespaceOnlyGeoJson_SaysEmpty()
    {
        var path = Write("blank.geojson", "\uFEFF  \n ");

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(path));

        StringAssert.Contains(ex.Message, "empty", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_MissingFile_NamesFile()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "nothing.geojson");

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(path));

        Assert.AreEqual(path, ex.FilePath);
    }

    [TestMethod]
    public void Read_MixedGeometriesWherePolygonsRequired_NamesFirstOffenderAndTypes()
    {
        var path = Write("mixed.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + Square + "}},"
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[7.9,51.9],[8.0,52.0]]}},"
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[7.9,51.9]}}]}");

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(path, new VectorReadOptions { RequiredGeometry = RequiredGeometry.Polygonal }));

        Assert.AreEqual(path, ex.FilePath);
        StringAssert.Contains(ex.Message, "feature 1 is a LineString", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "1 Polygon", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "1 Point", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_MixedGeometriesWithoutRequirement_ReadsAll()
    {
        var path = Write("mixed-ok.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + Square + "}},"
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[7.9,51.9]}}]}");

        var layer = VectorLayerReader.Read(path);

        Assert.HasCount(2, layer.Features);
    }

    [TestMethod]
    public void Read_PointShapefileWherePolygonsRequired_Throws()
    {
        var dir = TestPaths.NewTempDirectory();
        var shp = Path.Combine(dir, "points.shp");
        var factory = new NetTopologySuite.Geometries.GeometryFactory();
        var layer = new VectorLayer("mem", "mem", Geo.Crs.CrsRegistry.Get(25832), ["name"],
            [new VectorFeature(0, factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(430000, 5750000)), new Dictionary<string, object?> { ["name"] = "Warendorf" })]);
        VectorLayerWriter.WriteShapefile(layer, shp);

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(shp, new VectorReadOptions { RequiredGeometry = RequiredGeometry.Polygonal }));

        Assert.AreEqual(shp, ex.FilePath);
        StringAssert.Contains(ex.Message, "feature 0 is a Point", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_TruncatedShp_NamesShpAndSizes()
    {
        var shp = PeerShapefileCopy(out _);
        var bytes = File.ReadAllBytes(shp);
        File.WriteAllBytes(shp, bytes[..(bytes.Length / 2)]);

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(shp));

        Assert.AreEqual(shp, ex.FilePath);
        StringAssert.Contains(ex.Message, "truncated", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_ShpShorterThanHeader_SaysTruncated()
    {
        var shp = PeerShapefileCopy(out _);
        File.WriteAllBytes(shp, File.ReadAllBytes(shp)[..60]);

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(shp));

        StringAssert.Contains(ex.Message, "truncated", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_MissingDbf_NamesTheDbf()
    {
        var shp = PeerShapefileCopy(out var dir);
        File.Delete(Path.Combine(dir, "districts_100.dbf"));

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(shp));

        Assert.AreEqual(Path.Combine(dir, "districts_100.dbf"), ex.FilePath);
        StringAssert.Contains(ex.Message, "missing", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_GarbagePrj_NamesThePrj()
    {
        var shp = PeerShapefileCopy(out var dir);
        var prj = Path.Combine(dir, "districts_100.prj");
        File.WriteAllText(prj, "PROJCS[\"half a definition\",GEOGCS[\"GCS\",DATUM[");

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(shp));

        Assert.AreEqual(prj, ex.FilePath);
        Assert.IsInstanceOfType<UnknownCrsException>(ex.InnerException);
    }

    [TestMethod]
    public void Read_GpkgThatIsNotSqlite_SaysNotSqlite()
    {
        var path = Write("fake.gpkg", "this is a text file pretending to be a GeoPackage");

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(path));

        Assert.AreEqual(path, ex.FilePath);
        StringAssert.Contains(ex.Message, "not an SQLite database", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_SqliteWithoutGpkgTables_SaysNotGeoPackage()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "plain.gpkg");
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE t (a INTEGER)";
            cmd.ExecuteNonQuery();
        }

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(path));

        StringAssert.Contains(ex.Message, "no gpkg_contents", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_GpkgUnknownLayerName_ListsTables()
    {
        var gpkg = TestPaths.Bench("data", "districts_100.gpkg");

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(gpkg, new VectorReadOptions { LayerName = "nope" }));

        StringAssert.Contains(ex.Message, "districts", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_UnclosedRing_NamesFeature()
    {
        var path = Write("open.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[7.9,51.9],[8.0,51.9],[8.0,52.0],[7.9,52.0]]]}}]}");

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(path));

        StringAssert.Contains(ex.Message, "Feature 0", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "not closed", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_StringCoordinate_NamesFeature()
    {
        var path = Write("text.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\"7.9\",51.9]}}]}");

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(path));

        StringAssert.Contains(ex.Message, "Feature 0: a coordinate is string", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_UnknownFormat_SaysSo()
    {
        var path = Write("data.xyz", "x;y\n1;2\n");

        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => VectorLayerReader.Read(path));

        StringAssert.Contains(ex.Message, "Unknown format", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_ProjectedCoordinatesOutsideGermanyWithoutCrs_ThrowsUnknownCrs()
    {
        var path = Write("far.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[450000,100000]}}]}");

        var ex = Assert.ThrowsExactly<UnknownCrsException>(() => VectorLayerReader.Read(path));

        StringAssert.Contains(ex.Message, path, StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_ShapefileWithoutPrj_DetectsUtm32AndReports()
    {
        var shp = PeerShapefileCopy(out var dir);
        File.Delete(Path.Combine(dir, "districts_100.prj"));

        var layer = VectorLayerReader.Read(shp);

        Assert.AreEqual(25832, layer.Crs.Epsg);
        Assert.AreEqual(CrsOrigin.Detected, layer.Crs.Origin);
        Assert.IsTrue(layer.Diagnostics.Any(d => d.Kind == GeoDiagnosticKind.CrsDetected));
    }

    [TestMethod]
    public void Read_GeoJsonCrsMemberWithoutCode_ThrowsUnknownCrsNamingFile()
    {
        var path = Write("odd.geojson", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"Lambert local\"}},\"features\":[]}");

        var ex = Assert.ThrowsExactly<UnknownCrsException>(() => VectorLayerReader.Read(path));

        StringAssert.Contains(ex.Message, path, StringComparison.Ordinal);
    }

    [TestMethod]
    public void Read_CrsOverrideNotBuiltIn_ThrowsUnknownCrs()
    {
        var gpkg = TestPaths.Bench("data", "districts_100.gpkg");

        Assert.ThrowsExactly<UnknownCrsException>(() => VectorLayerReader.Read(gpkg, new VectorReadOptions { CrsEpsg = 3035 }));
    }

    private static string Write(string name, string content)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static string PeerShapefileCopy(out string dir)
    {
        dir = TestPaths.NewTempDirectory();
        foreach (var ext in new[] { "shp", "shx", "dbf", "prj", "cpg" })
        {
            File.Copy(TestPaths.Bench("data", "districts_100." + ext), Path.Combine(dir, "districts_100." + ext));
        }

        return Path.Combine(dir, "districts_100.shp");
    }
}
