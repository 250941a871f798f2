using System.Buffers.Binary;
using GeoPrevention.Geo.IO;
using GeoPrevention.Tests.Shared;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Tests.IO;

/// <summary>
/// The chunked, parallel geometry decoding of the GeoPackage reader (issue 9): for any chunk size and parallelism the layer is
/// the one-thread layer (features, indexes, attributes, bit-equal coordinates, SRID, diagnostics in order), and a broken
/// blob gives the one-thread exception.
/// </summary>
[TestClass]
public sealed class GeoPackageParallelReadTests
{
    private static readonly Lazy<VectorLayer> Districts = new(() => VectorLayerReader.Read(TestPaths.Bench("data", "districts_1000.gpkg")));

    [TestMethod]
    [DataRow(7, 3)]
    [DataRow(64, 2)]
    [DataRow(1, 4)]
    [DataRow(333, 2)]
    [DataRow(4096, 2)]
    public void Read_PeerDistricts1000InChunks_EqualsSequential(int chunkRows, int parallelism)
    {
        var path = TestPaths.Bench("data", "districts_1000.gpkg");

        var sequential = GeoPackageLayerReader.Read(path, new VectorReadOptions(), DecodeTuning.Sequential);
        var parallel = GeoPackageLayerReader.Read(path, new VectorReadOptions(), new DecodeTuning(0, chunkRows, parallelism));

        Assert.HasCount(1000, sequential.Features);
        AssertSameLayer(sequential, parallel);
    }

    [TestMethod]
    [DataRow(7, 3)]
    [DataRow(64, 2)]
    [DataRow(1, 4)]
    [DataRow(333, 2)]
    public void Read_EdgeCaseGeoPackageInChunks_EqualsSequentialWithKnownDiagnostics(int chunkRows, int parallelism)
    {
        var path = WriteEdgeCaseGeoPackage();

        var sequential = GeoPackageLayerReader.Read(path, new VectorReadOptions(), DecodeTuning.Sequential);
        var parallel = GeoPackageLayerReader.Read(path, new VectorReadOptions(), new DecodeTuning(0, chunkRows, parallelism));

        AssertSameLayer(sequential, parallel);

        // Known content (set by WriteEdgeCaseGeoPackage), so the equality above is not one of two wrong layers.
        Assert.HasCount(1000, parallel.Features);
        Assert.IsNull(parallel.Features[0].Geometry);
        Assert.IsNull(parallel.Features[999].Geometry);
        var holes = (MultiPolygon)parallel.Features[501].Geometry!;
        Assert.AreEqual(2, holes.NumGeometries);
        Assert.AreEqual(1, ((Polygon)holes.GetGeometryN(0)).NumInteriorRings);
        Assert.AreEqual(4, ((Polygon)parallel.Features[9].Geometry!).ExteriorRing.NumPoints, "3 positions padded to 4");
        Assert.AreEqual(25832, parallel.Features[299].Geometry!.SRID, "the column's srs_id wins over the blob's 4326");
        string[] expected =
        [
            "Feature 9: 1 ring(s) with fewer than 4 positions (collapsed, zero area) were padded by repeating their last position and stay invalid.",
            "Feature 299 has srs_id 4326 in its geometry blob, but gpkg_geometry_columns says 25832; the column's srs_id is used.",
            "Feature 449: 2 ring(s) with fewer than 4 positions (collapsed, zero area) were padded by repeating their last position and stay invalid.",
            "Feature 998: 1 ring(s) with fewer than 4 positions (collapsed, zero area) were padded by repeating their last position and stay invalid.",
        ];
        CollectionAssert.AreEqual(expected, parallel.Diagnostics.Select(d => d.Message).ToArray());
        CollectionAssert.AreEqual(new int?[] { 9, 299, 449, 998 }, parallel.Diagnostics.Select(d => d.FeatureIndex).ToArray());
    }

