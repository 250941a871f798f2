using System.Globalization;

namespace GeoPrevention.Rendering;

/// <summary>
/// The output page: size in pixels and the resolution that converts points (font sizes, line widths) to pixels.
/// PDF pages get the physical size <c>pixels / Dpi</c> inches.
/// </summary>
public sealed record PageSize
{
    /// <summary>The largest accepted side in pixels.</summary>
    public const int MaxSidePx = 20000;

    private PageSize(int widthPx, int heightPx, double dpi)
    {
        WidthPx = widthPx;
        HeightPx = heightPx;
        Dpi = dpi;
    }

    /// <summary>Width in pixels.</summary>
    public int WidthPx { get; }

    /// <summary>Height in pixels.</summary>
    public int HeightPx { get; }

    /// <summary>Pixels per inch; one point (1/72 inch) is <c>Dpi / 72</c> pixels.</summary>
    public double Dpi { get; }

    /// <summary>Pixels per point.</summary>
    public double PxPerPt => Dpi / 72.0;

    /// <summary>A page of <paramref name="widthPx"/> × <paramref name="heightPx"/> pixels.</summary>
    /// <param name="widthPx">Width, 16–20000 px.</param>
    /// <param name="heightPx">Height, 16–20000 px.</param>
    /// <param name="dpi">Resolution, 36–1200; default 96 (screen).</param>
    /// <returns>The page size.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public static PageSize FromPixels(int widthPx, int heightPx, double dpi = 96)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(widthPx, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(heightPx, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(widthPx, MaxSidePx);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(heightPx, MaxSidePx);
        if (!(dpi >= 36 && dpi <= 1200))
        {
            throw new ArgumentOutOfRangeException(nameof(dpi), dpi, "The resolution must be between 36 and 1200 dpi.");
        }

        return new PageSize(widthPx, heightPx, dpi);
    }

    /// <summary>A page of <paramref name="widthMm"/> × <paramref name="heightMm"/> millimetres at <paramref name="dpi"/> (A4 portrait: 210 × 297).</summary>
    /// <param name="widthMm">Width in mm.</param>
    /// <param name="heightMm">Height in mm.</param>
    /// <param name="dpi">Resolution; default 300 (print).</param>
    /// <returns>The page size, pixels rounded to the nearest integer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The resulting pixel size or the resolution is out of range.</exception>
    public static PageSize FromMillimetres(double widthMm, double heightMm, double dpi = 300)
    {
        if (!(widthMm > 0 && heightMm > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(widthMm), string.Create(CultureInfo.InvariantCulture, $"Page size {widthMm} × {heightMm} mm must be positive."));
        }

        return FromPixels((int)Math.Round(widthMm / 25.4 * dpi), (int)Math.Round(heightMm / 25.4 * dpi), dpi);
    }
}
