using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.Intrinsics;
using GeoPrevention.Geo.IO;
using SkiaSharp;

namespace GeoPrevention.Rendering.Internal;

/// <summary>
/// Writes an 8-bit PNG from a Skia pixmap with the deflate work split over several cores (Skia's own encoder runs zlib
/// on one thread, and at 1600 × 1600 px that was the largest single part of a map render).
/// </summary>
/// <remarks>
/// Rules:
/// 1. Input: <see cref="SKColorType.Rgba8888"/> or <see cref="SKColorType.Bgra8888"/> pixels (the renderer paints in the
///    platform's native BGRA order; the writer swizzles to PNG's RGB order). <see cref="SKAlphaType.Opaque"/> is written as colour type 2
///    (RGB, alpha dropped); premultiplied or unpremultiplied pixels as colour type 6 (RGBA, not premultiplied).
///    Premultiplied values are un-premultiplied as <c>round(c · 255 / a)</c> (0 where a = 0), so decoding and
///    premultiplying again (<c>round(u · a / 255)</c>) gives back exactly the input pixels.
/// 2. Every row uses one filter, <see cref="PngRowFilter.None"/> by default. On rendered maps (flat class colours,
///    antialiased borders) unfiltered rows at zlib level 2 came out both smaller and faster than Up or Sub at level 1
///    or 2 (measured in <c>PngEncodeBenchmarks</c>, see docs/performance.md): runs of one colour become long matches at
///    distance 3 or 4, and repeated rows matches at one row's distance. Up and Sub (the first row of the image filtered
///    against zeros, as the PNG specification defines it) remain available.
/// 3. The filtered rows are cut into slices of whole rows: one slice below <see cref="ParallelMinPixels"/> pixels,
///    otherwise slices of <c>max(1, ⌊SliceBytes / (1 + rowBytes)⌋)</c> rows. The cut depends only on the image size, never on
///    the number of cores, so the output bytes are the same on every machine and with any degree of parallelism.
/// 4. Each slice is deflated on its own (zlib level <see cref="ZLibLevel"/>, default strategy, no preset dictionary);
///    every slice but the last ends with a sync flush (an empty stored block, byte-aligned) and no final block, so the
///    slices concatenate into one valid deflate stream (RFC 1951 §3.2.3). The zlib wrapper (RFC 1950: header
///    <c>78 5E</c>, Adler-32 trailer) is written around them; the Adler-32 of the whole filtered data is combined from
///    the slices' own checksums: for data X then Y (length n), <c>A = A_X + A_Y − 1</c> and
///    <c>B = B_X + n·(A_X − 1) + B_Y</c>, both mod 65521.
/// 5. Chunks: IHDR (no interlace), pHYs (when a resolution is given: pixels per metre = round(dpi / 0.0254), unit
///    metre), one IDAT per slice (the first starts with the zlib header, the last ends with the Adler-32), IEND. CRC-32 as
///    in ISO 3309 (polynomial 0xEDB88320, reflected) over chunk type and data.
/// 6. Slices are compressed in parallel with up to <c>Environment.ProcessorCount</c> workers, clamped to 1..8.
/// </remarks>
internal static class PngWriter
{
    /// <summary>Images with fewer pixels are deflated as one slice (the parallel start-up would cost more than it saves).</summary>
    public const int ParallelMinPixels = 512 * 1024;

    /// <summary>Target size of a slice's filtered bytes (whole rows).</summary>
    public const int SliceBytes = 1 << 20;

    /// <summary>Staging buffer for filtered rows on their way to zlib: 64 KiB, below the large-object threshold.</summary>
    private const int StagingBytes = 1 << 16;

    /// <summary>The zlib level (zlib-ng's "fast" matcher; level 1 is its static-Huffman "quick" mode, 20–55 % larger on the benchmark maps).</summary>
    public const int ZLibLevel = 2;

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();
    private static readonly Lazy<byte[]> UnpremultiplyTable = new(BuildUnpremultiplyTable);

