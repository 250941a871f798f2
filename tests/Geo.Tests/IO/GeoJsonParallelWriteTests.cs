using System.Text;
using System.Text.Json;
using GeoPrevention.Geo.Crs;
using GeoPrevention.Geo.IO;
using GeoPrevention.Tests.Shared;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Tests.IO;

/// <summary>
/// The chunked, parallel mode of <see cref="VectorLayerWriter.WriteGeoJson(VectorLayer, string, VectorWriteOptions?)"/>: the
/// file is byte-identical to the one-thread output for any chunk size and worker count, and errors are the sequential ones.
/// </summary>
[TestClass]
public sealed class GeoJsonParallelWriteTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 25832);

    private static readonly Lazy<VectorLayer> Districts = new(() => VectorLayerReader.Read(TestPaths.Bench("data", "districts_1000.gpkg")));

    [TestMethod]
    [DataRow(7, 3, false)]
    [DataRow(64, 2, false)]
    [DataRow(1, 4, false)]
    [DataRow(333, 2, true)]
    [DataRow(50, 3, true)]
    public void WriteGeoJsonInChunks_PeerDistrictsWithEdgeCases_EqualsSequentialByteForByte(int chunkSize, int workers, bool indented)
    {
        // districts_1000.gpkg (EPSG:25832, Krüger-series path) with edge-case features spliced in at the start, inside and at the end.
        var layer = WithEdgeCases(Districts.Value);
        var options = new VectorWriteOptions { Indented = indented };
        var dir = TestPaths.NewTempDirectory();
        var sequential = Path.Combine(dir, "sequential.geojson");
        var parallel = Path.Combine(dir, "parallel.geojson");

        VectorLayerWriter.WriteGeoJsonInChunks(layer, sequential, options, chunkSize: int.MaxValue, workers: 1);
        VectorLayerWriter.WriteGeoJsonInChunks(layer, parallel, options, chunkSize, workers);

        var expected = File.ReadAllBytes(sequential);
        var actual = File.ReadAllBytes(parallel);
        Assert.AreEqual(expected.Length, actual.Length, "file length");
        CollectionAssert.AreEqual(expected, actual);

        // The content is the whole layer, edge cases included (so the equality above is not one of two empty files).
        using var doc = JsonDocument.Parse(actual);
        var features = doc.RootElement.GetProperty("features");
        Assert.AreEqual(layer.Features.Count, features.GetArrayLength());
        Assert.AreEqual(JsonValueKind.Null, features[0].GetProperty("geometry").ValueKind);
        Assert.AreEqual("Münster-Süd „Straße“ ß \"quoted\" 😀", features[0].GetProperty("properties").GetProperty("name").GetString());
        var holes = features[501].GetProperty("geometry");
        Assert.AreEqual("MultiPolygon", holes.GetProperty("type").GetString());
        Assert.AreEqual(2, holes.GetProperty("coordinates")[0].GetArrayLength(), "exterior ring and one hole");
        Assert.AreEqual(JsonValueKind.Null, features[layer.Features.Count - 1].GetProperty("properties").GetProperty("name").ValueKind);
        StringAssert.Contains(Encoding.UTF8.GetString(actual), "Münster-Süd", StringComparison.Ordinal);
    }

    [TestMethod]
    public void WriteGeoJson_Vg250GermanyDefaultChunks_EqualsSequentialByteForByte()
    {
        // The real VG250 municipalities (../shared/realdata/bkg-vg250-gem-topojson, README): 11,103 features in EPSG:4326 with one
        // null geometry (03457501), four empty multipolygons and umlauts in GEN, more than 4,096 features, so the public method
        // takes the chunked path (2,048 per chunk, 6 chunks) on any machine with two or more cores; with two workers forced too.
        var layer = VectorLayerReader.Read(TestPaths.RealData("bkg-vg250-gem-topojson", "germany_gem_vg250_wgs84.geojson"));
        var dir = TestPaths.NewTempDirectory();
        var sequential = Path.Combine(dir, "sequential.geojson");
        var forced = Path.Combine(dir, "forced.geojson");
        var automatic = Path.Combine(dir, "automatic.geojson");

        VectorLayerWriter.WriteGeoJsonInChunks(layer, sequential, null, chunkSize: int.MaxValue, workers: 1);
        VectorLayerWriter.WriteGeoJsonInChunks(layer, forced, null, chunkSize: 2048, workers: 2);
        VectorLayerWriter.WriteGeoJson(layer, automatic);

        var expected = File.ReadAllBytes(sequential);
        CollectionAssert.AreEqual(expected, File.ReadAllBytes(forced));
        CollectionAssert.AreEqual(expected, File.ReadAllBytes(automatic));
        using var doc = JsonDocument.Parse(expected);
        var features = doc.RootElement.GetProperty("features");
        Assert.AreEqual(11103, features.GetArrayLength());
        Assert.AreEqual(1, features.EnumerateArray().Count(f => f.GetProperty("geometry").ValueKind == JsonValueKind.Null));
    }

    [TestMethod]
    public void WriteGeoJsonInChunks_DhdnShapefileThroughProjNet_EqualsSequentialByteForByte()
    {
        // VG5000 districts (../shared/realdata/bkg-vg5000-2021/shp, EPSG:31467): the ProjNet transformer, one per worker.
        var layer = VectorLayerReader.Read(TestPaths.RealData("bkg-vg5000-2021", "shp", "VG5000_KRS.shp"));
        Assert.AreEqual(31467, layer.Crs.Epsg);
        var dir = TestPaths.NewTempDirectory();

        VectorLayerWriter.WriteGeoJsonInChunks(layer, Path.Combine(dir, "a.geojson"), null, chunkSize: int.MaxValue, workers: 1);
        VectorLayerWriter.WriteGeoJsonInChunks(layer, Path.Combine(dir, "b.geojson"), null, chunkSize: 16, workers: 3);

        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(dir, "a.geojson")), File.ReadAllBytes(Path.Combine(dir, "b.geojson")));
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(3)]
    public void WriteGeoJsonInChunks_BadCoordinatesInLateChunks_ThrowsForTheFirstAndKeepsTheOldFile(int workers)
    {
        // Features 900 (chunk 14 of 64 features) and 950 have an infinite coordinate; whatever the workers, the error is the one
        // the sequential writer gives: feature 900, and the earlier target stays as it was, with no temporary file beside it.
        var layer = WithBadCoordinate(double.PositiveInfinity, 900, 950);
        var dir = TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "out.geojson");
        File.WriteAllText(path, "old");

        var ex = Assert.ThrowsExactly<ArgumentException>(() => VectorLayerWriter.WriteGeoJsonInChunks(layer, path, null, chunkSize: 64, workers));

        StringAssert.StartsWith(ex.Message, "Feature 900: GeoJSON cannot hold the coordinate", StringComparison.Ordinal);
        Assert.AreEqual("old", File.ReadAllText(path));
        CollectionAssert.AreEqual(new[] { "out.geojson" }, Directory.GetFiles(dir).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void WriteGeoJsonInChunks_LaterChunkFailsToo_ReportsTheEarliestFeature()
    {
        // Feature 70 (chunk 1 of 64 features, long) and feature 999 (the last chunk, short): the last chunk may fail first in time,
        // but the writer reaches chunk 1 first and reports feature 70, as the sequential writer does.
        var layer = WithBadCoordinate(double.NaN, 70, 999);
        var path = Path.Combine(TestPaths.NewTempDirectory(), "out.geojson");

        var ex = Assert.ThrowsExactly<ArgumentException>(() => VectorLayerWriter.WriteGeoJsonInChunks(layer, path, null, chunkSize: 64, workers: 4));

        StringAssert.StartsWith(ex.Message, "Feature 70: ", StringComparison.Ordinal);
        Assert.IsFalse(File.Exists(path));
    }

    [TestMethod]
    public void Write_StreamFailsAfterSomeChunks_ThrowsTheIOExceptionAndStopsAllThreads()
    {
        // The target stream fails after 100 kB (the whole file would be ≈ 0.3 MB): the writing thread's IOException reaches the
        // caller, and no worker is left waiting for a chunk buffer (the call returns within the test's 10 s, it does not hang).
        var layer = Districts.Value;
        using var stream = new FailingStream(100_000);
        var transform = Reprojector.CreateTransformer(layer.Crs, CrsRegistry.Get(4326));

        var call = Task.Run(() => GeoJsonFeatureWriter.Write(
            stream, layer, transform, () => Reprojector.CreateTransformer(layer.Crs, CrsRegistry.Get(4326)), 7, default, chunkSize: 25, workers: 3));

        Assert.IsTrue(((IAsyncResult)call).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10)), "the write returned");
        var ex = Assert.ThrowsExactly<AggregateException>(call.Wait);
        Assert.IsInstanceOfType<IOException>(ex.InnerException);
        Assert.AreEqual("disk full", ex.InnerException!.Message);
        Assert.IsLessThanOrEqualTo(100_000L, stream.Written);
    }

    /// <summary>The districts with the geometries at <paramref name="positions"/> replaced by a line with an x of <paramref name="x"/>.</summary>
    private static VectorLayer WithBadCoordinate(double x, params int[] positions)
    {
        var source = Districts.Value;
        var features = source.Features.ToArray();
        foreach (var i in positions)
        {
            features[i] = features[i] with { Geometry = Factory.CreateLineString([new Coordinate(430000, 5756000), new Coordinate(x, 5756000)]) };
        }

        return new VectorLayer(source.Source, source.Format, source.Crs, source.Fields, features);
    }

    /// <summary>The districts with a null geometry and text (feature 0), a multipolygon with a hole and an empty polygon
    /// (features 501, 502), a point with all attribute kinds (503) and a feature without attributes (last).</summary>
    private static VectorLayer WithEdgeCases(VectorLayer districts)
    {
        string[] fields = [.. districts.Fields, "count", "share", "flag", "day"];
        var list = districts.Features.ToList();
        var shell = Factory.CreateLinearRing([new(430000, 5756000), new(431000, 5756000), new(431000, 5757000), new(430000, 5757000), new(430000, 5756000)]);
        var hole = Factory.CreateLinearRing([new(430200, 5756200), new(430200, 5756800), new(430800, 5756800), new(430800, 5756200), new(430200, 5756200)]);
        var withHole = Factory.CreateMultiPolygon([Factory.CreatePolygon(shell, [hole]), Factory.CreatePolygon([new(432000, 5756000), new(433000, 5756000), new(432500, 5757000), new(432000, 5756000)])]);
        list.Insert(0, new VectorFeature(-1, null, new Dictionary<string, object?> { ["name"] = "Münster-Süd „Straße“ ß \"quoted\" 😀", ["count"] = 3L }));
        list.Insert(501, new VectorFeature(-2, withHole, new Dictionary<string, object?> { ["name"] = "Loch", ["share"] = double.NaN }));
        list.Insert(502, new VectorFeature(-3, Factory.CreatePolygon(), new Dictionary<string, object?> { ["name"] = "leer" }));
        list.Insert(503, new VectorFeature(-4, Factory.CreatePoint(new Coordinate(430473.93, 5756260.81)), new Dictionary<string, object?>
        {
            ["name"] = "Warendorf",
            ["count"] = 42,
            ["share"] = 0.1 + 0.2,
            ["flag"] = true,
            ["day"] = new DateTime(2023, 12, 31, 0, 0, 0, DateTimeKind.Utc),
        }));
        list.Add(new VectorFeature(-5, Factory.CreateLineString([new(430000, 5756000), new(440000, 5766000)]), new Dictionary<string, object?>()));
        return new VectorLayer(districts.Source, districts.Format, districts.Crs, fields, list);
    }

    /// <summary>A write-only stream that throws an <see cref="IOException"/> once more than a given number of bytes are written.</summary>
    private sealed class FailingStream(long limit) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Written + buffer.Length > limit)
            {
                throw new IOException("disk full");
            }

            Written += buffer.Length;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
