using SkiaSharp;

namespace GeoPrevention.Rendering.Tests;

/// <summary>A decoded image as unpremultiplied RGBA bytes, for pixel sampling and comparison.</summary>
internal sealed class RgbaImage
{
    private RgbaImage(int width, int height, byte[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Row-major RGBA, 4 bytes per pixel.</summary>
    public byte[] Pixels { get; }

    public static RgbaImage Decode(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new InvalidOperationException("Not a decodable image.");
        var info = new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        if (!decoded.CopyTo(bitmap, SKColorType.Rgba8888))
        {
            throw new InvalidOperationException("Could not convert the image to RGBA.");
        }

        return new RgbaImage(info.Width, info.Height, bitmap.GetPixelSpan().ToArray());
    }

    public static RgbaImage Load(string path) => Decode(File.ReadAllBytes(path));

    public MapColor this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return new MapColor(Pixels[i], Pixels[i + 1], Pixels[i + 2], Pixels[i + 3]);
        }
    }

    public MapColor At(PixelPoint p) => this[(int)Math.Floor(p.X), (int)Math.Floor(p.Y)];

    /// <summary>Euclidean distance of two colours in RGBA space (0 … 510).</summary>
    public static double Distance(MapColor a, MapColor b)
    {
        double dr = a.R - b.R, dg = a.G - b.G, db = a.B - b.B, da = a.A - b.A;
        return Math.Sqrt((dr * dr) + (dg * dg) + (db * db) + (da * da));
    }
}