    /// <summary>The default degree of parallelism: the processor count clamped to 1..8.</summary>
    public static int DefaultParallelism => Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>Writes <paramref name="pixmap"/> as a PNG to <paramref name="destination"/>.</summary>
    /// <param name="pixmap">Rgba8888 or Bgra8888 pixels.</param>
    /// <param name="destination">A writable stream; the PNG is written at its current position.</param>
    /// <param name="dpi">The resolution for the pHYs chunk, or null to leave the chunk out.</param>
    /// <param name="filter">The row filter.</param>
    /// <param name="maxParallelism">Worker count (1..8 sensible), or 0 for <see cref="DefaultParallelism"/>. Does not change the bytes.</param>
    /// <exception cref="MapRenderingException">The pixmap is not Rgba8888 or Bgra8888, is empty, or too large for a PNG.</exception>
    public static void Write(SKPixmap pixmap, Stream destination, double? dpi, PngRowFilter filter = PngRowFilter.None, int maxParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(pixmap);
        ArgumentNullException.ThrowIfNull(destination);
        var info = pixmap.Info;
        if (info.ColorType is not (SKColorType.Rgba8888 or SKColorType.Bgra8888))
        {
            throw new MapRenderingException($"PNG encoding failed: the pixels are {info.ColorType}, the encoder needs Rgba8888 or Bgra8888.");
        }

        if (info.Width <= 0 || info.Height <= 0 || pixmap.GetPixels() == IntPtr.Zero)
        {
            throw new MapRenderingException($"PNG encoding failed: the image is empty ({info.Width} × {info.Height} px).");
        }

        var opaque = info.AlphaType == SKAlphaType.Opaque;
        var channels = opaque ? 3 : 4;
        var rowLength = 1 + ((long)info.Width * channels);
        if (rowLength > int.MaxValue / 2 || (long)info.Width * info.Height > int.MaxValue)
        {
            throw new MapRenderingException($"PNG encoding failed: the image is too large ({info.Width} × {info.Height} px).");
        }

        var layout = SliceLayout(info.Width, info.Height, channels);
        var slices = new SliceResult[layout.Count];
        var source = new PixelSource(pixmap, info.Width, info.Height, pixmap.RowBytes, info.AlphaType, info.ColorType == SKColorType.Bgra8888, (int)rowLength, filter);
        var workers = maxParallelism > 0 ? maxParallelism : DefaultParallelism;
        // (Should a slice fail, the buffers of the finished ones are left to the garbage collector.)
        if (workers == 1 || layout.Count == 1)
        {
            for (var i = 0; i < layout.Count; i++)
            {
                slices[i] = CompressSlice(source, layout.RowsPerSlice * i, Math.Min(info.Height, layout.RowsPerSlice * (i + 1)), i == 0, i == layout.Count - 1);
            }
        }
        else
        {
            try
            {
                Parallel.For(0, layout.Count, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
                    slices[i] = CompressSlice(source, layout.RowsPerSlice * i, Math.Min(info.Height, layout.RowsPerSlice * (i + 1)), i == 0, i == layout.Count - 1));
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // The same exception as the one-thread path, not the wrapper.
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        }

        try
        {
            WriteFile(destination, info.Width, info.Height, opaque, dpi, slices);
        }
        finally
        {
            foreach (var slice in slices)
            {
                slice?.Data.Dispose();
            }
        }
    }

    /// <summary>How the rows of an image are cut into slices (rule 3).</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="channels">3 (RGB) or 4 (RGBA).</param>
    /// <returns>Rows per slice (the last slice may be shorter) and the slice count.</returns>
    public static (int RowsPerSlice, int Count) SliceLayout(int width, int height, int channels)
    {
        if ((long)width * height < ParallelMinPixels)
        {
            return (height, 1);
        }

        var rows = (int)Math.Max(1, SliceBytes / (1 + ((long)width * channels)));
        rows = Math.Min(rows, height);
        return (rows, (height + rows - 1) / rows);
    }

    /// <summary>The Adler-32 of data X followed by data Y, from their checksums and Y's length (rule 4).</summary>
    /// <param name="adlerX">Adler-32 of X.</param>
    /// <param name="adlerY">Adler-32 of Y.</param>
    /// <param name="lengthY">Length of Y in bytes.</param>
    /// <returns>The Adler-32 of X + Y.</returns>
    public static uint CombineAdler32(uint adlerX, uint adlerY, long lengthY)
    {
        const uint Mod = 65521;
        ulong aX = adlerX & 0xFFFF, bX = adlerX >> 16, aY = adlerY & 0xFFFF, bY = adlerY >> 16;
        var n = (ulong)(lengthY % Mod);
        var a = (aX + aY + Mod - 1) % Mod;
        var b = (bX + (n * ((aX + Mod - 1) % Mod)) + bY) % Mod;
        return (uint)((b << 16) | a);
    }

    /// <summary>CRC-32 (ISO 3309, as PNG uses it) continued from a running value.</summary>
    /// <param name="crc">The running value (start with 0xFFFFFFFF; xor with 0xFFFFFFFF at the end).</param>
    /// <param name="data">The bytes.</param>
    /// <returns>The new running value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a hot loop: fully optimised from the first call (a CLI renders once)
    public static uint UpdateCrc(uint crc, ReadOnlySpan<byte> data)
    {
        // Eight bytes per step ("slicing by 8"): table k holds the CRC contribution of a byte followed by k zero bytes.
        var t = CrcTable;
        var i = 0;
        for (; i <= data.Length - 8; i += 8)
        {
            var one = BinaryPrimitives.ReadUInt32LittleEndian(data[i..]) ^ crc;
            var two = BinaryPrimitives.ReadUInt32LittleEndian(data[(i + 4)..]);
            crc = t[(7 * 256) + (one & 0xFF)] ^ t[(6 * 256) + ((one >> 8) & 0xFF)] ^ t[(5 * 256) + ((one >> 16) & 0xFF)] ^ t[(4 * 256) + (one >> 24)]
                ^ t[(3 * 256) + (two & 0xFF)] ^ t[(2 * 256) + ((two >> 8) & 0xFF)] ^ t[256 + ((two >> 16) & 0xFF)] ^ t[two >> 24];
        }

        for (; i < data.Length; i++)
        {
            crc = t[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static SliceResult CompressSlice(PixelSource source, int firstRow, int endRow, bool first, bool last)
    {
        var rowLength = source.RowLength;
        var rawLength = rowLength - 1;
        var length = (endRow - firstRow) * rowLength;
        // Rows are filtered into a small staging buffer (below the large-object threshold, so a render leaves no large-object
        // garbage that would trigger full collections) and handed to zlib a few rows at a time. 16 bytes of slack after each
        // row for the vector packing loop; Sub and Up keep the raw previous row in a second small buffer.
        var staging = ArrayPool<byte>.Shared.Rent(Math.Max(StagingBytes, rowLength + 16));
        var rows = source.Filter == PngRowFilter.None ? null : ArrayPool<byte>.Shared.Rent((2 * rawLength) + 32);
        try
        {
            var compressed = new PooledSegments();
            try
            {
                long flushedLength;
                using (var zlib = new ZLibStream(compressed, new ZLibCompressionOptions { CompressionLevel = ZLibLevel, CompressionStrategy = ZLibCompressionStrategy.Default }, leaveOpen: true))
                {
                    var previous = rows is null ? default : rows.AsSpan(0, rawLength + 16);
                    var current = rows is null ? default : rows.AsSpan(rawLength + 16, rawLength + 16);
                    if (rows is not null)
                    {
                        if (firstRow == 0)
                        {
                            previous.Clear();
                        }
                        else
                        {
                            source.RawRow(firstRow - 1, previous);
                        }
                    }

                    var used = 0;
                    for (var y = firstRow; y < endRow; y++)
                    {
                        if (used + rowLength + 16 > staging.Length)
                        {
                            zlib.Write(staging, 0, used);
                            used = 0;
                        }

                        if (rows is null)
                        {
                            // No filter: the row goes straight into place (its slack is overwritten by the next row).
                            staging[used] = (byte)PngRowFilter.None;
                            source.RawRow(y, staging.AsSpan(used + 1, rawLength + 16));
                        }
                        else
                        {
                            source.RawRow(y, current);
                            Filter(source.Filter, source.Channels, current[..rawLength], previous[..rawLength], staging.AsSpan(used, rowLength));
                            var swap = previous;
                            previous = current;
                            current = swap;
                        }

                        used += rowLength;
                    }

                    zlib.Write(staging, 0, used);
                    zlib.Flush();
                    flushedLength = compressed.Length;
                }

                // ZLibStream wrote: 2-byte header, deflate data (sync-flushed at flushedLength, then the final block), Adler-32.
                var total = compressed.Length;
                if (total < 6 || flushedLength < 2 || (compressed.ByteAt(0) & 0x0F) != 8 || (compressed.ByteAt(1) & 0x20) != 0)
                {
                    throw new MapRenderingException("PNG encoding failed: the zlib stream has an unexpected layout.");
                }

                var end = last ? total - 4 : flushedLength;
                var adler = ((uint)compressed.ByteAt(total - 4) << 24) | ((uint)compressed.ByteAt(total - 3) << 16) | ((uint)compressed.ByteAt(total - 2) << 8) | compressed.ByteAt(total - 1);
                var slice = new SliceResult(compressed, end, adler, length, first);
                // The running CRC of this slice's IDAT chunk (type and data so far; the last one gets the Adler-32 added later).
                var crc = UpdateCrc(UpdateCrc(0xFFFFFFFF, "IDAT"u8), slice.Prefix);
                compressed.ForEach(2, end, span => crc = UpdateCrc(crc, span));
                slice.Crc = crc;
                return slice;
            }
            catch
            {
                compressed.Dispose();
                throw;
            }
        }
        finally
        {
            if (rows is not null)
            {
                ArrayPool<byte>.Shared.Return(rows);
            }

            ArrayPool<byte>.Shared.Return(staging);
        }
    }

    private static void Filter(PngRowFilter filter, int channels, ReadOnlySpan<byte> current, ReadOnlySpan<byte> previous, Span<byte> output)
    {
        output[0] = (byte)filter;
        var target = output[1..];
        switch (filter)
        {
            case PngRowFilter.None:
                current.CopyTo(target);
                break;
            case PngRowFilter.Sub:
                current[..channels].CopyTo(target);
                Subtract(current[channels..], current, target[channels..]);
                break;
            case PngRowFilter.Up:
                Subtract(current, previous, target);
                break;
            default:
                throw new MapRenderingException($"PNG encoding failed: unsupported row filter {filter}.");
        }
    }

    /// <summary>target[i] = a[i] − b[i] (mod 256) for i &lt; target.Length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a hot loop: fully optimised from the first call (a CLI renders once)
    private static void Subtract(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> target)
    {
        var n = target.Length;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                (Vector128.Create(a.Slice(i, Vector128<byte>.Count)) - Vector128.Create(b.Slice(i, Vector128<byte>.Count))).CopyTo(target.Slice(i, Vector128<byte>.Count));
            }
        }

        for (; i < n; i++)
        {
            target[i] = (byte)(a[i] - b[i]);
        }
    }

    private static void WriteFile(Stream destination, int width, int height, bool opaque, double? dpi, SliceResult[] slices)
    {
        destination.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bit depth
        header[9] = opaque ? (byte)2 : (byte)6; // colour type: RGB or RGBA
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering
        header[12] = 0; // no interlace
        WriteChunk(destination, "IHDR"u8, header, default, default);
        if (dpi is { } d)
        {
            if (!double.IsFinite(d) || d <= 0)
            {
                throw new MapRenderingException($"PNG encoding failed: the resolution {d} dpi is not a positive number.");
            }

            var perMetre = (uint)Math.Min(int.MaxValue, Math.Round(d / 0.0254, MidpointRounding.AwayFromZero));
            Span<byte> phys = stackalloc byte[9];
            BinaryPrimitives.WriteUInt32BigEndian(phys, perMetre);
            BinaryPrimitives.WriteUInt32BigEndian(phys[4..], perMetre);
            phys[8] = 1; // unit: metre
            WriteChunk(destination, "pHYs"u8, phys, default, default);
        }

        var adler = 1u;
        foreach (var s in slices)
        {
            adler = CombineAdler32(adler, s.Adler, s.Length);
        }

        Span<byte> trailer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(trailer, adler);
        Span<byte> word = stackalloc byte[4];
        for (var i = 0; i < slices.Length; i++)
        {
            // The slice's CRC already covers "IDAT", the zlib header (first slice) and its deflate data.
            var slice = slices[i];
            var suffix = i == slices.Length - 1 ? trailer : default;
            BinaryPrimitives.WriteInt32BigEndian(word, checked(slice.Prefix.Length + (int)(slice.End - 2) + suffix.Length));
            destination.Write(word);
            destination.Write("IDAT"u8);
            destination.Write(slice.Prefix);
            slice.Data.CopyTo(destination, 2, slice.End);
            destination.Write(suffix);
            BinaryPrimitives.WriteUInt32BigEndian(word, UpdateCrc(slice.Crc, suffix) ^ 0xFFFFFFFF);
            destination.Write(word);
        }

        WriteChunk(destination, "IEND"u8, default, default, default);
    }

    /// <summary>Writes one chunk whose data is the concatenation of three parts.</summary>
    private static void WriteChunk(Stream destination, ReadOnlySpan<byte> type, ReadOnlySpan<byte> part1, ReadOnlySpan<byte> part2, ReadOnlySpan<byte> part3)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, part1.Length + part2.Length + part3.Length);
        destination.Write(word);
        destination.Write(type);
        destination.Write(part1);
        destination.Write(part2);
        destination.Write(part3);
        var crc = UpdateCrc(UpdateCrc(UpdateCrc(UpdateCrc(0xFFFFFFFF, type), part1), part2), part3) ^ 0xFFFFFFFF;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        destination.Write(word);
    }

