using System.Buffers.Binary;
using System.IO.Compression;
using GeoPrevention.Rendering.Internal;
using SkiaSharp;

namespace GeoPrevention.Rendering.Tests;

[TestClass]
public sealed class PngWriterTests
{
    // Sizes: single pixel, odd widths, and two images above PngWriter.ParallelMinPixels (524 288 px) whose height is not a
    // multiple of the slice height (1001 × 601 RGB: rows of 3 004 bytes → 349 rows per slice → 2 slices of 349 + 252;
    // RGBA: rows of 4 005 bytes → 261 rows per slice → 3 slices of 261 + 261 + 79).
    public static IEnumerable<object[]> Sizes =>
    [
        [1, 1], [3, 2], [17, 5], [255, 3], [1, 40], [1001, 601],
    ];

    [TestMethod]
    [DynamicData(nameof(Sizes))]
    public void Write_RandomOpaquePixels_DecodesToSamePixelsAsRgb(int width, int height)
    {
        using var bitmap = RandomBitmap(width, height, SKAlphaType.Opaque, seed: width + height);

        var png = Encode(bitmap, dpi: 96);

        Assert.AreEqual(2, png[25], "IHDR colour type must be 2 (RGB) for opaque pixels");
        AssertDecodesTo(bitmap, png);
    }

    [TestMethod]
    [DynamicData(nameof(Sizes))]
    public void Write_RandomPremultipliedPixels_DecodesToSamePixelsAsRgba(int width, int height)
    {
        using var bitmap = RandomBitmap(width, height, SKAlphaType.Premul, seed: (width * 7) + height);

        var png = Encode(bitmap, dpi: null);

        Assert.AreEqual(6, png[25], "IHDR colour type must be 6 (RGBA) for non-opaque pixels");
        AssertDecodesTo(bitmap, png);
    }

