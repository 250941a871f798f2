using BenchmarkDotNet.Attributes;
using GeoPrevention.Rendering;
using GeoPrevention.Rendering.Internal;
using SkiaSharp;

namespace GeoPrevention.Benchmarks;

/// <summary>
/// PNG encoding of a rendered 1600 × 1600 map raster (the map-only page of <see cref="RenderBenchmarks"/>: a Voronoi
/// tessellation of N districts in 5 classes): Skia's encoder as the renderer used it before (Up filter, zlib level 1,
/// one thread) against the internal <see cref="PngWriter"/> (zlib level 2) with each row filter, on all cores and on one. The raster is
/// rendered and decoded once in GlobalSetup and not timed; each benchmark returns the PNG size in bytes.
/// </summary>
[MemoryDiagnoser]
public class PngEncodeBenchmarks
{
    private SKBitmap _bitmap = null!;
    private SKPixmap _pixmap = null!;

    /// <summary>Number of districts in the rendered map.</summary>
    [Params(10_000, 100_000)]
    public int N { get; set; }

    /// <summary>Renders the map and keeps its pixels as an opaque bitmap in the platform's byte order, as the renderer paints.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var spec = new MapSpec
        {
            Layers = [new MapLayer { Features = RenderBenchmarks.Tessellation(N) }],
            Palette = Palette.Sequential("YlOrRd", 5),
            ShowScaleBar = false,
            ShowNorthArrow = false,
            ShowLabels = false,
            Page = PageSize.FromPixels(1600, 1600, 96),
        };
        using var png = new MemoryStream();
        MapRenderer.RenderPng(spec, png);
        using var decoded = SKBitmap.Decode(png.ToArray());
        _bitmap = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKImageInfo.PlatformColorType, SKAlphaType.Opaque));
        if (!decoded.CopyTo(_bitmap, SKImageInfo.PlatformColorType))
        {
            throw new InvalidOperationException("could not convert the raster to the platform colour type");
        }

        _pixmap = _bitmap.PeekPixels();
        Console.WriteLine($"// PNG sizes at N = {N}: Skia {Skia()} B, ours (None) {Ours()} B, Up {OursUp()} B, Sub {OursSub()} B");
    }

    /// <summary>Frees the raster.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _pixmap.Dispose();
        _bitmap.Dispose();
    }

    /// <summary>Skia 4.155: Up filter, zlib level 1 (the renderer's setting before PngWriter).</summary>
    /// <returns>Bytes.</returns>
    [Benchmark(Baseline = true)]
    public long Skia()
    {
        using var data = _pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Up, 1)) ?? throw new InvalidOperationException("Skia could not encode");
        return data.Size;
    }

    /// <summary>PngWriter as the renderer uses it: no filter, zlib level 2, all cores.</summary>
    /// <returns>Bytes.</returns>
    [Benchmark]
    public long Ours() => Encode(PngRowFilter.None, 0);

    /// <summary>PngWriter, no filter, one thread.</summary>
    /// <returns>Bytes.</returns>
    [Benchmark]
    public long OursOneThread() => Encode(PngRowFilter.None, 1);

    /// <summary>PngWriter, Up filter, all cores.</summary>
    /// <returns>Bytes.</returns>
    [Benchmark]
    public long OursUp() => Encode(PngRowFilter.Up, 0);

    /// <summary>PngWriter, Sub filter, all cores.</summary>
    /// <returns>Bytes.</returns>
    [Benchmark]
    public long OursSub() => Encode(PngRowFilter.Sub, 0);

    private long Encode(PngRowFilter filter, int workers)
    {
        using var ms = new MemoryStream(1 << 20);
        PngWriter.Write(_pixmap, ms, 96, filter, workers);
        return ms.Length;
    }
}
