using System.Buffers;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoPrevention.Rendering.Internal;

/// <summary>
/// Draws a prepared page on any SKCanvas (raster, SVG, PDF). Fills are batched: one path per class and layer (and one
/// each for no data, suppressed and unreliable), so the cost is dominated by the vertex count, not by paint changes.
/// </summary>
internal sealed class MapPainter
{
    /// <summary>Vertices closer than this (pixels) to the previous kept vertex are dropped; invisible at any zoom.</summary>
    private const float DecimationPx = 0.3f;

    /// <summary>Height (pixels) of the horizontal bands a dense raster map's class paths are split into.</summary>
    private const float BandPx = 16f;

    /// <summary>Layers with at least this many features build their banded raster fills on two threads.</summary>
    private const int ParallelMinFeatures = 20_000;

    /// <summary>Panels with at least this many drawn districts are painted into a raster target in tiles on several threads.</summary>
    private const int ParallelPaintMinFeatures = 500;

    /// <summary>
    /// Tiles per large raster panel. Fixed, not the core count: clipping a path to a tile moves Skia's edge arithmetic by a
    /// little coverage along the cut edges, so the tile layout is part of the image, and the same map must give the same
    /// bytes on every machine.
    /// </summary>
    private const int PaintTiles = 4;

    private readonly PreparedPage _page;
    private readonly bool _textAsPaths;
    private readonly SKBitmap? _target;
    private readonly int _paintThreads;
    private readonly PdfFills? _pdfFills;
    private readonly float _u;

    /// <param name="page">The prepared page.</param>
    /// <param name="textAsPaths">Draw text as outlines (SVG).</param>
    /// <param name="raster">
    /// The canvas draws into this bitmap (and nothing else): dense maps may then split fills into bands, and large panels
    /// are painted in tiles on several threads (both pixel-identical, faster).
    /// </param>
    /// <param name="pdfFills">PDF fast path: the background and the first layer's plain fills go here instead of the canvas.</param>
    /// <param name="paintThreads">At most this many threads paint the tiles of a raster target; 0 paints without tiles (tests).</param>
    public MapPainter(PreparedPage page, bool textAsPaths, SKBitmap? raster = null, PdfFills? pdfFills = null, int paintThreads = -1)
    {
        _paintThreads = paintThreads < 0 ? Environment.ProcessorCount : paintThreads;
        _page = page;
        _textAsPaths = textAsPaths;
        _target = raster;
        _pdfFills = pdfFills;
        _u = page.PxPerPt;
    }

    public int FeaturesDrawn { get; private set; }

    public bool BordersSkipped { get; private set; }

    public void Draw(SKCanvas canvas)
    {
        var style = _page.Model.Style;
        if (_pdfFills is null)
        {
            canvas.Clear(ToSk(style.Background)); // else the background is the first operation of the fill stream
        }

        using var text = new SKPaint { Color = ToSk(style.TextColor), IsAntialias = true, Style = SKPaintStyle.Fill };
        for (var i = 0; i < _page.Layout.Panels.Count; i++)
        {
            DrawPanel(canvas, i);
        }

        foreach (var line in _page.HeaderLines.Concat(_page.FooterLines).Concat(_page.PanelTitles).Concat(_page.LegendTexts))
        {
            DrawText(canvas, line.Text, line.X, line.Baseline, line.Font, text, line.Align);
        }

        DrawLegend(canvas, text);
    }