    [TestMethod]
    public void Write_UnpremultipliedPixels_StoresThemUnchanged()
    {
        // arrange: one pixel (200, 100, 50, 128), unpremultiplied; the PNG stores exactly these samples.
        using var bitmap = new SKBitmap(new SKImageInfo(1, 1, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.GetPixelSpan()[0] = 200;
        bitmap.GetPixelSpan()[1] = 100;
        bitmap.GetPixelSpan()[2] = 50;
        bitmap.GetPixelSpan()[3] = 128;

        // act
        var filtered = Inflate(Chunks(Encode(bitmap, null)));

        // assert: filter byte 0 (None, the default) and the samples themselves.
        CollectionAssert.AreEqual(new byte[] { 0, 200, 100, 50, 128 }, filtered);
    }

    [TestMethod]
    public void Write_PremultipliedPixel_IsUnpremultipliedWithRounding()
    {
        // arrange: premultiplied (50, 20, 0, 100): 50·255/100 = 127.5 → 128, 20·255/100 = 51, 0 → 0; alpha 0 gives 0.
        using var bitmap = new SKBitmap(new SKImageInfo(2, 1, SKColorType.Rgba8888, SKAlphaType.Premul));
        new byte[] { 50, 20, 0, 100, 0, 0, 0, 0 }.CopyTo(bitmap.GetPixelSpan());

        // act
        var filtered = Inflate(Chunks(Encode(bitmap, null)));

        // assert
        CollectionAssert.AreEqual(new byte[] { 0, 128, 51, 0, 100, 0, 0, 0, 0 }, filtered);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    [DataRow(2)]
    public void Write_MapLikeRaster_ChunksCrcsZlibAndFilterAreValid(int filterType)
    {
        var filter = (PngRowFilter)filterType; // 0 None, 1 Sub, 2 Up
        // arrange: 1200 × 900 px (> ParallelMinPixels: 4 slices of 291 rows, the last 27), flat colours like a map.
        using var bitmap = MapLikeBitmap(1200, 900);

        // act
        var png = Encode(bitmap, dpi: 150, filter);
        var chunks = Chunks(png);

        // assert: chunk order, IHDR, pHYs (150 dpi = 150 / 0.0254 = 5905.5 → 5906 px/m, unit 1 = metre)
        CollectionAssert.AreEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var types = chunks.Select(c => c.Type).ToList();
        Assert.AreEqual("IHDR", types[0]);
        Assert.AreEqual("pHYs", types[1]);
        Assert.AreEqual("IEND", types[^1]);
        Assert.AreEqual(4, types.Count(t => t == "IDAT"), "one IDAT per slice");
        Assert.IsTrue(types.Skip(2).Take(4).All(t => t == "IDAT"), "IDAT chunks must be consecutive");
        var ihdr = chunks[0].Data;
        CollectionAssert.AreEqual(new byte[] { 0, 0, 4, 176, 0, 0, 3, 132, 8, 2, 0, 0, 0 }, ihdr, "1200 × 900, 8 bit, RGB, deflate, no interlace");
        var phys = chunks[1].Data;
        Assert.AreEqual(5906u, BinaryPrimitives.ReadUInt32BigEndian(phys));
        Assert.AreEqual(5906u, BinaryPrimitives.ReadUInt32BigEndian(phys.AsSpan(4)));
        Assert.AreEqual((byte)1, phys[8]);

        // the zlib stream inflates (ZLibStream checks the Adler-32) to exactly the reference-filtered rows
        var filtered = Inflate(chunks);
        Assert.HasCount(900 * (1 + (1200 * 3)), filtered);
        CollectionAssert.AreEqual(ReferenceFiltered(bitmap, filter), filtered);
        var idat = chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray();
        Assert.AreEqual(ReferenceAdler32(filtered), BinaryPrimitives.ReadUInt32BigEndian(idat.AsSpan(idat.Length - 4)));
        AssertDecodesTo(bitmap, png);
    }

    [TestMethod]
    public void Write_OneThreadAndMany_SameBytes()
    {
        // arrange: 1001 × 601 RGBA → 3 slices, so the parallel path really runs.
        using var bitmap = RandomBitmap(1001, 601, SKAlphaType.Premul, seed: 3);

        // act
        var one = Encode(bitmap, 300, maxParallelism: 1);
        var two = Encode(bitmap, 300, maxParallelism: 2);
        var eight = Encode(bitmap, 300, maxParallelism: 8);

        // assert
        Assert.AreEqual(3, Chunks(one).Count(c => c.Type == "IDAT"));
        CollectionAssert.AreEqual(one, two);
        CollectionAssert.AreEqual(one, eight);
    }

    [TestMethod]
    public void SliceLayout_BySize_FixedRowCountsIndependentOfCores()
    {
        Assert.AreEqual((600, 1), PngWriter.SliceLayout(800, 600, 3), "480 000 px < 524 288: one slice");
        // 1600 × 1600 RGB: rows of 4 801 bytes, ⌊1 048 576 / 4 801⌋ = 218 rows, ⌈1600 / 218⌉ = 8 slices.
        Assert.AreEqual((218, 8), PngWriter.SliceLayout(1600, 1600, 3));
        // 1600 × 1600 RGBA: rows of 6 401 bytes, 163 rows, ⌈1600 / 163⌉ = 10 slices.
        Assert.AreEqual((163, 10), PngWriter.SliceLayout(1600, 1600, 4));
        // very wide rows (over SliceBytes): one row per slice.
        Assert.AreEqual((1, 2), PngWriter.SliceLayout(300_000, 2, 4));
    }

    [TestMethod]
    public void CombineAdler32_RandomSplits_EqualsAdlerOfWhole()
    {
        var random = new Random(11);
        var data = new byte[200_000];
        random.NextBytes(data);
        foreach (var split in new[] { 0, 1, 5551, 5552, 65_521, 131_042, 199_999, 200_000 })
        {
            var combined = PngWriter.CombineAdler32(ReferenceAdler32(data.AsSpan(0, split)), ReferenceAdler32(data.AsSpan(split)), data.Length - split);
            Assert.AreEqual(ReferenceAdler32(data), combined, $"split at {split}");
        }
    }

    [TestMethod]
    public void UpdateCrc_KnownValue_MatchesCheckValue()
    {
        // CRC-32 check value of "123456789" (ISO 3309 / PNG CRC): 0xCBF43926.
        Assert.AreEqual(0xCBF43926u, PngWriter.UpdateCrc(0xFFFFFFFF, "123456789"u8) ^ 0xFFFFFFFF);
    }

    [TestMethod]
    public void Write_Rgb565_ThrowsNamingTheColourType()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(4, 4, SKColorType.Rgb565, SKAlphaType.Opaque));
        using var pixmap = bitmap.PeekPixels();

        var e = Assert.ThrowsExactly<MapRenderingException>(() => PngWriter.Write(pixmap, new MemoryStream(), null));

        StringAssert.Contains(e.Message, "Rgb565", StringComparison.Ordinal);
    }

    [TestMethod]
    [DataRow(1001, 601, SKAlphaType.Opaque)]
    [DataRow(1001, 601, SKAlphaType.Premul)]
    [DataRow(1001, 601, SKAlphaType.Unpremul)]
    [DataRow(7, 3, SKAlphaType.Premul)]
    public void Write_BgraPixels_SameBytesAsTheSameImageInRgba(int width, int height, SKAlphaType alpha)
    {
        // arrange: one image in both byte orders (the renderer paints in the platform's BGRA order)
        using var rgba = RandomBitmap(width, height, alpha, seed: 21);
        using var bgra = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, alpha));
        Assert.IsTrue(rgba.CopyTo(bgra, SKColorType.Bgra8888));
        Assert.AreEqual(rgba.GetPixelSpan()[0], bgra.GetPixelSpan()[2], "the copy must swap red and blue");

