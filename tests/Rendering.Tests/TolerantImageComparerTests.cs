using SkiaSharp;

namespace GeoPrevention.Rendering.Tests;

[TestClass]
public sealed class TolerantImageComparerTests
{
    private static RgbaImage Solid(int w, int h, SKColor color, Action<SKCanvas>? draw = null)
    {
        using var bmp = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bmp))
        {
            canvas.Clear(color);
            draw?.Invoke(canvas);
        }

        using var data = bmp.Encode(SKEncodedImageFormat.Png, 100);
        return RgbaImage.Decode(data.ToArray());
    }

    [TestMethod]
    public void Compare_AntialiasingNoise_Passes()
    {
        // Worked example 1: #ffffff vs #fafafa → distance √(3·5²) = 8.66 ≤ 24.
        var report = new TolerantImageComparer(24, 0.001).Compare(Solid(10, 10, SKColors.White), Solid(10, 10, new SKColor(250, 250, 250)));

        Assert.AreEqual(0, report.DifferingPixels);
        Assert.AreEqual(Math.Sqrt(75), report.MaxDistance, 1e-9);
        Assert.IsTrue(report.Passed);
    }

    [TestMethod]
    public void Compare_ChangedBlock_ReportsCountDistanceAndBox()
    {
        // Worked example 2: a 3 × 2 block changes from #fd8d3c to #f03b20 → distance √(13² + 82² + 28²) = 87.6.
        var orange = new SKColor(0xfd, 0x8d, 0x3c);
        var expected = Solid(20, 10, orange);
        var actual = Solid(20, 10, orange, c =>
        {
            using var p = new SKPaint { Color = new SKColor(0xf0, 0x3b, 0x20), IsAntialias = false };
            c.DrawRect(SKRect.Create(5, 4, 3, 2), p);
        });

        var report = new TolerantImageComparer(24, 0.01).Compare(expected, actual);

        Assert.AreEqual(6, report.DifferingPixels);
        Assert.AreEqual(Math.Sqrt((13 * 13) + (82 * 82) + (28 * 28)), report.MaxDistance, 1e-9);
        Assert.AreEqual((5, 4, 7, 5), (report.DiffLeft, report.DiffTop, report.DiffRight, report.DiffBottom));
        Assert.IsFalse(report.Passed, "6 of 200 pixels = 3 % > 1 %");
        Assert.IsTrue(new TolerantImageComparer(24, 0.05).Compare(expected, actual).Passed, "3 % ≤ 5 %");
    }

    [TestMethod]
    public void Compare_DifferentSizes_Fails()
    {
        var report = new TolerantImageComparer(24, 1).Compare(Solid(10, 10, SKColors.White), Solid(10, 11, SKColors.White));

        Assert.IsTrue(report.SizeMismatch);
        Assert.IsFalse(report.Passed);
    }
}
