using GeoPrevention.Geo.IO;
using GeoPrevention.Rendering.Internal;
using SkiaSharp;

namespace GeoPrevention.Rendering;

/// <summary>
/// Renders a <see cref="MapSpec"/> or <see cref="SmallMultiplesSpec"/> to PNG, SVG or PDF, headless (no UI, no web
/// server), with SkiaSharp and an embedded DejaVu Sans font.
/// </summary>
/// <remarks>
/// Rules:
/// 1. The layout (<see cref="ComputeLayout(MapSpec)"/>) is computed once and is identical for all three formats.
/// 2. Nothing blank is returned silently: a spec without features, with only empty geometries, with a zero-area
///    extent, with a class index outside the palette or with an unknown extent key throws
///    <see cref="ArgumentException"/>; a missing embedded font or a failing encoder throws
///    <see cref="MapRenderingException"/>.
/// 3. Output is deterministic: the same spec gives byte-identical PNG, SVG and PDF on every run and machine with the
///    same SkiaSharp version (no system fonts, no timestamps in the PDF).
/// 4. SVG text is converted to outlines; PDF embeds a subset of the font; PNG is 8-bit RGBA.
/// 5. <see cref="RenderToFile(MapSpec, string, MapFormat)"/> writes to a temporary file beside the target and renames
///    it, so a failure leaves no file behind (and an existing file untouched).
/// </remarks>
/// <example>
/// <code>
/// var spec = new MapSpec { Layers = [new MapLayer { Features = features }], Legend = LegendSpec.FromBreaks(breaks, counts, unit: "je 100 Kinder unter 15 Jahren"), Title = "Kinderarmut 2023" };
/// MapRenderer.RenderToFile(spec, "karte.pdf");
/// </code>
/// </example>
public static partial class MapRenderer
{
    /// <summary>Computes where panels, legend and text go, without drawing.</summary>
    /// <param name="spec">The map.</param>
    /// <returns>The layout, including the map → pixel transform.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spec"/> is null.</exception>
    /// <exception cref="ArgumentException">The spec cannot produce a visible map (see the class remarks).</exception>
    /// <exception cref="MapRenderingException">The embedded font is missing.</exception>
    public static MapLayout ComputeLayout(MapSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var page = PageLayouter.Prepare(PageModel.From(spec));
        return page.Layout;
    }

    /// <summary>Computes the small-multiples layout without drawing.</summary>
    /// <param name="spec">The page.</param>
    /// <returns>The layout with one panel per map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spec"/> is null.</exception>
    /// <exception cref="ArgumentException">The spec cannot produce a visible map.</exception>
    /// <exception cref="MapRenderingException">The embedded font is missing.</exception>
    public static MapLayout ComputeLayout(SmallMultiplesSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var page = PageLayouter.Prepare(PageModel.From(spec));
        return page.Layout;
    }

    /// <summary>Renders the map as PNG into <paramref name="destination"/>.</summary>
    /// <param name="spec">The map.</param>
    /// <param name="destination">A writable stream.</param>
    /// <returns>What was drawn.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The spec cannot produce a visible map, or the stream is not writable.</exception>
    /// <exception cref="MapRenderingException">The font is missing or encoding failed.</exception>
    public static MapRenderResult RenderPng(MapSpec spec, Stream destination) => Render(spec, destination, MapFormat.Png);

    /// <summary>Renders the map as SVG (text as outlines) into <paramref name="destination"/>.</summary>
    /// <param name="spec">The map.</param>
    /// <param name="destination">A writable stream.</param>
    /// <returns>What was drawn.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The spec cannot produce a visible map, or the stream is not writable.</exception>
    /// <exception cref="MapRenderingException">The font is missing.</exception>
    public static MapRenderResult RenderSvg(MapSpec spec, Stream destination) => Render(spec, destination, MapFormat.Svg);