    private void DrawPanel(SKCanvas canvas, int index)
    {
        var panel = _page.Model.Panels[index];
        var layout = _page.Layout.Panels[index];
        var style = _page.Model.Style;
        var frame = SKRect.Create((float)layout.Frame.Left, (float)layout.Frame.Top, (float)layout.Frame.Width, (float)layout.Frame.Height);
        var visible = _page.VisibleExtents[index];
        canvas.Save();
        // A hard (non-antialiased) clip: an antialiased clip forces Skia onto a masked blitter for every fill, which was
        // several times slower; the frame line drawn on top hides the edge anyway.
        canvas.ClipRect(frame, SKClipOperation.Intersect, false);

        var transform = new Transform(layout);
        var classCount = _page.Palette.Count;

        // Dense maps (< DenseBorderMinAreaPx per feature) skip borders and fill without antialiasing: neighbouring polygons
        // then tile the pixels exactly (no conflation seams of background colour along shared edges), and the fill is
        // several times faster.
        var drawnInPanel = 0;
        foreach (var layer in panel.Layers)
        {
            foreach (var f in layer.Features)
            {
                if (!f.Geometry.IsEmpty && f.Geometry.EnvelopeInternal.Intersects(visible))
                {
                    drawnInPanel++;
                }
            }
        }

        FeaturesDrawn += drawnInPanel;
        var dense = drawnInPanel > 0 && frame.Width * frame.Height / drawnInPanel < style.DenseBorderMinAreaPx;
        BordersSkipped |= dense;

        // Raster output of a dense map splits each class path into horizontal bands (by the feature's top edge): Skia sorts
        // all edges of a path before scan conversion, and many small, spatially compact paths sort and scan several times
        // faster than one path spanning the frame. Without antialiasing the pixels are identical (each polygon stays whole
        // in one path, and the union of the band fills is the fill of the union). Patterns clip to the whole class path,
        // so pattern redundancy keeps one path per class.
        var bandCount = _target is not null && dense && !style.PatternRedundancy ? Math.Max(1, (int)MathF.Ceiling(frame.Height / BandPx)) : 0;
        var built = new List<BuiltLayer>();
        _pdfFills?.BeginPanel(frame);
        for (var layerIndex = 0; layerIndex < panel.Layers.Count; layerIndex++)
        {
            var layer = panel.Layers[layerIndex];
            var classes = new SKPathBuilder?[classCount];
            SKPathBuilder? noData = null;
            SKPathBuilder? suppressed = null;
            SKPathBuilder? unreliable = null;
            var bands = bandCount > 0 ? new SKPathBuilder?[(classCount + 1) * bandCount] : null;
            var dots = new SKPathBuilder?[classCount + 1]; // sub-pixel shells by fill (classes, then no data), drawn after the borders
            // PDF fast path for the first layer. Its borders are then stroked in the fill stream right after the fills, which
            // is Skia's order only when no suppressed (hatched) or unreliable (dotted) district is drawn in between.
            var borders = layer.DrawBorders && !dense;
            var texts = _pdfFills is not null && layerIndex == 0
                && (!borders || (layer.BorderColor.A == 255 && !layer.Features.Any(f => f.Fill.Kind is FillKind.Suppressed or FillKind.Unreliable)))
                ? new FillText?[classCount + 1]
                : null;

            // The plain fill of class (or, at classCount, no data) fillIndex: PDF operators, a band path or the class path.
            void AddFill(int fillIndex, Geometry g, int band)
            {
                var dotTarget = dots[fillIndex] ??= NewBuilder();
                if (texts is not null)
                {
                    AddGeometry(null, texts[fillIndex] ??= new FillText(), dotTarget, g, transform);
                }
                else if (bands is not null)
                {
                    AddGeometry(bands[(fillIndex * bandCount) + band] ??= NewBuilder(), null, dotTarget, g, transform);
                }
                else
                {
                    AddGeometry(fillIndex < classCount ? classes[fillIndex] ??= NewBuilder() : noData ??= NewBuilder(), null, dotTarget, g, transform);
                }
            }

            // Banded raster fills of a large layer are built on two threads, each half of the features into its own band
            // and dot paths (drawn class by class, so the pixels are the same); hatching and dot screens follow sequentially.
            SKPathBuilder?[]? bands2 = null;
            SKPathBuilder?[]? dots2 = null;
            var parallel = bands is not null && texts is null && layer.Features.Count >= ParallelMinFeatures && Environment.ProcessorCount > 1;
            if (parallel)
            {
                var half = layer.Features.Count / 2;
                var secondBands = bands2 = new SKPathBuilder?[bands!.Length];
                var secondDots = dots2 = new SKPathBuilder?[dots.Length];
                Parallel.Invoke(
                    () => AddBandedFills(layer.Features, 0, half, bands, dots, visible, transform, bandCount, classCount),
                    () => AddBandedFills(layer.Features, half, layer.Features.Count, secondBands, secondDots, visible, transform, bandCount, classCount));
            }

            foreach (var f in layer.Features)
            {
                var g = f.Geometry;
                if ((parallel && f.Fill.Kind is FillKind.Class or FillKind.NoData) || g.IsEmpty || !g.EnvelopeInternal.Intersects(visible))
                {
                    continue;
                }

                var band = bands is null ? 0 : Math.Clamp((int)(((transform.MaxY - g.EnvelopeInternal.MaxY) * transform.Scale) / BandPx), 0, bandCount - 1);
                if (parallel && f.Fill.Kind == FillKind.Unreliable)
                {
                    var overlay = unreliable ??= NewBuilder();
                    AddGeometry(overlay, null, overlay, g, transform);
                    continue;
                }

                switch (f.Fill.Kind)
                {
                    case FillKind.Class:
                        AddFill(f.Fill.ClassIndex, g, band);
                        break;
                    case FillKind.Unreliable:
                        AddFill(f.Fill.ClassIndex, g, band);
                        var dotted = unreliable ??= NewBuilder();
                        AddGeometry(dotted, null, dotted, g, transform);
                        break;
                    case FillKind.Suppressed:
                        var hatched = suppressed ??= NewBuilder();
                        AddGeometry(hatched, null, hatched, g, transform);
                        break;
                    default:
                        AddFill(classCount, g, band);
                        break;
                }
            }

            for (var i = 0; texts is not null && i < texts.Length; i++)
            {
                if (texts[i] is { } t)
                {
                    _pdfFills!.Fill(i < classCount ? _page.Palette[i] : style.NoDataColor, t);
                }
            }

            if (texts is not null && borders)
            {
                _pdfFills!.Stroke(layer.BorderColor, (float)layer.BorderWidthPt * _u, texts);
            }

            var bandPaths = new List<(int Fill, SKPath Path)>();
            for (var i = 0; bands is not null && i < bands.Length; i++)
            {
                if (Detach(bands[i]) is { } path)
                {
                    bandPaths.Add((i / bandCount, path));
                }

                if (bands2 is not null && Detach(bands2[i]) is { } path2)
                {
                    bandPaths.Add((i / bandCount, path2));
                }
            }

            built.Add(new BuiltLayer(layer, [.. classes.Select(Detach)], Detach(noData), Detach(suppressed), Detach(unreliable), bandPaths, dots2 is null ? [.. dots.Select(Detach)] : [.. dots.Zip(dots2).SelectMany(p => new[] { Detach(p.First), Detach(p.Second) })]));
        }

        _pdfFills?.EndPanel();
        PaintLayers(canvas, frame, built, drawnInPanel, dense);

        using var outlinePaint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round };
        foreach (var outline in panel.Outlines)
        {
            var b = NewBuilder();
            foreach (var g in outline.Geometries)
            {
                if (g is not null && !g.IsEmpty && g.EnvelopeInternal.Intersects(visible))
                {
                    AddLines(b, g, transform);
                }
            }

            using var path = b.Detach();
            b.Dispose();
            outlinePaint.Color = ToSk(outline.Color);
            outlinePaint.StrokeWidth = (float)outline.WidthPt * _u;
            canvas.DrawPath(path, outlinePaint);
        }