    /// <summary>Eight tables of 256 entries: table 0 is the byte-wise CRC table, table k = table k−1 advanced by one zero byte.</summary>
    private static uint[] BuildCrcTable()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        for (var k = 1; k < 8; k++)
        {
            for (var n = 0; n < 256; n++)
            {
                var previous = table[((k - 1) * 256) + n];
                table[(k * 256) + n] = (previous >> 8) ^ table[previous & 0xFF];
            }
        }

        return table;
    }

    /// <summary>table[a · 256 + c] = round(c · 255 / a), clamped to 255; row a = 0 is all zeros.</summary>
    private static byte[] BuildUnpremultiplyTable()
    {
        var table = new byte[256 * 256];
        for (var a = 1; a < 256; a++)
        {
            for (var c = 0; c < 256; c++)
            {
                table[(a * 256) + c] = (byte)Math.Min(255, ((c * 255) + (a / 2)) / a);
            }
        }

        return table;
    }

    /// <summary>A compressed slice (its segments are pooled): its deflate data is bytes 2 … End of <see cref="Data"/> (after the 2-byte zlib header of ZLibStream).</summary>
    private sealed record SliceResult(PooledSegments Data, long End, uint Adler, long Length, bool First)
    {
        /// <summary>The zlib header (deflate, 32 KiB window, FLEVEL 1 "fast", FCHECK: 0x785E % 31 = 0) before the first slice.</summary>
        public ReadOnlySpan<byte> Prefix => First ? [0x78, 0x5E] : default;

        /// <summary>The running (not yet inverted) CRC-32 of the IDAT chunk's type and data up to <see cref="End"/>.</summary>
        public uint Crc { get; set; }
    }

    /// <summary>Reads rows of the pixmap in PNG sample order (RGB or un-premultiplied RGBA).</summary>
    private sealed class PixelSource(SKPixmap pixmap, int width, int height, int rowBytes, SKAlphaType alpha, bool bgra, int rowLength, PngRowFilter filter)
    {
        // Shuffle masks, 4 pixels of 16 bytes in: RGBA → RGB, BGRA → RGB (the last 4 lanes zero), BGRA → RGBA.
        private static readonly Vector128<byte> RgbaToRgb = Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80);
        private static readonly Vector128<byte> BgraToRgb = Vector128.Create((byte)2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, 0x80, 0x80, 0x80, 0x80);
        private static readonly Vector128<byte> BgraToRgba = Vector128.Create((byte)2, 1, 0, 3, 6, 5, 4, 7, 10, 9, 8, 11, 14, 13, 12, 15);

        public int RowLength => rowLength;

        public PngRowFilter Filter => filter;

        public int Channels => alpha == SKAlphaType.Opaque ? 3 : 4;

        /// <summary>Writes row <paramref name="y"/> into <paramref name="target"/> (which has 16 bytes of slack at the end).</summary>
        public void RawRow(int y, Span<byte> target)
        {
            if ((uint)y >= (uint)height)
            {
                throw new ArgumentOutOfRangeException(nameof(y));
            }

            var row = pixmap.GetPixelSpan().Slice(y * rowBytes, width * 4);
            // Byte offset of red in a source pixel: 0 for RGBA, 2 for BGRA (blue is at 2 − red).
            var red = bgra ? 2 : 0;
            switch (alpha)
            {
                case SKAlphaType.Opaque:
                    Pack(row, target, bgra ? BgraToRgb : RgbaToRgb, 3, red);
                    break;
                case SKAlphaType.Premul:
                    Unpremultiply(row, target, red);
                    break;
                default:
                    if (bgra)
                    {
                        Pack(row, target, BgraToRgba, 4, red);
                    }
                    else
                    {
                        row.CopyTo(target);
                    }

                    break;
            }
        }

        /// <summary>Writes each pixel's R, G, B (and A when <paramref name="channels"/> is 4) in PNG order.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a hot loop: fully optimised from the first call (a CLI renders once)
        private static void Pack(ReadOnlySpan<byte> source, Span<byte> target, Vector128<byte> mask, int channels, int red)
        {
            var pixels = source.Length / 4;
            var i = 0;
            if (Vector128.IsHardwareAccelerated)
            {
                // 4 pixels in, 4 × channels bytes out; for RGB the 4 zero bytes after them are overwritten by the next
                // step or land in the slack.
                for (; i <= pixels - 4; i += 4)
                {
                    Vector128.Shuffle(Vector128.Create(source.Slice(i * 4, 16)), mask).CopyTo(target.Slice(i * channels, 16));
                }
            }

            for (; i < pixels; i++)
            {
                var s = i * 4;
                var t = i * channels;
                target[t] = source[s + red];
                target[t + 1] = source[s + 1];
                target[t + 2] = source[s + 2 - red];
                if (channels == 4)
                {
                    target[t + 3] = source[s + 3];
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a hot loop: fully optimised from the first call (a CLI renders once)
        private static void Unpremultiply(ReadOnlySpan<byte> premul, Span<byte> target, int red)
        {
            var table = UnpremultiplyTable.Value;
            for (var i = 0; i < premul.Length; i += 4)
            {
                var a = premul[i + 3];
                var rowStart = a * 256;
                target[i] = table[rowStart + premul[i + red]];
                target[i + 1] = table[rowStart + premul[i + 1]];
                target[i + 2] = table[rowStart + premul[i + 2 - red]];
                target[i + 3] = a;
            }
        }
    }
}

/// <summary>PNG row filter types (PNG specification §9.2) that <see cref="PngWriter"/> can use for all rows.</summary>
internal enum PngRowFilter
{
    /// <summary>Type 0: the bytes as they are.</summary>
    None = 0,

    /// <summary>Type 1: each byte minus the corresponding byte of the pixel to the left.</summary>
    Sub = 1,

    /// <summary>Type 2: each byte minus the byte above.</summary>
    Up = 2,
}
