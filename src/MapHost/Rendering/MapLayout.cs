using NetTopologySuite.Geometries;

namespace GeoPrevention.Rendering;

/// <summary>A rectangle in page pixels (origin top-left, y down).</summary>
/// <param name="Left">Left edge.</param>
/// <param name="Top">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public readonly record struct PixelRect(double Left, double Top, double Width, double Height)
{
    /// <summary>Right edge.</summary>
    public double Right => Left + Width;

    /// <summary>Bottom edge.</summary>
    public double Bottom => Top + Height;

    /// <summary>Whether the point lies inside (edges included).</summary>
    /// <param name="x">Pixel x.</param>
    /// <param name="y">Pixel y.</param>
    /// <returns>True if inside.</returns>
    public bool Contains(double x, double y) => x >= Left && x <= Right && y >= Top && y <= Bottom;
}

/// <summary>A point in page pixels (origin top-left, y down).</summary>
/// <param name="X">Pixel x.</param>
/// <param name="Y">Pixel y.</param>
public readonly record struct PixelPoint(double X, double Y);

/// <summary>One map panel on the page: its frame and the affine map → pixel transform.</summary>
public sealed class MapPanelLayout
{
    internal MapPanelLayout(PixelRect frame, Envelope extent, double pixelsPerMapUnit, string? title)
    {
        Frame = frame;
        Extent = extent;
        PixelsPerMapUnit = pixelsPerMapUnit;
        Title = title;
    }

    /// <summary>The map frame in page pixels; drawing is clipped to it.</summary>
    public PixelRect Frame { get; }

    /// <summary>The map extent that exactly fills <see cref="Frame"/> (map units).</summary>
    public Envelope Extent { get; }

    /// <summary>Scale: page pixels per map unit (metre).</summary>
    public double PixelsPerMapUnit { get; }

    /// <summary>The panel title, if any.</summary>
    public string? Title { get; }

    /// <summary>Transforms map coordinates to page pixels: x' = left + (x − minX)·s, y' = top + (maxY − y)·s.</summary>
    /// <param name="x">Map x (easting).</param>
    /// <param name="y">Map y (northing).</param>
    /// <returns>The pixel position.</returns>
    public PixelPoint MapToPixel(double x, double y) =>
        new(Frame.Left + ((x - Extent.MinX) * PixelsPerMapUnit), Frame.Top + ((Extent.MaxY - y) * PixelsPerMapUnit));

    /// <summary>The inverse of <see cref="MapToPixel"/>.</summary>
    /// <param name="px">Pixel x.</param>
    /// <param name="py">Pixel y.</param>
    /// <returns>Map coordinates.</returns>
    public Coordinate PixelToMap(double px, double py) =>
        new(Extent.MinX + ((px - Frame.Left) / PixelsPerMapUnit), Extent.MaxY - ((py - Frame.Top) / PixelsPerMapUnit));
}

/// <summary>Where everything sits on the page; the same for PNG, SVG and PDF of one spec.</summary>
public sealed class MapLayout
{
    internal MapLayout(PageSize page, IReadOnlyList<MapPanelLayout> panels, PixelRect? legendFrame)
    {
        Page = page;
        Panels = panels;
        LegendFrame = legendFrame;
    }

    /// <summary>The page size.</summary>
    public PageSize Page { get; }

    /// <summary>The map panels (one for a <see cref="MapSpec"/>).</summary>
    public IReadOnlyList<MapPanelLayout> Panels { get; }

    /// <summary>The legend box, or <see langword="null"/> without legend.</summary>
    public PixelRect? LegendFrame { get; }

    /// <summary>Transforms map coordinates to page pixels in the first panel; see <see cref="MapPanelLayout.MapToPixel"/>.</summary>
    /// <param name="x">Map x.</param>
    /// <param name="y">Map y.</param>
    /// <returns>The pixel position.</returns>
    public PixelPoint MapToPixel(double x, double y) => Panels[0].MapToPixel(x, y);
}

/// <summary>What a render call did: the layout and the label decisions.</summary>
public sealed class MapRenderResult
{
    internal MapRenderResult(MapLayout layout, int featuresDrawn, IReadOnlyList<string> labelsPlaced, IReadOnlyList<string> labelsSkipped, bool bordersSkipped)
    {
        Layout = layout;
        FeaturesDrawn = featuresDrawn;
        LabelsPlaced = labelsPlaced;
        LabelsSkipped = labelsSkipped;
        BordersSkipped = bordersSkipped;
    }

    /// <summary>The page layout (use <see cref="MapLayout.MapToPixel"/> to find a district on the image).</summary>
    public MapLayout Layout { get; }

    /// <summary>Features whose envelope intersects the visible extent (summed over panels).</summary>
    public int FeaturesDrawn { get; }

    /// <summary>Keys whose label was placed, in placement order (larger districts first).</summary>
    public IReadOnlyList<string> LabelsPlaced { get; }

    /// <summary>Keys whose label was left out because every candidate position collided or left the frame.</summary>
    public IReadOnlyList<string> LabelsSkipped { get; }

    /// <summary>True when district borders were skipped because the map is dense (see <see cref="MapStyle.DenseBorderMinAreaPx"/>).</summary>
    public bool BordersSkipped { get; }
}

/// <summary>Output formats of <see cref="MapRenderer"/>.</summary>
public enum MapFormat
{
    /// <summary>PNG raster, size <see cref="PageSize.WidthPx"/> × <see cref="PageSize.HeightPx"/>.</summary>
    Png,

    /// <summary>SVG with all text converted to paths (looks the same everywhere, needs no font).</summary>
    Svg,

    /// <summary>PDF with the font embedded (subset), page size pixels / dpi inches.</summary>
    Pdf,
}

/// <summary>Rendering failed for a reason outside the spec (missing embedded font, encoder failure).</summary>
public sealed class MapRenderingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    public MapRenderingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MapRenderingException()
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public MapRenderingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