        // Labels with a halo in the background colour.
        using var halo = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = ToSk(style.Background), StrokeWidth = _page.LabelFont.Size * 0.3f, StrokeJoin = SKStrokeJoin.Round };
        using var labelPaint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = ToSk(style.TextColor) };
        foreach (var l in _page.Labels[index])
        {
            DrawText(canvas, l.Text, l.X, l.Baseline, _page.LabelFont, halo, SKTextAlign.Center);
            DrawText(canvas, l.Text, l.X, l.Baseline, _page.LabelFont, labelPaint, SKTextAlign.Center);
        }

        canvas.Restore();

        using var framePaint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = ToSk(style.FrameColor), StrokeWidth = 0.75f * _u };
        canvas.DrawRect(frame, framePaint);
        if (index == 0 && _page.Model.ShowScaleBar)
        {
            DrawScaleBar(canvas, frame, layout.PixelsPerMapUnit);
        }

        if (index == 0 && _page.Model.ShowNorthArrow)
        {
            DrawNorthArrow(canvas, frame);
        }
    }

    private void DrawLegend(SKCanvas canvas, SKPaint text)
    {
        var style = _page.Model.Style;
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var outline = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = ToSk(style.FrameColor), StrokeWidth = 0.5f * _u };
        using var pattern = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = ToSk(style.PatternColor), StrokeWidth = 0.7f * _u };
        using var redundancy = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = new SKColor(0, 0, 0, 110), StrokeWidth = 0.6f * _u };
        using var dots = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = ToSk(style.PatternColor) };
        foreach (var row in _page.LegendRows)
        {
            var r = row.Swatch;
            using var swatchBuilder = new SKPathBuilder();
            swatchBuilder.AddRect(r, SKPathDirection.Clockwise);
            using var swatch = swatchBuilder.Detach();
            switch (row.Fill.Kind)
            {
                case FillKind.Class:
                    fill.Color = ToSk(_page.Palette[row.Fill.ClassIndex]);
                    canvas.DrawRect(r, fill);
                    if (style.PatternRedundancy && row.Fill.ClassIndex > 0)
                    {
                        var c = row.Fill.ClassIndex;
                        redundancy.Color = RedundancyLineColor(_page.Palette[c]);
                        DrawClipped(canvas, swatch, (cv, b) => cv.DrawPath(HatchPath(b, 12f * _u / c, false), redundancy));
                    }

                    break;
                case FillKind.NoData:
                    fill.Color = ToSk(style.NoDataColor);
                    canvas.DrawRect(r, fill);
                    break;
                case FillKind.Suppressed:
                    fill.Color = ToSk(style.Background);
                    canvas.DrawRect(r, fill);
                    DrawClipped(canvas, swatch, (cv, b) => cv.DrawPath(HatchPath(b, (float)style.HatchSpacingPt * _u, true), pattern));
                    break;
                default:
                    fill.Color = ToSk(style.Background);
                    canvas.DrawRect(r, fill);
                    DrawClipped(canvas, swatch, (cv, b) => cv.DrawPath(DotPath(b, 4.5f * _u, 0.9f * _u), dots));
                    break;
            }

            canvas.DrawRect(r, outline);
            DrawText(canvas, row.Label.Text, row.Label.X, row.Label.Baseline, row.Label.Font, text, row.Label.Align);
            if (row.Count is { } count)
            {
                DrawText(canvas, count.Text, count.X, count.Baseline, count.Font, text, count.Align);
            }
        }
    }

    private void DrawScaleBar(SKCanvas canvas, SKRect frame, double pxPerMetre)
    {
        var style = _page.Model.Style;
        var maxMetres = frame.Width * 0.25 / pxPerMetre;
        var metres = ScaleBarMath.NiceLength(maxMetres);
        var barPx = (float)(metres * pxPerMetre);
        var pad = 10 * _u;
        var barH = 4.5f * _u;
        var font = _page.ScaleFont;
        font.GetFontMetrics(out var m);
        var label = ScaleBarMath.FormatLength(metres);
        var labelW = font.MeasureText(label);
        var left = frame.Left + pad;
        var barTop = frame.Bottom - pad - barH;
        var textBaseline = barTop - (3 * _u) - m.Descent;
        var backdrop = new SKRect(left - (4 * _u), textBaseline + m.Ascent - (3 * _u), left + barPx + (labelW / 2) + (4 * _u), frame.Bottom - pad + (4 * _u));
        using var bg = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = ToSk(style.Background).WithAlpha(210) };
        canvas.DrawRect(backdrop, bg);
        using var dark = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = ToSk(style.FrameColor) };
        using var light = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = ToSk(style.Background) };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = ToSk(style.FrameColor), StrokeWidth = 0.6f * _u };
        for (var i = 0; i < 4; i++)
        {
            var seg = SKRect.Create(left + (i * barPx / 4), barTop, barPx / 4, barH);
            canvas.DrawRect(seg, i % 2 == 0 ? dark : light);
        }

        canvas.DrawRect(SKRect.Create(left, barTop, barPx, barH), stroke);
        using var text = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = ToSk(style.TextColor) };
        DrawText(canvas, "0", left, textBaseline, font, text, SKTextAlign.Center);
        DrawText(canvas, label, left + barPx, textBaseline, font, text, SKTextAlign.Center);
    }

    private void DrawNorthArrow(SKCanvas canvas, SKRect frame)
    {
        var style = _page.Model.Style;
        var h = 22 * _u;
        var w = 11 * _u;
        var pad = 10 * _u;
        var cx = frame.Right - pad - (w / 2);
        var font = _page.NorthFont;
        font.GetFontMetrics(out var m);
        var nBaseline = frame.Top + pad - m.Ascent;
        var top = nBaseline + m.Descent + (2 * _u);
        using var bg = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = ToSk(style.Background).WithAlpha(210) };
        canvas.DrawRect(new SKRect(cx - w, frame.Top + pad - (3 * _u), cx + w, top + h + (3 * _u)), bg);
        using var leftHalf = new SKPathBuilder();
        leftHalf.MoveTo(cx, top);
        leftHalf.LineTo(cx - (w / 2), top + h);
        leftHalf.LineTo(cx, top + (h * 0.72f));
        leftHalf.Close();
        using var rightHalf = new SKPathBuilder();
        rightHalf.MoveTo(cx, top);
        rightHalf.LineTo(cx + (w / 2), top + h);
        rightHalf.LineTo(cx, top + (h * 0.72f));
        rightHalf.Close();
        using var l = leftHalf.Detach();
        using var r = rightHalf.Detach();
        using var dark = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = ToSk(style.FrameColor) };
        using var light = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = ToSk(style.Background) };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = ToSk(style.FrameColor), StrokeWidth = 0.7f * _u, StrokeJoin = SKStrokeJoin.Round };
        canvas.DrawPath(l, dark);
        canvas.DrawPath(r, light);
        canvas.DrawPath(r, stroke);
        using var text = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = ToSk(style.TextColor) };
        DrawText(canvas, "N", cx, nBaseline, font, text, SKTextAlign.Center);
    }

    /// <summary>Draws text as glyphs (PNG, PDF: embedded font) or as outlines (SVG: no font needed to view it).</summary>
    private void DrawText(SKCanvas canvas, string text, float x, float baseline, SKFont font, SKPaint paint, SKTextAlign align)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (!_textAsPaths)
        {
            canvas.DrawText(text, x, baseline, align, font, paint);
            return;
        }

        var w = font.MeasureText(text);
        var x0 = align switch
        {
            SKTextAlign.Center => x - (w / 2),
            SKTextAlign.Right => x - w,
            _ => x,
        };
        using var path = font.GetTextPath(text, new SKPoint(x0, baseline));
        canvas.DrawPath(path, paint);
    }

    private static void DrawClipped(SKCanvas canvas, SKPath clip, Action<SKCanvas, SKRect> draw)
    {
        var bounds = clip.Bounds;
        if (bounds.IsEmpty)
        {
            return;
        }

        canvas.Save();
        canvas.ClipPath(clip, SKClipOperation.Intersect, true);
        draw(canvas, bounds);
        canvas.Restore();
    }

    /// <summary>
    /// Paints the built layer paths of one panel. A raster target with many districts, plain fills and borders (no hatching,
    /// dot screens or redundancy lines) is painted in <see cref="PaintTiles"/> horizontal tiles on up to that many threads:
    /// each tile is its own canvas over the same pixels, hard-clipped to its rows, so no pixel is written by two threads,
    /// and the bytes do not depend on the thread count (tested). Against one untiled canvas, antialiased pixels along edges
    /// that cross a tile boundary differ slightly (tested: at most 16/255 in under 0.2 % of the channels; measured 12/255
    /// in 0.06 %). The paths are only read while the tiles run and are disposed afterwards.
    /// </summary>
    private void PaintLayers(SKCanvas canvas, SKRect frame, List<BuiltLayer> built, int drawnInPanel, bool dense)
    {
        // Only plain fills, borders and dots: the antialiased clip masks of hatching and dot screens would differ by more
        // along tile boundaries, and maps with suppressed or unreliable districts are small.
        var plain = !_page.Model.Style.PatternRedundancy && built.All(b => b.Suppressed is null && b.Unreliable is null);
        var tiles = _target is not null && _paintThreads > 0 && plain && drawnInPanel >= ParallelPaintMinFeatures ? PaintTiles : 1;
        if (tiles > 1)
        {
            var device = canvas.DeviceClipBounds;
            var matrix = canvas.TotalMatrix;
            foreach (var path in built.SelectMany(AllPaths))
            {
                _ = path.Bounds; // computes Skia's lazily cached bounds once, before the paths are shared between threads
            }

            Parallel.For(0, tiles, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(tiles, _paintThreads) }, t =>
            {
                var top = device.Top + (int)((long)device.Height * t / tiles);
                var bottom = device.Top + (int)((long)device.Height * (t + 1) / tiles);
                using var tile = new SKCanvas(_target!);
                tile.ClipRect(new SKRect(device.Left, top, device.Right, bottom), SKClipOperation.Intersect, false);
                tile.SetMatrix(matrix);
                tile.ClipRect(frame, SKClipOperation.Intersect, false);
                PaintLayers(tile, built, dense);
            });
        }
        else
        {
            PaintLayers(canvas, built, dense);
        }

        foreach (var path in built.SelectMany(AllPaths))
        {
            path.Dispose();
        }
    }

    /// <summary>The paths of one layer of a panel, built before painting; see DrawPanel.</summary>
    private sealed record BuiltLayer(MapLayer Layer, SKPath?[] Classes, SKPath? NoData, SKPath? Suppressed, SKPath? Unreliable, List<(int Fill, SKPath Path)> Bands, SKPath?[] Dots);

    private static IEnumerable<SKPath> AllPaths(BuiltLayer b) =>
        b.Bands.Select(x => x.Path).Concat(b.Classes).Append(b.NoData).Append(b.Suppressed).Append(b.Unreliable).Concat(b.Dots).OfType<SKPath>();

    private void PaintLayers(SKCanvas canvas, List<BuiltLayer> built, bool dense)
    {
        var style = _page.Model.Style;
        var classCount = _page.Palette.Count;
        using var fill = new SKPaint { IsAntialias = !dense, Style = SKPaintStyle.Fill };
        using var patternPaint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = ToSk(style.PatternColor), StrokeWidth = 0.7f * _u };
        using var redundancyPaint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = new SKColor(0, 0, 0, 110), StrokeWidth = 0.6f * _u };
        using var dotPaint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = ToSk(style.PatternColor) };
        using var border = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeJoin = SKStrokeJoin.Round };
        foreach (var (layer, classes, noData, suppressed, unreliable, bands, dots) in built)
        {
            // Band paths come class by class, no data last: the same painting order as the unbanded paths below.
            foreach (var (fillIndex, path) in bands)
            {
                fill.Color = ToSk(fillIndex < classCount ? _page.Palette[fillIndex] : style.NoDataColor);
                canvas.DrawPath(path, fill);
            }

            for (var c = 0; c < classes.Length; c++)
            {
                if (classes[c] is { } path)
                {
                    fill.Color = ToSk(_page.Palette[c]);
                    canvas.DrawPath(path, fill);
                    if (style.PatternRedundancy && c > 0)
                    {
                        redundancyPaint.Color = RedundancyLineColor(_page.Palette[c]);
                        DrawClipped(canvas, path, (cv, b) => cv.DrawPath(HatchPath(b, 12f * _u / c, false), redundancyPaint));
                    }
                }
            }

            if (noData is not null)
            {
                fill.Color = ToSk(style.NoDataColor);
                canvas.DrawPath(noData, fill);
            }

            if (suppressed is not null)
            {
                fill.Color = ToSk(style.Background);
                canvas.DrawPath(suppressed, fill);
                DrawClipped(canvas, suppressed, (cv, b) => cv.DrawPath(HatchPath(b, (float)style.HatchSpacingPt * _u, true), patternPaint));
            }

            if (unreliable is not null)
            {
                DrawClipped(canvas, unreliable, (cv, b) => cv.DrawPath(DotPath(b, 4.5f * _u, 0.9f * _u), dotPaint));
            }

            if (layer.DrawBorders && !dense)
            {
                border.Color = ToSk(layer.BorderColor);
                // Borders up to 1 px wide are drawn as antialiased hairlines (width 0), which Skia rasterises directly
                // instead of stroking every ring into a polygon first.
                var borderPx = (float)layer.BorderWidthPt * _u;
                border.StrokeWidth = borderPx <= 1f ? 0f : borderPx;
                foreach (var p in classes.Append(noData).Append(suppressed))
                {
                    if (p is not null)
                    {
                        canvas.DrawPath(p, border);
                    }
                }
            }

            // Sub-pixel shells (one whole pixel each, see AddRing) above the borders, which would otherwise cover them.
            for (var d = 0; d < dots.Length; d++)
            {
                if (dots[d] is { IsEmpty: false } dotPath)
                {
                    var fillIndex = dots.Length > classCount + 1 ? d / 2 : d; // two threads: their dots alternate per fill
                    fill.Color = ToSk(fillIndex < classCount ? _page.Palette[fillIndex] : style.NoDataColor);
                    canvas.DrawPath(dotPath, fill);
                }
            }
        }
    }

    /// <summary>Parallel diagonal lines covering <paramref name="b"/>, aligned to the page grid so neighbours match.</summary>
    private static SKPath HatchPath(SKRect b, float spacing, bool rising)
    {
        using var pb = new SKPathBuilder();
        var h = b.Height;
        var start = MathF.Floor((b.Left - h) / spacing) * spacing;
        for (var t = start; t <= b.Right + spacing; t += spacing)
        {
            if (rising)
            {
                pb.MoveTo(t, b.Bottom);
                pb.LineTo(t + h, b.Top);
            }
            else
            {
                pb.MoveTo(t, b.Top);
                pb.LineTo(t + h, b.Bottom);
            }
        }

        return pb.Detach();
    }

    private static SKPath DotPath(SKRect b, float spacing, float radius)
    {
        using var pb = new SKPathBuilder();
        var x0 = MathF.Floor(b.Left / spacing) * spacing;
        var y0 = MathF.Floor(b.Top / spacing) * spacing;
        var row = (int)MathF.Round(y0 / spacing);
        for (var y = y0; y <= b.Bottom + spacing; y += spacing, row++)
        {
            var offset = (row & 1) == 0 ? 0 : spacing / 2; // staggered rows read as a dot screen, not a grid
            for (var x = x0 - offset; x <= b.Right + spacing; x += spacing)
            {
                pb.AddCircle(x, y, radius, SKPathDirection.Clockwise);
            }
        }

        return pb.Detach();
    }

    /// <summary>The plain fills (class colour, no data) of features [from, to) into band paths, for one thread.</summary>
    private static void AddBandedFills(IReadOnlyList<MapFeature> features, int from, int to, SKPathBuilder?[] bands, SKPathBuilder?[] dots, Envelope visible, Transform t, int bandCount, int classCount)
    {
        for (var k = from; k < to; k++)
        {
            var f = features[k];
            var g = f.Geometry;
            if (f.Fill.Kind == FillKind.Suppressed || g.IsEmpty || !g.EnvelopeInternal.Intersects(visible))
            {
                continue;
            }

            var fillIndex = f.Fill.Kind is FillKind.Class or FillKind.Unreliable ? f.Fill.ClassIndex : classCount;
            var band = Math.Clamp((int)(((t.MaxY - g.EnvelopeInternal.MaxY) * t.Scale) / BandPx), 0, bandCount - 1);
            AddGeometry(bands[(fillIndex * bandCount) + band] ??= NewBuilder(), null, dots[fillIndex] ??= NewBuilder(), g, t);
        }
    }

    private static SKPathBuilder NewBuilder() => new() { FillType = SKPathFillType.Winding };

    private static SKPath? Detach(SKPathBuilder? b)
    {
        if (b is null)
        {
            return null;
        }

        var p = b.Detach();
        b.Dispose();
        return p;
    }

    /// <summary>Adds polygon rings, shells clockwise on screen and holes counter-clockwise, for the non-zero winding rule.</summary>
    /// <summary>Adds polygon rings to a Skia path builder <paramref name="b"/> or, when given, to PDF operators <paramref name="text"/>.</summary>
    private static void AddGeometry(SKPathBuilder? b, FillText? text, SKPathBuilder dots, Geometry g, Transform t)
    {
        switch (g)
        {
            case Polygon p:
                AddRing(b, text, dots, p.ExteriorRing.CoordinateSequence, t, shell: true);
                for (var i = 0; i < p.NumInteriorRings; i++)
                {
                    AddRing(b, text, dots, p.GetInteriorRingN(i).CoordinateSequence, t, shell: false);
                }

                break;
            case GeometryCollection gc:
                for (var i = 0; i < gc.NumGeometries; i++)
                {
                    AddGeometry(b, text, dots, gc.GetGeometryN(i), t);
                }

                break;
            default:
                break;
        }
    }

    private static void AddLines(SKPathBuilder b, Geometry g, Transform t)
    {
        switch (g)
        {
            case Polygon p:
                AddPolyline(b, p.ExteriorRing.CoordinateSequence, t, true);
                for (var i = 0; i < p.NumInteriorRings; i++)
                {
                    AddPolyline(b, p.GetInteriorRingN(i).CoordinateSequence, t, true);
                }

                break;
            case LineString l:
                AddPolyline(b, l.CoordinateSequence, t, l.IsClosed);
                break;
            case GeometryCollection gc:
                for (var i = 0; i < gc.NumGeometries; i++)
                {
                    AddLines(b, gc.GetGeometryN(i), t);
                }

                break;
            default:
                break;
        }
    }

    private static void AddPolyline(SKPathBuilder b, CoordinateSequence seq, Transform t, bool close)
    {
        var buffer = ArrayPool<SKPoint>.Shared.Rent(Math.Max(4, seq.Count));
        try
        {
            var n = Project(seq, t, buffer, dropClosing: close);
            if (n >= 2)
            {
                b.AddPoly(buffer.AsSpan(0, n), close);
            }
        }
        finally
        {
            ArrayPool<SKPoint>.Shared.Return(buffer);
        }
    }

    private static void AddRing(SKPathBuilder? b, FillText? text, SKPathBuilder dots, CoordinateSequence seq, Transform t, bool shell)
    {
        var buffer = ArrayPool<SKPoint>.Shared.Rent(Math.Max(4, seq.Count));
        try
        {
            var n = Project(seq, t, buffer, dropClosing: true);
            if (n == 0)
            {
                return;
            }

            // A ring whose pixel bounding box is below one pixel each way may cover no pixel centre (or collapse to one or two
            // points after decimation) and would vanish. Such a shell is painted as the whole pixel that contains its centre,
            // so every polygon stays visible; such a hole is left out (it could not be seen).
            float minX = buffer[0].X, maxX = minX, minY = buffer[0].Y, maxY = minY;
            for (var i = 1; i < n; i++)
            {
                minX = MathF.Min(minX, buffer[i].X);
                maxX = MathF.Max(maxX, buffer[i].X);
                minY = MathF.Min(minY, buffer[i].Y);
                maxY = MathF.Max(maxY, buffer[i].Y);
            }

            if (n < 3 || (maxX - minX < 1f && maxY - minY < 1f))
            {
                if (shell)
                {
                    dots.AddRect(SKRect.Create(MathF.Floor((minX + maxX) / 2), MathF.Floor((minY + maxY) / 2), 1, 1), SKPathDirection.Clockwise);
                }

                return;
            }

            // Shoelace in pixel space (y down): positive = clockwise on screen.
            double area2 = 0;
            for (int i = 0, j = n - 1; i < n; j = i++)
            {
                area2 += ((double)buffer[j].X * buffer[i].Y) - ((double)buffer[i].X * buffer[j].Y);
            }

            if ((area2 > 0) != shell)
            {
                Array.Reverse(buffer, 0, n);
            }

            if (text is not null)
            {
                text.AddPoly(buffer.AsSpan(0, n));
            }
            else
            {
                b!.AddPoly(buffer.AsSpan(0, n), true);
            }
        }
        finally
        {
            ArrayPool<SKPoint>.Shared.Return(buffer);
        }
    }

    /// <summary>Projects a sequence to pixels, dropping vertices within <see cref="DecimationPx"/> of the last kept one.</summary>
    private static int Project(CoordinateSequence seq, Transform t, SKPoint[] buffer, bool dropClosing)
    {
        var count = seq.Count;
        if (dropClosing && count > 1 && seq.GetX(0) == seq.GetX(count - 1) && seq.GetY(0) == seq.GetY(count - 1))
        {
            count--;
        }

        var n = 0;
        float lx = float.NaN, ly = float.NaN;
        for (var i = 0; i < count; i++)
        {
            var x = (float)((seq.GetX(i) - t.MinX) * t.Scale) + t.Left;
            var y = (float)((t.MaxY - seq.GetY(i)) * t.Scale) + t.Top;
            if (n > 0 && MathF.Abs(x - lx) < DecimationPx && MathF.Abs(y - ly) < DecimationPx)
            {
                continue;
            }

            buffer[n++] = new SKPoint(x, y);
            lx = x;
            ly = y;
        }

        return n;
    }

    private static SKColor ToSk(MapColor c) => new(c.R, c.G, c.B, c.A);

    /// <summary>Pattern lines contrast with their fill: translucent black on light classes, translucent white on dark ones.</summary>
    private static SKColor RedundancyLineColor(MapColor fill) => fill.Lightness >= 50 ? new SKColor(0, 0, 0, 120) : new SKColor(255, 255, 255, 150);

    private readonly struct Transform(MapPanelLayout layout)
    {
        public readonly double MinX = layout.Extent.MinX;
        public readonly double MaxY = layout.Extent.MaxY;
        public readonly double Scale = layout.PixelsPerMapUnit;
        public readonly float Left = (float)layout.Frame.Left;
        public readonly float Top = (float)layout.Frame.Top;
    }
}
