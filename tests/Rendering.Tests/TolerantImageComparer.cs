using System.Globalization;

namespace GeoPrevention.Rendering.Tests;

/// <summary>How two images differ: counts, worst pixel and where.</summary>
/// <param name="Width">Width of the images (expected image if sizes differ).</param>
/// <param name="Height">Height of the images.</param>
/// <param name="SizeMismatch">True when the sizes differ (then nothing else was compared).</param>
/// <param name="DifferingPixels">Pixels whose colour distance exceeds the per-pixel threshold.</param>
/// <param name="MaxDistance">The largest colour distance of any pixel (0 … 510).</param>
/// <param name="DiffLeft">Bounding box of the differing pixels (inclusive), or -1 when none.</param>
/// <param name="DiffTop">Top of the bounding box.</param>
/// <param name="DiffRight">Right of the bounding box.</param>
/// <param name="DiffBottom">Bottom of the bounding box.</param>
/// <param name="Passed">Whether the difference is within the comparer's tolerance.</param>
internal sealed record ImageSimilarityReport(
    int Width, int Height, bool SizeMismatch, long DifferingPixels, double MaxDistance,
    int DiffLeft, int DiffTop, int DiffRight, int DiffBottom, bool Passed)
{
    /// <summary>Share of differing pixels, 0 … 1.</summary>
    public double DifferingShare => Width * Height == 0 ? 0 : DifferingPixels / (double)(Width * Height);

    public override string ToString() => SizeMismatch
        ? "image sizes differ"
        : string.Create(CultureInfo.InvariantCulture,
            $"{DifferingPixels} of {Width * Height} pixels differ ({DifferingShare:P3}), max distance {MaxDistance:F1}, differences within x {DiffLeft}–{DiffRight}, y {DiffTop}–{DiffBottom}");
}

/// <summary>
/// Compares two images with two tolerances, in the manner of ImageSharp's TolerantImageComparer and Mapsui's
/// regression tests (own implementation).
/// </summary>
/// <remarks>
/// Rules:
/// 1. Images of different size never match.
/// 2. The distance of two pixels is the Euclidean distance of their RGBA bytes (unpremultiplied): √(ΔR² + ΔG² + ΔB² + ΔA²),
///    0 for equal pixels and at most 510.
/// 3. A pixel differs when its distance is greater than <c>perPixelThreshold</c>.
/// 4. The images match when the share of differing pixels is at most <c>maxDifferingShare</c>.
///
/// Worked examples (threshold 24, share 0.001):
/// - white #ffffff vs #fafafa: distance √(3·5²) = 8.7 ≤ 24 → the pixel does not differ (antialiasing noise).
/// - YlOrRd #fd8d3c vs #f03b20: √(13² + 82² + 28²) = 87.6 &gt; 24 → the pixel differs (a class changed).
/// - on a 1000 × 1000 image 800 differing pixels are a share of 0.0008 ≤ 0.001 → match; 1 500 (0.0015) → mismatch.
/// The report always gives the differing pixel count, the maximum distance and the bounding box of the differences,
/// so a failure says where to look.
/// </remarks>
internal sealed class TolerantImageComparer(double perPixelThreshold, double maxDifferingShare)
{
    public double PerPixelThreshold { get; } = perPixelThreshold;

    public double MaxDifferingShare { get; } = maxDifferingShare;

    public ImageSimilarityReport Compare(RgbaImage expected, RgbaImage actual)
    {
        if (expected.Width != actual.Width || expected.Height != actual.Height)
        {
            return new ImageSimilarityReport(expected.Width, expected.Height, true, (long)expected.Width * expected.Height, 510, -1, -1, -1, -1, false);
        }

        long differing = 0;
        double max = 0;
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        var t2 = PerPixelThreshold * PerPixelThreshold;
        var e = expected.Pixels;
        var a = actual.Pixels;
        for (var y = 0; y < expected.Height; y++)
        {
            for (var x = 0; x < expected.Width; x++)
            {
                var i = ((y * expected.Width) + x) * 4;
                double dr = e[i] - a[i], dg = e[i + 1] - a[i + 1], db = e[i + 2] - a[i + 2], da = e[i + 3] - a[i + 3];
                var d2 = (dr * dr) + (dg * dg) + (db * db) + (da * da);
                if (d2 > max)
                {
                    max = d2;
                }

                if (d2 > t2)
                {
                    differing++;
                    left = Math.Min(left, x);
                    top = Math.Min(top, y);
                    right = Math.Max(right, x);
                    bottom = Math.Max(bottom, y);
                }
            }
        }

        var share = differing / (double)(expected.Width * expected.Height);
        return new ImageSimilarityReport(
            expected.Width, expected.Height, false, differing, Math.Sqrt(max),
            differing == 0 ? -1 : left, differing == 0 ? -1 : top, right, bottom, share <= MaxDifferingShare);
    }
}