        // act
        var fromRgba = Encode(rgba, 150);
        var fromBgra = Encode(bgra, 150);

        // assert
        CollectionAssert.AreEqual(fromRgba, fromBgra);
        AssertDecodesTo(bgra, fromBgra);
    }

    [TestMethod]
    public void RenderPng_Map_WritesPhysWithPageDpiAndValidChunks()
    {
        // arrange: the Warendorf map at 150 dpi
        var spec = TestMaps.WarendorfSpec(PageSize.FromPixels(600, 450, 150));

        // act
        var png = TestMaps.RenderPng(spec, out _);
        var chunks = Chunks(png);

        // assert: 150 dpi → 5906 px/m; the image decodes to its size
        var phys = chunks.Single(c => c.Type == "pHYs").Data;
        Assert.AreEqual(5906u, BinaryPrimitives.ReadUInt32BigEndian(phys));
        using var decoded = SKBitmap.Decode(png);
        Assert.AreEqual(600, decoded.Width);
        Assert.AreEqual(450, decoded.Height);
        Assert.HasCount(450 * (1 + (600 * 3)), Inflate(chunks));
    }

    [TestMethod]
    public void RenderPng_TransparentBackground_WritesRgbaWithTransparentCorner()
    {
        // arrange: the Warendorf map on a fully transparent background
        var spec = TestMaps.WarendorfSpec(PageSize.FromPixels(600, 450, 96)) with { Style = MapStyle.Default with { Background = new MapColor(255, 255, 255, 0) } };

        // act
        var png = TestMaps.RenderPng(spec, out _);

        // assert: colour type 6 (RGBA); the top-left corner (page margin) stays transparent, the map itself is drawn
        Assert.AreEqual(6, png[25]);
        using var decoded = SKBitmap.Decode(png, new SKImageInfo(600, 450, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.AreEqual((byte)0, decoded.GetPixel(0, 0).Alpha);
        var opaque = 0;
        for (var y = 0; y < 450; y += 5)
        {
            for (var x = 0; x < 600; x += 5)
            {
                opaque += decoded.GetPixel(x, y).Alpha == 255 ? 1 : 0;
            }
        }

        Assert.IsGreaterThan(1000, opaque, "the districts must be drawn opaque");
    }

    private static byte[] Encode(SKBitmap bitmap, double? dpi, PngRowFilter filter = PngRowFilter.None, int maxParallelism = 0)
    {
        using var pixmap = bitmap.PeekPixels();
        using var ms = new MemoryStream();
        PngWriter.Write(pixmap, ms, dpi, filter, maxParallelism);
        return ms.ToArray();
    }

    private static void AssertDecodesTo(SKBitmap expected, byte[] png)
    {
        using var decoded = SKBitmap.Decode(png, expected.Info);
        Assert.IsNotNull(decoded, "Skia could not decode the PNG");
        var a = expected.GetPixelSpan();
        var b = decoded.GetPixelSpan();
        Assert.AreEqual(a.Length, b.Length);
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                var pixel = i / 4;
                Assert.Fail($"pixel ({pixel % expected.Width}, {pixel / expected.Width}) channel {i % 4}: expected {a[i]}, decoded {b[i]}");
            }
        }
    }

    /// <summary>Random pixels; premultiplied ones have every colour channel ≤ alpha, and a tenth of them alpha 0 or 255.</summary>
    private static SKBitmap RandomBitmap(int width, int height, SKAlphaType alpha, int seed)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, alpha));
        var random = new Random(seed);
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i += 4)
        {
            var a = alpha == SKAlphaType.Opaque ? 255 : random.Next(10) switch { 0 => 0, 1 => 255, _ => random.Next(256) };
            for (var c = 0; c < 3; c++)
            {
                pixels[i + c] = (byte)random.Next(a + 1);
            }

            pixels[i + 3] = (byte)a;
        }

        return bitmap;
    }

    private static SKBitmap MapLikeBitmap(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        var colours = new[] { new SKColor(0xff, 0xff, 0xb2), new SKColor(0xfe, 0xcc, 0x5c), new SKColor(0xfd, 0x8d, 0x3c), new SKColor(0xf0, 0x3b, 0x20), new SKColor(0xbd, 0x00, 0x26) };
        var random = new Random(5);
        using var fill = new SKPaint { IsAntialias = true };
        using var border = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = SKColors.DimGray, StrokeWidth = 0.8f };
        for (var i = 0; i < 300; i++)
        {
            using var path = new SKPathBuilder();
            var cx = random.Next(width);
            var cy = random.Next(height);
            path.MoveTo(cx, cy);
            for (var k = 0; k < 5; k++)
            {
                path.LineTo(cx + random.Next(-90, 90), cy + random.Next(-90, 90));
            }

            path.Close();
            using var p = path.Detach();
            fill.Color = colours[random.Next(colours.Length)];
            canvas.DrawPath(p, fill);
            canvas.DrawPath(p, border);
        }

        return bitmap;
    }

    /// <summary>The PNG filter applied by the book (PNG spec §9.2), byte by byte, to RGB samples.</summary>
    private static byte[] ReferenceFiltered(SKBitmap opaque, PngRowFilter filter)
    {
        int w = opaque.Width, h = opaque.Height, stride = 1 + (w * 3);
        var px = opaque.GetPixelSpan().ToArray();
        var rowBytes = opaque.RowBytes;
        var output = new byte[h * stride];
        for (var y = 0; y < h; y++)
        {
            output[y * stride] = (byte)filter;
            for (var x = 0; x < w * 3; x++)
            {
                int Sample(int yy, int xx) => yy < 0 || xx < 0 ? 0 : px[(yy * rowBytes) + ((xx / 3) * 4) + (xx % 3)];
                var predictor = filter switch { PngRowFilter.Sub => Sample(y, x - 3), PngRowFilter.Up => Sample(y - 1, x), _ => 0 };
                output[(y * stride) + 1 + x] = (byte)(Sample(y, x) - predictor);
            }
        }

        return output;
    }

    private static uint ReferenceAdler32(ReadOnlySpan<byte> data)
    {
        // RFC 1950 §8.2, directly: A = 1 + Σ d, B = Σ A_i, both mod 65521.
        uint a = 1, b = 0;
        foreach (var d in data)
        {
            a = (a + d) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }

    /// <summary>A bitwise CRC-32 (no table), independent of PngWriter's table-driven one.</summary>
    private static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var d in data)
        {
            crc ^= d;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }

    /// <summary>Parses the chunks after the signature, checking each length and CRC.</summary>
    private static List<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        var list = new List<(string, byte[])>();
        var pos = 8;
        while (pos < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            Assert.IsLessThanOrEqualTo(png.Length, pos + 12 + length, $"chunk at {pos} runs past the end");
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length));
            Assert.AreEqual(BitwiseCrc(png.AsSpan(pos + 4, 4 + length)), crc, $"CRC of {type} at {pos}");
            list.Add((type, png.AsSpan(pos + 8, length).ToArray()));
            pos += 12 + length;
        }

        Assert.AreEqual(png.Length, pos);
        return list;
    }

    private static byte[] Inflate(List<(string Type, byte[] Data)> chunks)
    {
        var idat = chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray();
        using var zlib = new ZLibStream(new MemoryStream(idat), CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }
}
