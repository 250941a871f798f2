using GeoPrevention.Geo.IO;
using GeoPrevention.Rendering.Internal;
using SkiaSharp;

namespace GeoPrevention.Rendering;

/// <summary>Multi-page PDF documents (an atlas: one map per page).</summary>
public static partial class MapRenderer
{
    /// <summary>
    /// Renders several maps into one PDF document, one page per map, in the given order. Every page is laid out and
    /// drawn exactly as <see cref="RenderPdf(MapSpec, Stream)"/> would draw it alone (page size = pixels / dpi);
    /// the font is embedded once; there are no timestamps, so the output is deterministic.
    /// </summary>
    /// <param name="specs">The maps, at least one.</param>
    /// <param name="destination">A writable stream.</param>
    /// <param name="title">The document title (PDF metadata); default: the first map's title.</param>
    /// <returns>What was drawn, one result per page.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No map is given, a spec cannot produce a visible map, or the stream is not writable.</exception>
    /// <exception cref="MapRenderingException">The font is missing or the PDF could not be created.</exception>
    public static IReadOnlyList<MapRenderResult> RenderPdfDocument(IReadOnlyList<MapSpec> specs, Stream destination, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(destination);
        if (specs.Count == 0)
        {
            throw new ArgumentException("A PDF document needs at least one map.", nameof(specs));
        }

        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream is not writable.", nameof(destination));
        }

        var models = new List<PageModel>(specs.Count);
        foreach (var spec in specs)
        {
            ArgumentNullException.ThrowIfNull(spec, nameof(specs));
            models.Add(PageModel.From(spec));
        }

        var metadata = new SKDocumentPdfMetadata
        {
            Title = title ?? models[0].Title ?? "",
            Creator = "GeoPrevention.Rendering",
            Producer = "GeoPrevention.Rendering (SkiaSharp)",
            RasterDpi = (float)models[0].Page.Dpi,
            Creation = null,
            Modified = null,
        };
        var results = new List<MapRenderResult>(specs.Count);
        using var document = SKDocument.CreatePdf(destination, metadata)
            ?? throw new MapRenderingException("Could not create the PDF document.");
        foreach (var model in models)
        {
            using var page = PageLayouter.Prepare(model);
            var painter = new MapPainter(page, textAsPaths: false);
            var scale = (float)(72.0 / model.Page.Dpi);
            var canvas = document.BeginPage(page.Layout.Page.WidthPx * scale, page.Layout.Page.HeightPx * scale);
            canvas.Scale(scale);
            painter.Draw(canvas);
            document.EndPage();
            results.Add(new MapRenderResult(page.Layout, painter.FeaturesDrawn, [.. page.Labels.SelectMany(l => l).Select(l => l.Key)], page.LabelsSkipped, painter.BordersSkipped));
        }

        document.Close();
        return results;
    }

    /// <summary>Renders several maps into one PDF file atomically (temporary file + rename), one page per map.</summary>
    /// <param name="specs">The maps, at least one.</param>
    /// <param name="path">The target file; its folder must exist.</param>
    /// <param name="title">The document title; default: the first map's title.</param>
    /// <returns>What was drawn, one result per page.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No map is given, or a spec cannot produce a visible map.</exception>
    /// <exception cref="MapRenderingException">The font is missing or the PDF could not be created.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static IReadOnlyList<MapRenderResult> RenderPdfDocumentToFile(IReadOnlyList<MapSpec> specs, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(specs);
        return AtomicFile.WriteStream(path, s => RenderPdfDocument(specs, s, title));
    }
}