    /// <summary>Renders the map as a one-page PDF (font embedded) into <paramref name="destination"/>.</summary>
    /// <param name="spec">The map.</param>
    /// <param name="destination">A writable stream.</param>
    /// <returns>What was drawn.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The spec cannot produce a visible map, or the stream is not writable.</exception>
    /// <exception cref="MapRenderingException">The font is missing or the PDF could not be created.</exception>
    public static MapRenderResult RenderPdf(MapSpec spec, Stream destination) => Render(spec, destination, MapFormat.Pdf);

    /// <summary>Renders the map in <paramref name="format"/> into <paramref name="destination"/>.</summary>
    /// <param name="spec">The map.</param>
    /// <param name="destination">A writable stream.</param>
    /// <param name="format">The output format.</param>
    /// <returns>What was drawn.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The spec cannot produce a visible map, or the stream is not writable.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unknown format.</exception>
    /// <exception cref="MapRenderingException">The font is missing or encoding failed.</exception>
    public static MapRenderResult Render(MapSpec spec, Stream destination, MapFormat format) => Render(spec, destination, format, -1);

    /// <summary>
    /// As the public overload, with at most <paramref name="paintThreads"/> threads painting the tiles of a raster (−1: the
    /// core count; 0: no tiles). Tests compare these.
    /// </summary>
    internal static MapRenderResult Render(MapSpec spec, Stream destination, MapFormat format, int paintThreads)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return RenderModel(PageModel.From(spec), destination, format, paintThreads);
    }

    /// <summary>Renders small multiples in <paramref name="format"/> into <paramref name="destination"/>.</summary>
    /// <param name="spec">The page.</param>
    /// <param name="destination">A writable stream.</param>
    /// <param name="format">The output format.</param>
    /// <returns>What was drawn.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The spec cannot produce a visible map, or the stream is not writable.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unknown format.</exception>
    /// <exception cref="MapRenderingException">The font is missing or encoding failed.</exception>
    public static MapRenderResult Render(SmallMultiplesSpec spec, Stream destination, MapFormat format)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return RenderModel(PageModel.From(spec), destination, format);
    }

    /// <summary>Renders the map to a file atomically (temporary file + rename); the format follows the extension (.png, .svg, .pdf).</summary>
    /// <param name="spec">The map.</param>
    /// <param name="path">The target file.</param>
    /// <returns>What was drawn.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">The extension is not .png, .svg or .pdf.</exception>
    /// <exception cref="ArgumentException">The spec cannot produce a visible map.</exception>
    /// <exception cref="MapRenderingException">The font is missing or encoding failed.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static MapRenderResult RenderToFile(MapSpec spec, string path) => RenderToFile(spec, path, FormatFromExtension(path));

    /// <summary>Renders the map to a file atomically: a failure leaves no file (and an existing target untouched).</summary>
    /// <param name="spec">The map.</param>
    /// <param name="path">The target file; its folder must exist.</param>
    /// <param name="format">The output format.</param>
    /// <returns>What was drawn.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The spec cannot produce a visible map.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unknown format.</exception>
    /// <exception cref="MapRenderingException">The font is missing or encoding failed.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static MapRenderResult RenderToFile(MapSpec spec, string path, MapFormat format)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return AtomicFile.WriteStream(path, s => Render(spec, s, format));
    }

    /// <summary>Renders small multiples to a file atomically.</summary>
    /// <param name="spec">The page.</param>
    /// <param name="path">The target file; its folder must exist.</param>
    /// <param name="format">The output format.</param>
    /// <returns>What was drawn.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The spec cannot produce a visible map.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unknown format.</exception>
    /// <exception cref="MapRenderingException">The font is missing or encoding failed.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static MapRenderResult RenderToFile(SmallMultiplesSpec spec, string path, MapFormat format)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return AtomicFile.WriteStream(path, s => Render(spec, s, format));
    }

    /// <summary>The format for a file extension: .png, .svg, .pdf (case-insensitive).</summary>
    /// <param name="path">A file path.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="NotSupportedException">Another extension.</exception>
    public static MapFormat FormatFromExtension(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".PNG" => MapFormat.Png,
            ".SVG" => MapFormat.Svg,
            ".PDF" => MapFormat.Pdf,
            var e => throw new NotSupportedException($"Cannot tell the map format from '{path}' (extension '{e}'); use .png, .svg or .pdf."),
        };
    }

    private static MapRenderResult RenderModel(PageModel model, Stream destination, MapFormat format, int paintThreads = -1)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream is not writable.", nameof(destination));
        }

        using var page = PageLayouter.Prepare(model);
        var painter = new MapPainter(page, textAsPaths: format == MapFormat.Svg);
        var w = page.Layout.Page.WidthPx;
        var h = page.Layout.Page.HeightPx;
        switch (format)
        {
            case MapFormat.Png:
                {
                    // An opaque background lets the encoder write RGB instead of RGBA (a quarter less data to deflate).
                    var alpha = model.Style.Background.A == 255 ? SKAlphaType.Opaque : SKAlphaType.Premul;
                    // The platform's native byte order (BGRA on x86/ARM): Skia blends opaque fills into it with its fast
                    // paths, while RGBA sends every span through the generic load/blend/store pipeline (measured 2.5× slower
                    // for map fills). The PNG encoder swizzles.
                    using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKImageInfo.PlatformColorType, alpha));
                    painter = new MapPainter(page, textAsPaths: false, raster: bitmap, paintThreads: paintThreads);
                    using (var canvas = new SKCanvas(bitmap))
                    {
                        painter.Draw(canvas);
                    }

                    using var pixmap = bitmap.PeekPixels();
                    // Our own writer (PngWriter): unfiltered rows, zlib level 2 in parallel slices, plus pHYs with the page DPI;
                    // Skia's single-threaded encoder took 30–50 ms of the 1600 × 1600 render (docs/performance.md, "PNG encoder").
                    PngWriter.Write(pixmap, destination, model.Page.Dpi);
                    break;
                }

            case MapFormat.Svg:
                {
                    using var buffer = new MemoryStream();
                    using (var canvas = SKSvgCanvas.Create(SKRect.Create(w, h), buffer)
                        ?? throw new MapRenderingException("Could not create the SVG canvas."))
                    {
                        painter.Draw(canvas);
                    }

                    SvgIds.WriteRenumbered(buffer, destination);
                    break;
                }

            case MapFormat.Pdf:
                {
                    // Fast path (see PdfFills): the district fills as our own content stream, the rest through Skia.
                    if (PdfFills.Applicable(model, page.Palette))
                    {
                        using var fills = new PdfFills(w, h, 72.0 / model.Page.Dpi, model.Style.Background);
                        var fastPainter = new MapPainter(page, textAsPaths: false, pdfFills: fills);
                        using var skia = new MemoryStream();
                        WritePdf(model, fastPainter, skia, w, h);
                        if (PdfFills.TryWrite(skia.GetBuffer().AsSpan(0, (int)skia.Length), fills.Finish(), destination))
                        {
                            painter = fastPainter;
                            break;
                        }
                    }

                    WritePdf(model, painter, destination, w, h);
                    break;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown map format.");
        }

        return new MapRenderResult(page.Layout, painter.FeaturesDrawn, [.. page.Labels.SelectMany(l => l).Select(l => l.Key)], page.LabelsSkipped, painter.BordersSkipped);
    }

    private static void WritePdf(PageModel model, MapPainter painter, Stream destination, int w, int h)
    {
        var metadata = new SKDocumentPdfMetadata
        {
            Title = model.Title ?? "",
            Creator = "GeoPrevention.Rendering",
            Producer = "GeoPrevention.Rendering (SkiaSharp)",
            RasterDpi = (float)model.Page.Dpi,
            Creation = null,
            Modified = null,
        };
        using var document = SKDocument.CreatePdf(destination, metadata)
            ?? throw new MapRenderingException("Could not create the PDF document.");
        var scale = (float)(72.0 / model.Page.Dpi);
        var canvas = document.BeginPage(w * scale, h * scale);
        canvas.Scale(scale);
        painter.Draw(canvas);
        document.EndPage();
        document.Close();
    }
}
