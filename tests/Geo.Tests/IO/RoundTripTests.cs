using System.Buffers.Binary;
using System.Text;
using GeoPrevention.Geo.Crs;
using GeoPrevention.Geo.IO;
using GeoPrevention.Tests.Shared;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Tests.IO;

[TestClass]
public sealed class RoundTripTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 25832);

    [TestMethod]
    public void GeoPackage_WriteThenRead_KeepsFeaturesAttributesCrsAndSrid()
    {
        var layer = SampleLayer();
        var path = Path.Combine(TestPaths.NewTempDirectory(), "out.gpkg");

        VectorLayerWriter.Write(layer, path, new VectorWriteOptions { LayerName = "gemeinden" });
        var back = VectorLayerReader.Read(path);

        Assert.AreEqual("GeoPackage", back.Format);
        Assert.AreEqual(25832, back.Crs.Epsg);
        Assert.AreEqual(CrsOrigin.Declared, back.Crs.Origin);
        CollectionAssert.AreEqual(layer.Fields.ToArray(), back.Fields.ToArray());
        Assert.HasCount(4, back.Features);
        Assert.AreEqual("Münster-Hiltrup Süd", back.Features[0].Attributes["name"]);
        Assert.AreEqual("05570004", back.Features[0].Attributes["ags"]);
        Assert.AreEqual(52000L, back.Features[0].Attributes["einwohner"]);
        Assert.AreEqual(123.13, back.Features[0].Attributes["flaeche"]);
        Assert.IsTrue((bool)back.Features[0].Attributes["kreisfrei"]!);
        Assert.IsNull(back.Features[1].Attributes["einwohner"]);
        Assert.IsTrue(back.Features[0].Geometry!.EqualsExact(layer.Features[0].Geometry!));
        Assert.AreEqual(25832, back.Features[0].Geometry!.SRID);
        Assert.IsInstanceOfType<MultiPolygon>(back.Features[1].Geometry);
        Assert.IsNull(back.Features[2].Geometry);
        Assert.IsTrue(back.Features[3].Geometry!.IsEmpty);
        Assert.IsTrue(back.Diagnostics.Any(d => d.Kind == GeoDiagnosticKind.NullGeometry && d.FeatureIndex == 2));
        Assert.IsTrue(back.Diagnostics.Any(d => d.Kind == GeoDiagnosticKind.EmptyGeometry && d.FeatureIndex == 3));
    }

    [TestMethod]
    public void GeoPackage_WriteWithLastChange_StampsItAndGivesIdenticalBytes()
    {
        var dir = TestPaths.NewTempDirectory();
        var stamp = new DateTimeOffset(2026, 1, 1, 12, 30, 15, 250, TimeSpan.FromHours(1));
        var first = Path.Combine(dir, "a.gpkg");
        var second = Path.Combine(dir, "b.gpkg");
        VectorLayerWriter.WriteGeoPackage(SampleLayer(), first, new VectorWriteOptions { LayerName = "meta", LastChange = stamp });
        VectorLayerWriter.WriteGeoPackage(SampleLayer(), second, new VectorWriteOptions { LayerName = "meta", LastChange = stamp });

        CollectionAssert.AreEqual(File.ReadAllBytes(first), File.ReadAllBytes(second), "same layer and stamp → same bytes");
        using var c = new SqliteConnection($"Data Source={first};Mode=ReadOnly;Pooling=False");
        c.Open();
        Assert.AreEqual("2026-01-01T11:30:15.250Z", Scalar(c, "SELECT last_change FROM gpkg_contents"), "UTC, ISO 8601 with milliseconds");
    }

    [TestMethod]
    public void GeoPackage_Write_FollowsGpkg12Metadata()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "meta.gpkg");
        VectorLayerWriter.WriteGeoPackage(SampleLayer(), path);

        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        Assert.AreEqual(1196444487L, Scalar(c, "PRAGMA application_id"));
        Assert.AreEqual(10200L, Scalar(c, "PRAGMA user_version"));
        Assert.AreEqual("-1,0,4326,25832", Scalar(c, "SELECT group_concat(srs_id) FROM (SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id)"));
        StringAssert.Contains((string)Scalar(c, "SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 25832")!, "UTM zone 32N", StringComparison.Ordinal);
        Assert.AreEqual("meta|features|25832|400000.0|5700000.0|403000.0|5703000.0", Scalar(c, "SELECT table_name||'|'||data_type||'|'||srs_id||'|'||min_x||'|'||min_y||'|'||max_x||'|'||max_y FROM gpkg_contents"));
        Assert.AreEqual("meta|geom|GEOMETRY|25832|0|0", Scalar(c, "SELECT table_name||'|'||column_name||'|'||geometry_type_name||'|'||srs_id||'|'||z||'|'||m FROM gpkg_geometry_columns"));
        Assert.AreEqual("INTEGER", Scalar(c, "SELECT type FROM pragma_table_info('meta') WHERE name = 'fid'"));
        Assert.AreEqual(1L, Scalar(c, "SELECT pk FROM pragma_table_info('meta') WHERE name = 'fid'"));
        Assert.AreEqual("TEXT,TEXT,INTEGER,REAL,BOOLEAN,TEXT", Scalar(c, "SELECT group_concat(type) FROM (SELECT type FROM pragma_table_info('meta') WHERE name NOT IN ('fid','geom') ORDER BY cid)"));
        Assert.AreEqual("text", Scalar(c, "SELECT typeof(ags) FROM meta WHERE fid = 1"));

        // Blob header: "GP", version 0, flags 0b011 (little endian, xy envelope), srs_id 25832, envelope minx, maxx, miny, maxy.
        var blob = (byte[])Scalar(c, "SELECT geom FROM meta WHERE fid = 1")!;
        Assert.AreEqual((byte)'G', blob[0]);
        Assert.AreEqual((byte)'P', blob[1]);
        Assert.AreEqual(0b011, blob[3]);
        Assert.AreEqual(25832, BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(4)));
        Assert.AreEqual(400000.0, BinaryPrimitives.ReadDoubleLittleEndian(blob.AsSpan(8)));
        Assert.AreEqual(401000.0, BinaryPrimitives.ReadDoubleLittleEndian(blob.AsSpan(16)));
        Assert.AreEqual(5700000.0, BinaryPrimitives.ReadDoubleLittleEndian(blob.AsSpan(24)));
        Assert.AreEqual(5701000.0, BinaryPrimitives.ReadDoubleLittleEndian(blob.AsSpan(32)));
        var empty = (byte[])Scalar(c, "SELECT geom FROM meta WHERE fid = 4")!;
        Assert.AreEqual(0x11, empty[3], "empty flag set, no envelope");
    }

    [TestMethod]
    public void GeoPackage_ReadPeerBlobsWithNtsReader_AgreesWithOwnParser()
    {
        // Cross-check of the in-place blob parser against NetTopologySuite.IO.GeoPackage on GDAL-written blobs.
        var path = TestPaths.Bench("data", "districts_100.gpkg");
        var layer = VectorLayerReader.Read(path);
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT geom FROM districts ORDER BY fid";
        using var r = cmd.ExecuteReader();
        var reader = new NetTopologySuite.IO.GeoPackageGeoReader();
        var i = 0;
        while (r.Read())
        {
            var expected = reader.Read((byte[])r.GetValue(0));
            Assert.IsTrue(expected.EqualsExact(layer.Features[i].Geometry!), $"feature {i}");
            i++;
        }

        Assert.AreEqual(100, i);
    }

    [TestMethod]
    public void GeoJson_WriteThenRead_IsRfc7946Wgs84ReadableUtf8()
    {
        var layer = SampleLayer();
        var path = Path.Combine(TestPaths.NewTempDirectory(), "out.geojson");

        VectorLayerWriter.Write(layer, path);
        var text = File.ReadAllText(path, Encoding.UTF8);
        var back = VectorLayerReader.Read(path);

        StringAssert.Contains(text, "\"Münster-Hiltrup Süd\"", StringComparison.Ordinal);
        Assert.AreNotEqual(0xEF, File.ReadAllBytes(path)[0], "no BOM");
        Assert.DoesNotContain("\"crs\"", text);
        Assert.AreEqual(4326, back.Crs.Epsg);
        Assert.AreEqual(CrsOrigin.FormatDefault, back.Crs.Origin);
        Assert.AreEqual("05570004", back.Features[0].Attributes["ags"]);
        Assert.AreEqual(52000L, back.Features[0].Attributes["einwohner"]);
        Assert.AreEqual(123.13, back.Features[0].Attributes["flaeche"]);
        Assert.AreEqual(true, back.Features[0].Attributes["kreisfrei"]);
        Assert.IsNull(back.Features[2].Geometry);

        // 7 decimals, exterior ring counter-clockwise (RFC 7946 §3.1.6), and back in UTM within 2 cm.
        var shell = ((Polygon)back.Features[0].Geometry!).Shell;
        Assert.IsTrue(Orientation.IsCCW(shell.CoordinateSequence));
        foreach (var c in shell.Coordinates)
        {
            Assert.AreEqual(c.X, Math.Round(c.X, 7));
        }

        // 1e-7° is 0.7 cm (lon) / 1.1 cm (lat) here, so rounding plus the inverse projection stays within 2 cm.
        var utm = Reprojector.Reproject(back.Features[0].Geometry!, 4326, 25832);
        Assert.AreEqual(400000.0, utm.EnvelopeInternal.MinX, 0.02);
        Assert.AreEqual(5701000.0, utm.EnvelopeInternal.MaxY, 0.02);
    }

    [TestMethod]
    public void Shapefile_WriteThenRead_KeepsUmlautsCrsAndCuts10CharNames()
    {
        var layer = SampleLayer();
        var dir = TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "out.shp");

        VectorLayerWriter.Write(layer, path);
        var back = VectorLayerReader.Read(path);

        CollectionAssert.AreEquivalent(new[] { "out.cpg", "out.dbf", "out.prj", "out.shp", "out.shx" }, Directory.GetFiles(dir).Select(Path.GetFileName).ToArray());
        Assert.AreEqual("UTF-8", File.ReadAllText(Path.Combine(dir, "out.cpg")).Trim());
        Assert.AreEqual(25832, back.Crs.Epsg);
        Assert.AreEqual(CrsOrigin.Declared, back.Crs.Origin);
        CollectionAssert.AreEqual(new[] { "name", "ags", "einwohner", "flaeche", "kreisfrei", "bemerkung1" }, back.Fields.ToArray());
        Assert.AreEqual("Münster-Hiltrup Süd", back.Features[0].Attributes["name"]);
        Assert.AreEqual("05570004", back.Features[0].Attributes["ags"]);
        Assert.AreEqual(52000L, back.Features[0].Attributes["einwohner"]);
        Assert.AreEqual(123.13, (double)back.Features[0].Attributes["flaeche"]!, 1e-9);
        Assert.IsTrue(back.Features[0].Geometry!.Normalized().EqualsExact(layer.Features[0].Geometry!.Normalized()));
        Assert.HasCount(4, back.Features);
        Assert.IsNull(back.Features[1].Attributes["einwohner"]);
    }

    [TestMethod]
    public void Shapefile_Windows1252WithoutCpg_IsDetectedFromLanguageDriverOrBytes()
    {
        var dir = TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "ansi.shp");
        VectorLayerWriter.WriteShapefile(SampleLayer(), path, new VectorWriteOptions { AttributeEncoding = CodePage(1252) });
        File.Delete(Path.Combine(dir, "ansi.cpg"));

        // Language driver byte as written, then zeroed so only byte detection remains.
        var viaDriverOrDetection = VectorLayerReader.Read(path);
        var dbf = Path.Combine(dir, "ansi.dbf");
        var bytes = File.ReadAllBytes(dbf);
        bytes[29] = 0;
        File.WriteAllBytes(dbf, bytes);
        var detected = VectorLayerReader.Read(path);

        Assert.AreEqual("Münster-Hiltrup Süd", viaDriverOrDetection.Features[0].Attributes["name"]);
        Assert.AreEqual("Münster-Hiltrup Süd", detected.Features[0].Attributes["name"]);
        var why = detected.Diagnostics.Single(d => d.Kind == GeoDiagnosticKind.EncodingDetected).Message;
        StringAssert.Contains(why, "Windows-1252", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Shapefile_Utf8WithoutCpgAndDriver_IsDetectedAsUtf8()
    {
        var dir = TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "utf8.shp");
        VectorLayerWriter.WriteShapefile(SampleLayer(), path);
        File.Delete(Path.Combine(dir, "utf8.cpg"));
        var dbf = Path.Combine(dir, "utf8.dbf");
        var bytes = File.ReadAllBytes(dbf);
        bytes[29] = 0;
        File.WriteAllBytes(dbf, bytes);

        var layer = VectorLayerReader.Read(path);

        Assert.AreEqual("Münster-Hiltrup Süd", layer.Features[0].Attributes["name"]);
        StringAssert.Contains(layer.Diagnostics.Single(d => d.Kind == GeoDiagnosticKind.EncodingDetected).Message, "valid UTF-8", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Shapefile_EncodingOverride_WinsOverCpg()
    {
        var dir = TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "x.shp");
        VectorLayerWriter.WriteShapefile(SampleLayer(), path);

        // Reading UTF-8 bytes as Windows-1252 garbles "ü" into "Ã¼": proof that the override was used.
        var layer = VectorLayerReader.Read(path, new VectorReadOptions { AttributeEncoding = CodePage(1252) });

        Assert.AreEqual("MÃ¼nster-Hiltrup SÃ¼d", layer.Features[0].Attributes["name"]);
    }

    [TestMethod]
    [DataRow("out.gpkg")]
    [DataRow("out.geojson")]
    [DataRow("out.shp")]
    public void Write_FailureHalfway_LeavesNoFileAndKeepsExistingTarget(string name)
    {
        var dir = TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, name);
        VectorLayerWriter.Write(SampleLayer(), path);
        var before = Directory.GetFiles(dir).ToDictionary(f => f, File.ReadAllBytes);

        var broken = SampleLayer(extra: new ThrowsOnSecondFormat());
        Assert.ThrowsExactly<InvalidOperationException>(() => VectorLayerWriter.Write(broken, path));

        CollectionAssert.AreEquivalent(before.Keys.ToArray(), Directory.GetFiles(dir), "no temporary or partial files may remain");
        foreach (var (file, bytes) in before)
        {
            CollectionAssert.AreEqual(bytes, File.ReadAllBytes(file), file);
        }
    }

    [TestMethod]
    public void Write_FailureOnNewTarget_LeavesFolderEmpty()
    {
        var dir = TestPaths.NewTempDirectory();

        Assert.ThrowsExactly<InvalidOperationException>(() => VectorLayerWriter.Write(SampleLayer(extra: new ThrowsOnSecondFormat()), Path.Combine(dir, "new.gpkg")));

        Assert.IsEmpty(Directory.GetFiles(dir));
    }

    [TestMethod]
    public void Write_UnsupportedExtension_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => VectorLayerWriter.Write(SampleLayer(), Path.Combine(TestPaths.NewTempDirectory(), "x.kml")));
    }

    [TestMethod]
    public void WriteShapefile_MixedFamilies_ThrowsBeforeWriting()
    {
        var dir = TestPaths.NewTempDirectory();
        var layer = new VectorLayer("mem", "mem", CrsRegistry.Get(25832), [], [
            new VectorFeature(0, Square(0), new Dictionary<string, object?>()),
            new VectorFeature(1, Factory.CreatePoint(new Coordinate(1, 1)), new Dictionary<string, object?>())]);

        Assert.ThrowsExactly<ArgumentException>(() => VectorLayerWriter.WriteShapefile(layer, Path.Combine(dir, "m.shp")));
        Assert.IsEmpty(Directory.GetFiles(dir));
    }

    private static VectorLayer SampleLayer(object? extra = null)
    {
        var features = new List<VectorFeature>
        {
            new(0, Square(0), Attributes("Münster-Hiltrup Süd", "05570004", 52000L, 123.13, true, extra ?? "Gemeinde mit Ortsteilen")),
            new(1, Factory.CreateMultiPolygon([Square(1000), Square(2000)]), Attributes("Ölde-Weiß", "05570028", null, 102.9, false, null)),
            new(2, null, Attributes("ohne Geometrie", "05570099", 1L, 0.5, false, null)),
            new(3, Factory.CreatePolygon(), Attributes("leer", "05570098", 2L, 1.5, false, extra)),
        };
        return new VectorLayer("memory", "test", CrsRegistry.Get(25832), ["name", "ags", "einwohner", "flaeche", "kreisfrei", "bemerkung1234"], features);
    }

    private static Dictionary<string, object?> Attributes(string name, string ags, long? population, double area, bool kreisfrei, object? remark) => new()
    {
        ["name"] = name,
        ["ags"] = ags,
        ["einwohner"] = population,
        ["flaeche"] = area,
        ["kreisfrei"] = kreisfrei,
        ["bemerkung1234"] = remark,
    };

    private static Polygon Square(double offset) => Factory.CreatePolygon([
        new(400000 + offset, 5700000 + offset), new(401000 + offset, 5700000 + offset), new(401000 + offset, 5701000 + offset),
        new(400000 + offset, 5701000 + offset), new(400000 + offset, 5700000 + offset)]);

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private static Encoding CodePage(int cp)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(cp);
    }

    /// <summary>An attribute whose text form works once (field sizing) and then fails (while records are written).</summary>
    private sealed class ThrowsOnSecondFormat
    {
        private int _calls;

        public override string ToString() => Interlocked.Increment(ref _calls) <= 1 ? "ok" : throw new InvalidOperationException("simulated failure while writing");
    }
}