    [TestMethod]
    [DataRow(64, 2)]
    [DataRow(7, 4)]
    [DataRow(1, 3)]
    public void Read_BrokenBlobsInLateChunks_ThrowsTheSequentialErrorForTheFirstInFileOrder(int chunkRows, int parallelism)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "bad.gpkg");
        VectorLayerWriter.WriteGeoPackage(Districts.Value, path, new VectorWriteOptions { LayerName = "bad" });
        using (var c = Open(path))
        {
            // fid = feature index + 1. Index 900 is cut short, 959 (same 64-row chunk) and 999 (last chunk) lack the magic.
            var whole = (byte[])Scalar(c, "SELECT geom FROM bad WHERE fid = 901")!;
            SetBlob(c, "bad", 901, whole[..^10]);
            SetBlob(c, "bad", 960, [.. "XP"u8, .. whole[2..]]);
            SetBlob(c, "bad", 1000, [.. "XP"u8, .. whole[2..]]);
        }

        var sequential = Assert.ThrowsExactly<GeoDataFormatException>(() => GeoPackageLayerReader.Read(path, new VectorReadOptions(), DecodeTuning.Sequential));
        var parallel = Assert.ThrowsExactly<GeoDataFormatException>(() => GeoPackageLayerReader.Read(path, new VectorReadOptions(), new DecodeTuning(0, chunkRows, parallelism)));

        StringAssert.Contains(sequential.Message, "Table \"bad\", feature 900: the WKB is truncated.", StringComparison.Ordinal);
        Assert.AreEqual(sequential.Message, parallel.Message);
        Assert.IsInstanceOfType<FormatException>(parallel.InnerException);
    }

    [TestMethod]
    public void Read_3000RowsWithDefaultTuning_EqualsSequential()
    {
        // Three copies of districts_1000 (3,000 rows, above the 2,048-row threshold): the default path is the parallel one.
        var source = Districts.Value;
        var features = Enumerable.Range(0, 3).SelectMany(_ => source.Features).Select((f, i) => new VectorFeature(i, f.Geometry, f.Attributes)).ToList();
        var path = Path.Combine(TestPaths.NewTempDirectory(), "three.gpkg");
        VectorLayerWriter.WriteGeoPackage(new VectorLayer(source.Source, source.Format, source.Crs, source.Fields, features), path);

        var sequential = GeoPackageLayerReader.Read(path, new VectorReadOptions(), DecodeTuning.Sequential);
        var parallel = GeoPackageLayerReader.Read(path, new VectorReadOptions());

        Assert.HasCount(3000, parallel.Features);
        Assert.IsTrue(parallel.Features[2999].Geometry!.EqualsExact(source.Features[999].Geometry!));
        AssertSameLayer(sequential, parallel);
    }

    [TestMethod]
    public void Read_DefaultTuning_DecodesSmallTablesOnTheCallingThreadAndLargeOnesInParallel()
    {
        Assert.AreEqual(1, DecodeTuning.Sequential.MaxParallelism);
        Assert.AreEqual(Environment.ProcessorCount, DecodeTuning.Default.MaxParallelism);
        Assert.IsGreaterThan(1000, DecodeTuning.Default.MinRowsForParallel, "the 1,000-row peer file stays sequential");
        Assert.IsLessThanOrEqualTo(10000, DecodeTuning.Default.MinRowsForParallel, "a 10,000-row file is decoded in parallel");
    }

    /// <summary>districts_1000 with null geometries, multipolygons with holes, collapsed rings and blobs with another srs_id.</summary>
    private static string WriteEdgeCaseGeoPackage()
    {
        var source = Districts.Value;
        var factory = source.Features[1].Geometry!.Factory;
        var features = new List<VectorFeature>(source.Features.Count);
        for (var i = 0; i < source.Features.Count; i++)
        {
            var f = source.Features[i];
            var geometry = i % 97 == 0 || i == source.Features.Count - 1 ? null
                : i % 125 == 1 ? WithHole(factory, f.Geometry!.EnvelopeInternal)
                : f.Geometry;
            features.Add(new VectorFeature(i, geometry, f.Attributes));
        }

        var path = Path.Combine(TestPaths.NewTempDirectory(), "edge.gpkg");
        VectorLayerWriter.WriteGeoPackage(new VectorLayer(source.Source, source.Format, source.Crs, source.Fields, features), path, new VectorWriteOptions { LayerName = "edge" });
        using var c = Open(path);
        SetBlob(c, "edge", 10, CollapsedPolygonBlob(25832, 1));
        SetBlob(c, "edge", 450, CollapsedPolygonBlob(25832, 2));
        SetBlob(c, "edge", 999, CollapsedPolygonBlob(25832, 1));
        SetBlob(c, "edge", 300, GeoPackageBinary.Write(source.Features[299].Geometry!, 4326));
        SetBlob(c, "edge", 800, GeoPackageBinary.Write(source.Features[799].Geometry!, 4326));
        return path;
    }

    private static MultiPolygon WithHole(GeometryFactory factory, Envelope e)
    {
        var (x0, y0, x1, y1) = (e.MinX, e.MinY, e.MaxX, e.MaxY);
        var (w, h) = (x1 - x0, y1 - y0);
        var shell = factory.CreateLinearRing([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);
        var hole = factory.CreateLinearRing([new(x0 + (w / 4), y0 + (h / 4)), new(x0 + (w / 4), y1 - (h / 4)), new(x1 - (w / 4), y1 - (h / 4)), new(x1 - (w / 4), y0 + (h / 4)), new(x0 + (w / 4), y0 + (h / 4))]);
        var island = factory.CreatePolygon([new(x0 + (w * 0.4), y0 + (h * 0.4)), new(x0 + (w * 0.6), y0 + (h * 0.4)), new(x0 + (w * 0.6), y0 + (h * 0.6)), new(x0 + (w * 0.4), y0 + (h * 0.4))]);
        return factory.CreateMultiPolygon([factory.CreatePolygon(shell, [hole]), island]);
    }

    /// <summary>A little-endian GeoPackage blob without envelope: a polygon whose rings are each 3 closed positions (a, b, a).</summary>
    private static byte[] CollapsedPolygonBlob(int srsId, int rings)
    {
        var blob = new byte[8 + 9 + (rings * (4 + (3 * 16)))];
        "GP"u8.CopyTo(blob);
        blob[3] = 1;
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), srsId);
        blob[8] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(9), 3);
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(13), (uint)rings);
        var o = 17;
        for (var r = 0; r < rings; r++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(o), 3);
            o += 4;
            foreach (var (x, y) in new[] { (410000.0 + r, 5750000.0), (410010.0 + r, 5750010.0), (410000.0 + r, 5750000.0) })
            {
                BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(o), x);
                BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(o + 8), y);
                o += 16;
            }
        }

        return blob;
    }

    private static void AssertSameLayer(RawLayer expected, RawLayer actual)
    {
        Assert.AreEqual(expected.Format, actual.Format);
        Assert.AreEqual(expected.Crs, actual.Crs);
        CollectionAssert.AreEqual(expected.Fields.ToArray(), actual.Fields.ToArray());
        Assert.HasCount(expected.Features.Count, actual.Features);
        for (var i = 0; i < expected.Features.Count; i++)
        {
            var (e, a) = (expected.Features[i], actual.Features[i]);
            Assert.AreEqual(e.Index, a.Index, $"index of feature {i}");
            CollectionAssert.AreEqual(e.Attributes.ToArray(), a.Attributes.ToArray(), $"attributes of feature {i}");
            if (e.Geometry is null)
            {
                Assert.IsNull(a.Geometry, $"feature {i}");
                continue;
            }

            Assert.IsNotNull(a.Geometry, $"feature {i}");
            Assert.AreSame(e.Geometry.Factory, a.Geometry.Factory, $"factory of feature {i}");
            Assert.AreEqual(e.Geometry.SRID, a.Geometry.SRID, $"SRID of feature {i}");
            Assert.AreEqual(e.Geometry.GeometryType, a.Geometry.GeometryType, $"type of feature {i}");

            // The WKB of both (structure and every coordinate bit) must be byte-identical.
            CollectionAssert.AreEqual(GeoPackageBinary.Write(e.Geometry, 0), GeoPackageBinary.Write(a.Geometry, 0), $"WKB of feature {i}");
        }

        CollectionAssert.AreEqual(expected.Diagnostics.ToArray(), actual.Diagnostics.ToArray(), "diagnostics in order");
    }

    private static SqliteConnection Open(string path)
    {
        var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        return c;
    }

    private static void SetBlob(SqliteConnection c, string table, long fid, byte[] blob)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"UPDATE \"{table}\" SET geom = $b WHERE fid = $fid";
        cmd.Parameters.AddWithValue("$b", blob);
        cmd.Parameters.AddWithValue("$fid", fid);
        Assert.AreEqual(1, cmd.ExecuteNonQuery(), $"row fid {fid}");
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
