using System.Globalization;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoPrevention.Rendering.Internal;

/// <summary>Validates a page model and computes the layout, legend rows and label placement.</summary>
internal static class PageLayouter
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static PreparedPage Prepare(PageModel model)
    {
        var palette = Validate(model, out var specialsUsed);
        var u = (float)model.Page.PxPerPt;
        var style = model.Style;
        var pageW = model.Page.WidthPx;
        var pageH = model.Page.HeightPx;
        var margin = 18 * u;
        var owned = new List<SKFont>();
        SKFont Font(SKTypeface face, double pt)
        {
            var f = new SKFont(face, (float)(pt * u)) { Subpixel = true, Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.None };
            owned.Add(f);
            return f;
        }

        var regular = EmbeddedFonts.Regular;
        var bold = EmbeddedFonts.Bold;
        var titleFont = Font(bold, style.TitleSizePt);
        var subtitleFont = Font(regular, style.SubtitleSizePt);
        var legendTitleFont = Font(bold, style.LegendSizePt * 1.1);
        var legendFont = Font(regular, style.LegendSizePt);
        var unitFont = Font(regular, style.LegendSizePt * 0.95);
        var footerFont = Font(regular, style.FooterSizePt);
        var labelFont = Font(regular, style.LabelSizePt);
        var panelTitleFont = Font(bold, style.LegendSizePt * 1.15);
        var scaleFont = Font(regular, style.FooterSizePt);
        var northFont = Font(bold, style.LegendSizePt * 1.1);

        // Header: title and subtitle lines, wrapped to the page width.
        var contentW = pageW - (2 * margin);
        var header = new List<TextLine>();
        var y = margin;
        if (!string.IsNullOrWhiteSpace(model.Title))
        {
            y = AddWrapped(header, model.Title, titleFont, margin, y, contentW, 1.2f);
        }

        if (!string.IsNullOrWhiteSpace(model.Subtitle))
        {
            y = AddWrapped(header, model.Subtitle, subtitleFont, margin, y + (header.Count > 0 ? 2 * u : 0), contentW, 1.25f);
        }

        var bodyTop = header.Count > 0 ? y + (10 * u) : margin;

        // Footer: source and date, then attribution; laid out bottom-up.
        var footerTexts = new List<string>();
        var sourceParts = new List<string>();
        if (!string.IsNullOrWhiteSpace(model.Source))
        {
            sourceParts.Add("Quelle: " + model.Source);
        }

        if (!string.IsNullOrWhiteSpace(model.DataDate))
        {
            sourceParts.Add("Stand: " + model.DataDate);
        }

        if (sourceParts.Count > 0)
        {
            footerTexts.Add(string.Join(" · ", sourceParts));
        }

        if (!string.IsNullOrWhiteSpace(model.Attribution))
        {
            footerTexts.Add(model.Attribution);
        }

        var footerTmp = new List<TextLine>();
        var fy = 0f;
        foreach (var t in footerTexts)
        {
            fy = AddWrapped(footerTmp, t, footerFont, margin, fy, contentW, 1.3f);
        }

        var footerHeight = fy;
        var bodyBottom = pageH - margin - (footerHeight > 0 ? footerHeight + (8 * u) : 0);
        var footer = footerTmp.Select(l => l with { Baseline = l.Baseline + bodyBottom + (8 * u) }).ToList();

        // Legend column.
        var legendTexts = new List<TextLine>();
        var legendRows = new List<LegendRow>();
        PixelRect? legendFrame = null;
        var mapRight = pageW - margin;
        if (model.Legend is { } legend)
        {
            var maxW = Math.Max(80 * u, pageW * 0.34f);
            var swW = 18 * u;
            var swH = 11 * u;
            var gap = 6 * u;
            var classLabels = legend.Entries.Select(e => e.Label).ToList();
            var specials = new List<(FillState Fill, string Label, int Count)>();
            var show = legend.SpecialEntries;
            void Special(FillKind kind, FillState fill, string label)
            {
                var used = specialsUsed.TryGetValue(kind, out var c) ? c : 0;
                if (show == SpecialEntries.Always || (show == SpecialEntries.WhenUsed && used > 0))
                {
                    specials.Add((fill, label, used));
                }
            }

            Special(FillKind.NoData, FillState.NoData, legend.NoDataLabel);
            Special(FillKind.Suppressed, FillState.Suppressed, legend.SuppressedLabel);
            Special(FillKind.Unreliable, FillState.Unreliable(0), legend.UnreliableLabel);

            var countTexts = legend.Entries.Select(e => legend.ShowCounts && e.Count is { } c ? Count(c) : null).ToList();
            var specialCountTexts = specials.Select(s => legend.ShowCounts && model.Panels.Count == 1 ? Count(s.Count) : null).ToList();
            var labelW = classLabels.Concat(specials.Select(s => s.Label)).Select(l => legendFont.MeasureText(l)).DefaultIfEmpty(0).Max();
            var countW = countTexts.Concat(specialCountTexts).Where(c => c is not null).Select(c => legendFont.MeasureText(c!)).DefaultIfEmpty(0).Max();
            var rowW = swW + gap + labelW + (countW > 0 ? gap + countW : 0);
            var titleW = new[] { legend.Title, legend.Unit }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => Math.Max(legendTitleFont.MeasureText(t!), unitFont.MeasureText(t!))).DefaultIfEmpty(0).Max();
            var legendW = Math.Min(maxW, Math.Max(rowW, Math.Min(titleW, maxW)));
            legendW = Math.Max(legendW, rowW);
            var left = pageW - margin - legendW;
            var ly = bodyTop;
            if (!string.IsNullOrWhiteSpace(legend.Title))
            {
                ly = AddWrapped(legendTexts, legend.Title, legendTitleFont, left, ly, legendW, 1.2f);
            }

            if (!string.IsNullOrWhiteSpace(legend.Unit))
            {
                ly = AddWrapped(legendTexts, legend.Unit, unitFont, left, ly, legendW, 1.25f);
            }

            ly += legendTexts.Count > 0 ? 6 * u : 0;
            var rowH = Math.Max(swH, legendFont.Spacing) + (4 * u);
            legendFont.GetFontMetrics(out var lm);
            TextLine Row(string text, float rowTop, SKTextAlign align, float x) =>
                new(text, legendFont, x, rowTop + (swH / 2) - ((lm.Ascent + lm.Descent) / 2), align);

            for (var i = 0; i < legend.Entries.Count; i++)
            {
                var sw = SKRect.Create(left, ly, swW, swH);
                legendRows.Add(new LegendRow(
                    sw,
                    FillState.Class(i),
                    Row(classLabels[i], ly, SKTextAlign.Left, left + swW + gap),
                    countTexts[i] is { } ct ? Row(ct, ly, SKTextAlign.Right, left + legendW) : null));
                ly += rowH;
            }

            if (specials.Count > 0)
            {
                ly += 4 * u;
            }

            for (var i = 0; i < specials.Count; i++)
            {
                var sw = SKRect.Create(left, ly, swW, swH);
                legendRows.Add(new LegendRow(
                    sw,
                    specials[i].Fill,
                    Row(specials[i].Label, ly, SKTextAlign.Left, left + swW + gap),
                    specialCountTexts[i] is { } ct ? Row(ct, ly, SKTextAlign.Right, left + legendW) : null));
                ly += rowH;
            }

            legendFrame = new PixelRect(left, bodyTop, legendW, ly - bodyTop);
            mapRight = left - (14 * u);
        }

        // Panels: a grid in the remaining body area.
        var areaLeft = margin;
        var areaW = mapRight - areaLeft;
        var areaH = bodyBottom - bodyTop;
        if (areaW < 16 || areaH < 16)
        {
            throw new ArgumentException($"The page ({pageW} × {pageH} px at {model.Page.Dpi.ToString(CultureInfo.InvariantCulture)} dpi) leaves no room for the map after title, legend and footer; use a larger page or smaller fonts.");
        }

        var n = model.Panels.Count;
        var cols = Math.Min(model.Columns, n);
        var rows = (int)Math.Ceiling(n / (double)cols);
        var cellGap = n > 1 ? 10 * u : 0;
        var cellW = (areaW - ((cols - 1) * cellGap)) / cols;
        var cellH = (areaH - ((rows - 1) * cellGap)) / rows;
        var hasPanelTitles = model.Panels.Any(p => !string.IsNullOrWhiteSpace(p.Title));
        var panelTitleH = hasPanelTitles ? panelTitleFont.Spacing + (3 * u) : 0;
        var frameW = cellW;
        var frameH = cellH - panelTitleH;
        if (frameW < 8 || frameH < 8)
        {
            throw new ArgumentException($"{n} panels do not fit on a {pageW} × {pageH} px page.");
        }

        var data = DataExtent(model);
        var fitScale = Math.Min(frameW / data.Width, frameH / data.Height);
        var cx = data.Centre.X;
        var cy = data.Centre.Y;
        var halfW = frameW / fitScale / 2;
        var halfH = frameH / fitScale / 2;
        var panels = new List<MapPanelLayout>();
        var panelTitles = new List<TextLine>();
        var visible = new List<Envelope>();
        for (var i = 0; i < n; i++)
        {
            var col = i % cols;
            var row = i / cols;
            var cellLeft = areaLeft + (col * (cellW + cellGap));
            var cellTop = bodyTop + (row * (cellH + cellGap));
            var title = model.Panels[i].Title;
            if (!string.IsNullOrWhiteSpace(title))
            {
                panelTitleFont.GetFontMetrics(out var pm);
                panelTitles.Add(new TextLine(title, panelTitleFont, cellLeft, cellTop - pm.Ascent, SKTextAlign.Left));
            }

            var frame = new PixelRect(cellLeft, cellTop + panelTitleH, frameW, frameH);
            var extent = new Envelope(cx - halfW, cx + halfW, cy - halfH, cy + halfH);
            panels.Add(new MapPanelLayout(frame, extent, fitScale, title));
            visible.Add(extent);
        }

        var layout = new MapLayout(model.Page, panels, legendFrame);

        // Labels: greedy, larger districts first.
        var labels = new List<List<PlacedLabel>>();
        var skipped = new List<string>();
        for (var i = 0; i < n; i++)
        {
            labels.Add(model.Panels[i].ShowLabels ? PlaceLabels(model.Panels[i], panels[i], labelFont, u, skipped) : []);
        }

        return new PreparedPage
        {
            Model = model,
            Palette = palette,
            Layout = layout,
            PxPerPt = u,
            HeaderLines = header,
            FooterLines = footer,
            LegendTexts = legendTexts,
            LegendRows = legendRows,
            PanelTitles = panelTitles,
            Labels = labels,
            LabelsSkipped = skipped,
            LabelFont = labelFont,
            ScaleFont = scaleFont,
            NorthFont = northFont,
            VisibleExtents = visible,
            OwnedFonts = owned,
        };

        static string Count(int c) => "(" + c.ToString("N0", German) + ")";
    }

    /// <summary>
    /// Label placement. Rules: (1) candidates are features with a non-empty label whose anchor (label point, else NTS
    /// interior point) lies in the frame; (2) they are taken by descending area, ties by key (ordinal); (3) each tries
    /// the anchor, then one box height above, then below; (4) the first position whose box (text bounds plus 2 pt
    /// padding) lies inside the frame and overlaps no earlier box wins; (5) otherwise the label is skipped and its key
    /// reported.
    /// </summary>
    private static List<PlacedLabel> PlaceLabels(PanelModel panel, MapPanelLayout layout, SKFont font, float u, List<string> skipped)
    {
        var candidates = new List<(MapFeature F, double Area)>();
        foreach (var layer in panel.Layers)
        {
            foreach (var f in layer.Features)
            {
                if (!string.IsNullOrWhiteSpace(f.Label) && !f.Geometry.IsEmpty)
                {
                    candidates.Add((f, f.Geometry.Area));
                }
            }
        }

        candidates.Sort((a, b) =>
        {
            var c = b.Area.CompareTo(a.Area);
            return c != 0 ? c : string.CompareOrdinal(a.F.Key, b.F.Key);
        });
        font.GetFontMetrics(out var m);
        var h = m.Descent - m.Ascent;
        var pad = 2 * u;
        var placedBoxes = new List<SKRect>();
        var placed = new List<PlacedLabel>();
        var frame = SKRect.Create((float)layout.Frame.Left, (float)layout.Frame.Top, (float)layout.Frame.Width, (float)layout.Frame.Height);
        foreach (var (f, _) in candidates)
        {
            var anchor = f.LabelPoint ?? f.Geometry.InteriorPoint.Coordinate;
            var p = layout.MapToPixel(anchor.X, anchor.Y);
            if (!layout.Frame.Contains(p.X, p.Y))
            {
                continue;
            }

            var text = f.Label!;
            var w = font.MeasureText(text);
            var done = false;
            var step = h + (2 * pad) + u; // one point of air between stacked boxes
            foreach (var dy in new[] { 0f, -step, step })
            {
                var cyy = (float)p.Y + dy;
                var box = new SKRect((float)p.X - (w / 2) - pad, cyy - (h / 2) - pad, (float)p.X + (w / 2) + pad, cyy + (h / 2) + pad);
                if (!frame.Contains(box) || placedBoxes.Any(b => b.IntersectsWith(box)))
                {
                    continue;
                }

                placedBoxes.Add(box);
                placed.Add(new PlacedLabel(f.Key, text, (float)p.X, cyy - ((m.Ascent + m.Descent) / 2)));
                done = true;
                break;
            }

            if (!done)
            {
                skipped.Add(f.Key);
            }
        }

        return placed;
    }

    private static float AddWrapped(List<TextLine> lines, string text, SKFont font, float x, float top, float maxWidth, float lineFactor)
    {
        font.GetFontMetrics(out var m);
        var lineH = font.Size * lineFactor;
        var y = top;
        foreach (var paragraph in text.Split('\n'))
        {
            var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var current = "";
            foreach (var word in words)
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && font.MeasureText(candidate) > maxWidth)
                {
                    lines.Add(new TextLine(current, font, x, y - m.Ascent, SKTextAlign.Left));
                    y += lineH;
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            lines.Add(new TextLine(current, font, x, y - m.Ascent, SKTextAlign.Left));
            y += lineH;
        }

        return y;
    }

    /// <summary>Checks the spec and resolves the palette; counts the special fill states in use.</summary>
    private static Palette Validate(PageModel model, out Dictionary<FillKind, int> specials)
    {
        specials = [];
        var featureCount = 0;
        var maxClass = -1;
        foreach (var panel in model.Panels)
        {
            ArgumentNullException.ThrowIfNull(panel.Layers, "Layers");
            foreach (var layer in panel.Layers)
            {
                ArgumentNullException.ThrowIfNull(layer, "layer");
                foreach (var f in layer.Features)
                {
                    ArgumentNullException.ThrowIfNull(f, "feature");
                    if (f.Geometry is null)
                    {
                        throw new ArgumentException($"Feature '{f.Key}' has no geometry.");
                    }

                    if (!f.Geometry.IsEmpty && f.Geometry is not (Polygon or MultiPolygon or GeometryCollection))
                    {
                        throw new ArgumentException($"Feature '{f.Key}' has a {f.Geometry.GeometryType}; only polygons and multipolygons can be filled (use an OutlineLayer for lines).");
                    }

                    featureCount++;
                    if (f.Fill.HasClassColor)
                    {
                        maxClass = Math.Max(maxClass, f.Fill.ClassIndex);
                    }

                    if (f.Fill.Kind != FillKind.Class)
                    {
                        specials[f.Fill.Kind] = specials.GetValueOrDefault(f.Fill.Kind) + 1;
                    }
                }
            }
        }

        if (featureCount == 0)
        {
            throw new ArgumentException("The map has no features: every layer is empty, so the image would be blank.");
        }

        var palette = model.Palette ?? Palette.Default(Math.Max(1, Math.Max(model.Legend?.Entries.Count ?? 0, maxClass + 1)));
        if (maxClass >= palette.Count)
        {
            var key = model.Panels.SelectMany(p => p.Layers).SelectMany(l => l.Features).First(f => f.Fill.HasClassColor && f.Fill.ClassIndex >= palette.Count).Key;
            throw new ArgumentException($"Feature '{key}' is in class {maxClass} but the palette '{palette.Name}' has only {palette.Count} colours (classes 0–{palette.Count - 1}).");
        }

        if (model.Legend is { } legend && legend.Entries.Count > palette.Count)
        {
            throw new ArgumentException($"The legend has {legend.Entries.Count} class entries but the palette '{palette.Name}' has only {palette.Count} colours.");
        }

        return palette;
    }

    /// <summary>The data extent with margin; throws on an unknown key or a zero-area extent.</summary>
    private static Envelope DataExtent(PageModel model)
    {
        var ext = model.Extent;
        Envelope env;
        if (ext.Envelope is { } explicitEnv)
        {
            env = explicitEnv.Copy();
        }
        else
        {
            env = new Envelope();
            HashSet<string>? wanted = ext.Keys is null ? null : new HashSet<string>(ext.Keys, StringComparer.Ordinal);
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in model.Panels.SelectMany(p => p.Layers).SelectMany(l => l.Features))
            {
                if (f.Geometry.IsEmpty || (wanted is not null && !wanted.Contains(f.Key)))
                {
                    continue;
                }

                if (wanted is not null)
                {
                    found.Add(f.Key);
                }

                env.ExpandToInclude(f.Geometry.EnvelopeInternal);
            }

            if (wanted is not null)
            {
                var missing = wanted.Where(k => !found.Contains(k)).Order(StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                {
                    throw new ArgumentException($"The extent names key(s) not found among the features (or with empty geometry): {string.Join(", ", missing.Take(10))}.");
                }
            }
        }

        if (env.IsNull || !(env.Width > 0) || !(env.Height > 0) || !double.IsFinite(env.Width) || !double.IsFinite(env.Height))
        {
            throw new ArgumentException(env.IsNull
                ? "The map extent is empty: all geometries are empty, so the image would be blank."
                : string.Create(CultureInfo.InvariantCulture, $"The map extent has zero area ({env.MinX}, {env.MinY} – {env.MaxX}, {env.MaxY}); nothing could be seen."));
        }

        var margin = ext.MarginFraction * Math.Max(env.Width, env.Height);
        env.ExpandBy(margin);
        return env;
    }
}
