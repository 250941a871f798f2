using System.Globalization;
using System.Text;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Goals;
using GeoPrevention.Geo.IO;
using GeoPrevention.Rendering.Internal;
using SkiaSharp;

namespace GeoPrevention.Rendering.Goals;

/// <summary>Options for the council overview.</summary>
public sealed class GoalOverviewOptions
{
    /// <summary>The evaluated year; default the last year of the data.</summary>
    public int? Year { get; init; }

    /// <summary>The layer of the status maps; default the finest layer (the Sozialräume).</summary>
    public string? MapLayer { get; init; }
}

/// <summary>
/// The council overview "Zielerreichung" as PDF (A4 landscape) and as a self-contained German HTML page.
/// </summary>
/// <remarks>
/// Content (identical in both formats):
/// 1. an overview table of goals × scopes: baseline, value of the year with its 95 % interval, target and deadline,
///    the status as a drawn symbol (● auf Kurs, ▲ gefährdet, ▼ nicht auf Kurs, ◆ unsicher, hatched square nicht
///    veröffentlichbar) plus the German word (never colour alone), and the trend over the last years as an arrow
///    (↗ steigend, ↘ fallend, → kein gesicherter Trend) with the slope per year and whether it helps the goal;
/// 2. cost KPIs of the goal scopes (per inhabitant, per case) next to the outcome figures, when the atlas has cost
///    tables; they are never combined with the outcome into one score;
/// 3. one page/section per goal: title, definition, baseline → target by deadline, status, trend, the data date and
///    vintage of the year ("Datenstand", <see cref="AtlasData.GetProvenance"/>), milestones, data notes, a line chart of the scope value with its 95 % band and the linear target path, and the status map per
///    district (<see cref="GoalMaps.Status"/>).
/// Numbers are formatted in de-DE; withheld values appear as "." (DIN 55301), never as a number. Files are written
/// atomically (temporary file + rename). The HTML page has inline CSS and embeds its images as data URIs, so it needs
/// no other file and no network.
/// </remarks>
public static class GoalOverview
{
    private const float PageW = 842f; // A4 landscape in points
    private const float PageH = 595f;
    private const float Margin = 36f;
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly SKColor Ink = new(0x1a, 0x1a, 0x1a);
    private static readonly SKColor Muted = new(0x59, 0x59, 0x59);
    private static readonly SKColor Rule = new(0xbf, 0xbf, 0xbf);

    /// <summary>Writes the overview PDF with default options.</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="reports">The goal reports (<see cref="AtlasGoals.Evaluate(AtlasData)"/>).</param>
    /// <param name="path">The PDF file; its folder must exist.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">The year or map layer is not in the atlas.</exception>
    /// <exception cref="MapRenderingException">The embedded font is missing.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static void WritePdf(AtlasData atlas, IReadOnlyList<GoalReport> reports, string path) => WritePdf(atlas, reports, path, new GoalOverviewOptions());

    /// <summary>Writes the overview PDF: page 1 the overview table, then one page per goal (rules in the class remarks).</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="reports">The goal reports.</param>
    /// <param name="path">The PDF file; its folder must exist.</param>
    /// <param name="options">Year and map layer.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">The year or map layer is not in the atlas.</exception>
    /// <exception cref="MapRenderingException">The embedded font is missing.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static void WritePdf(AtlasData atlas, IReadOnlyList<GoalReport> reports, string path, GoalOverviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        Validate(atlas, reports, options);
        AtomicFile.WriteStream(path, s => WritePdf(atlas, reports, s, options));
    }

    /// <summary>Writes the overview PDF into a stream (e.g. an HTTP response).</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="reports">The goal reports.</param>
    /// <param name="destination">A writable stream.</param>
    /// <param name="options">Year and map layer.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">The year or map layer is not in the atlas.</exception>
    /// <exception cref="MapRenderingException">The embedded font is missing or the PDF could not be created.</exception>
    public static void WritePdf(AtlasData atlas, IReadOnlyList<GoalReport> reports, Stream destination, GoalOverviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var year = Validate(atlas, reports, options);
        var costs = CostKpis.Load(atlas);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = "Zielerreichung – " + atlas.Manifest.Title,
            Creator = "GeoPrevention.Rendering",
            Producer = "GeoPrevention.Rendering (SkiaSharp)",
            RasterDpi = 150,
            Creation = null,
            Modified = null,
        };
        using var document = SKDocument.CreatePdf(destination, metadata) ?? throw new MapRenderingException("Could not create the PDF document.");
        var pageNo = 1;
        var rows = reports.ToList();
        var first = true;
        while (first || rows.Count > 0)
        {
            var canvas = document.BeginPage(PageW, PageH);
            var drawn = DrawOverviewPage(canvas, atlas, rows, costs, year, pageNo, continued: !first);
            rows = rows.Skip(drawn).ToList();
            document.EndPage();
            pageNo++;
            first = false;
            if (drawn == 0)
            {
                break;
            }
        }

        foreach (var report in reports)
        {
            var canvas = document.BeginPage(PageW, PageH);
            DrawGoalPage(canvas, atlas, report, costs, year, options.MapLayer, pageNo++);
            document.EndPage();
        }

        document.Close();
    }

    /// <summary>Writes the self-contained HTML page with default options.</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="reports">The goal reports.</param>
    /// <param name="path">The HTML file; its folder must exist.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">The year or map layer is not in the atlas.</exception>
    /// <exception cref="MapRenderingException">The embedded font is missing.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static void WriteHtml(AtlasData atlas, IReadOnlyList<GoalReport> reports, string path) => WriteHtml(atlas, reports, path, new GoalOverviewOptions());

    /// <summary>Writes the self-contained HTML page (UTF-8, inline CSS, images as data URIs).</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="reports">The goal reports.</param>
    /// <param name="path">The HTML file; its folder must exist.</param>
    /// <param name="options">Year and map layer.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">The year or map layer is not in the atlas.</exception>
    /// <exception cref="MapRenderingException">The embedded font is missing.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static void WriteHtml(AtlasData atlas, IReadOnlyList<GoalReport> reports, string path, GoalOverviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        var html = BuildHtml(atlas, reports, options);
        AtomicFile.WriteStream(path, s =>
        {
            var bytes = new UTF8Encoding(false).GetBytes(html);
            s.Write(bytes);
        });
    }

    /// <summary>Builds the self-contained HTML page as a string (e.g. for the web host).</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="reports">The goal reports.</param>
    /// <param name="options">Year and map layer.</param>
    /// <returns>The HTML document. Each goal row and section carries <c>data-goal</c> and <c>data-status</c> (on_track, at_risk, off_track, uncertain, not_publishable).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">The year or map layer is not in the atlas.</exception>
    /// <exception cref="MapRenderingException">The embedded font is missing.</exception>
    public static string BuildHtml(AtlasData atlas, IReadOnlyList<GoalReport> reports, GoalOverviewOptions options)
    {
        var year = Validate(atlas, reports, options);
        var costs = CostKpis.Load(atlas);
        var y = year.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>Zielerreichung ").Append(y).Append(" – ").Append(E(atlas.Manifest.Title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header><h1>Zielerreichung ").Append(y).Append("</h1><p class=\"sub\">").Append(E(atlas.Manifest.Title)).Append("</p>");
        if (atlas.Manifest.Demo)
        {
            sb.Append("<p class=\"demo\">DEMO – synthetische Daten, schematische Grenzen; keine amtliche Statistik.</p>");
        }

        sb.Append("</header>\n<main>\n<section id=\"uebersicht\"><h2>Übersicht: Ziele und Gebiete</h2>\n<table class=\"overview\">\n<thead><tr><th scope=\"col\">Ziel</th><th scope=\"col\">Gebiet</th><th scope=\"col\">Ausgangswert</th><th scope=\"col\">Wert ").Append(y)
            .Append("</th><th scope=\"col\">Zielwert</th><th scope=\"col\">Status</th><th scope=\"col\">Trend (").Append(TrendYearsOf(reports)).Append(" Jahre)</th></tr></thead>\n<tbody>\n");
        foreach (var r in reports)
        {
            var e = r.For(year);
            var status = e?.Status ?? GoalStatus.NotPublishable;
            sb.Append("<tr data-goal=\"").Append(E(r.Goal.Id)).Append("\" data-status=\"").Append(StatusCode(status)).Append("\"><td><a href=\"#ziel-").Append(E(r.Goal.Id)).Append("\">").Append(E(r.Goal.Label)).Append("</a></td><td>")
                .Append(E(r.ScopeLabel)).Append("</td><td class=\"num\">").Append(E(BaselineText(r))).Append("</td><td class=\"num\">").Append(E(ValueText(r, e)));
            if (CiText(r, e) is { } ci)
            {
                sb.Append("<br><small>").Append(E(ci)).Append("</small>");
            }

            sb.Append("</td><td class=\"num\">").Append(E(GoalMaps.Number(r.Goal.Target, r.Indicator))).Append("<br><small>bis ").Append(r.Goal.Deadline.ToString(CultureInfo.InvariantCulture)).Append("</small></td><td>")
                .Append(StatusHtml(status)).Append("</td><td>").Append(TrendHtml(r, e)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n").Append(LegendHtml());
        var costRows = reports.SelectMany(r => costs.ComputeFor(r.Goal, year, r.ScopeLabel)).DistinctBy(c => (c.CostId, c.ScopeLabel)).ToList();
        if (costRows.Count > 0)
        {
            sb.Append("<h2>Ausgaben neben den Ergebnissen</h2>\n<p class=\"note\">Kostenkennzahlen stehen neben den Ergebnisindikatoren; sie werden nicht zu einer Gesamtbewertung verrechnet.</p>\n<table class=\"costs\">\n<thead><tr><th scope=\"col\">Gebiet</th><th scope=\"col\">Ausgabenart</th><th scope=\"col\">Ausgaben ")
                .Append(y).Append("</th><th scope=\"col\">je Einwohner</th><th scope=\"col\">je Fall</th></tr></thead>\n<tbody>\n");
            foreach (var c in costRows)
            {
                sb.Append("<tr data-cost=\"").Append(E(c.CostId)).Append("\"><td>").Append(E(c.ScopeLabel)).Append("</td><td>").Append(E(c.Label)).Append("</td><td class=\"num\">").Append(E(Money(c.Amount, 0))).Append("</td><td class=\"num\">")
                    .Append(E(Money(c.PerCapita, 2))).Append("</td><td class=\"num\">").Append(E(Money(c.PerCase, 0))).Append(c.CasesLabel is null ? "" : "<br><small>Fälle: Zähler von „" + E(c.CasesLabel) + "“</small>").Append("</td></tr>\n");
            }

            sb.Append("</tbody>\n</table>\n");
        }

        sb.Append("</section>\n");
        foreach (var r in reports)
        {
            var e = r.For(year);
            var status = e?.Status ?? GoalStatus.NotPublishable;
            sb.Append("<section class=\"goal\" id=\"ziel-").Append(E(r.Goal.Id)).Append("\" data-goal=\"").Append(E(r.Goal.Id)).Append("\" data-status=\"").Append(StatusCode(status)).Append("\">\n<h2>").Append(E(r.Goal.Label)).Append("</h2>\n<dl>\n");
            foreach (var (term, text) in GoalFacts(atlas, r, e, year, costs))
            {
                sb.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(term == "Status" ? StatusHtml(status) : term == "Trend" ? TrendHtml(r, e) : E(text)).Append("</dd>\n");
            }

            sb.Append("</dl>\n<div class=\"figures\">\n<figure><img alt=\"Verlauf: ").Append(E(r.Indicator.ShortLabel ?? r.Indicator.Label)).Append(", ").Append(E(r.ScopeLabel)).Append(", mit 95-%-Konfidenzband und Zielpfad\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(ChartPng(r, year))).Append("\"><figcaption>Verlauf mit 95-%-Konfidenzband (Fläche) und linearem Zielpfad (gestrichelt)</figcaption></figure>\n");
            sb.Append("<figure><img alt=\"Karte: Zielerreichung je Gebiet ").Append(y).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(StatusMapPng(atlas, r, year, options.MapLayer))).Append("\"><figcaption>Zielerreichung je Gebiet ").Append(y).Append(" (jedes Gebiet an seinem eigenen Ausgangswert gemessen; schraffiert: nicht veröffentlichbar)</figcaption></figure>\n</div>\n</section>\n");
        }

        sb.Append("</main>\n<footer><p>").Append(E(FooterText(atlas))).Append("</p></footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The machine code of a status used in HTML attributes and APIs: on_track, at_risk, off_track, uncertain, not_publishable.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The code.</returns>
    public static string StatusCode(GoalStatus status) => status switch
    {
        GoalStatus.OnTrack => "on_track",
        GoalStatus.AtRisk => "at_risk",
        GoalStatus.OffTrack => "off_track",
        GoalStatus.Uncertain => "uncertain",
        _ => "not_publishable",
    };

    private const string Css = """
        body { font-family: "DejaVu Sans", Verdana, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 1100px; padding: 1rem 1.5rem; line-height: 1.4; }
        h1 { margin-bottom: 0.2rem; } .sub { margin-top: 0; color: #595959; } .demo { color: #8a3b00; font-weight: bold; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
        th, td { border-bottom: 1px solid #bfbfbf; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; } td.num { text-align: right; white-space: nowrap; } small { color: #595959; }
        .status, .trend { white-space: nowrap; } .status svg, .trend svg { vertical-align: -2px; margin-right: 0.3rem; }
        .legend { font-size: 0.85rem; color: #333; } .legend li { margin: 0.15rem 0; } .note { font-size: 0.85rem; color: #595959; }
        section.goal { border-top: 2px solid #1a1a1a; margin-top: 2rem; padding-top: 0.5rem; }
        dl { display: grid; grid-template-columns: 12rem 1fr; gap: 0.2rem 1rem; } dt { font-weight: bold; } dd { margin: 0; }
        .figures { display: flex; flex-wrap: wrap; gap: 1rem; } figure { margin: 0; flex: 1 1 420px; } figure img { width: 100%; height: auto; border: 1px solid #d9d9d9; }
        figcaption { font-size: 0.8rem; color: #595959; } footer { font-size: 0.8rem; color: #595959; margin-top: 2rem; border-top: 1px solid #bfbfbf; }
        @media print { section.goal { page-break-before: always; } }

        """;

    private static int Validate(AtlasData atlas, IReadOnlyList<GoalReport> reports, GoalOverviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(options);
        var year = options.Year ?? atlas.Years[^1];
        if (!atlas.Years.Contains(year))
        {
            throw new KeyNotFoundException($"Year {year.ToString(CultureInfo.InvariantCulture)} is not in the data ({atlas.Years[0].ToString(CultureInfo.InvariantCulture)}–{atlas.Years[^1].ToString(CultureInfo.InvariantCulture)}).");
        }

        if (options.MapLayer is { } layer && !atlas.HasValues(layer))
        {
            throw new KeyNotFoundException($"Layer '{layer}' has no values or is unknown.");
        }

        return year;
    }

    // ---- text helpers shared by PDF and HTML ----
    // Only the five markup characters are escaped: the page is UTF-8, so umlauts stay readable in the source.
    private static string E(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private static string Dot(double? value, AtlasIndicator indicator) => value is { } v ? GoalMaps.Number(v, indicator) : ".";

    private static string BaselineText(GoalReport r) => r.BaselineValue is { } b
        ? $"{GoalMaps.Number(b, r.Indicator)} ({r.Goal.BaselineYear.ToString(CultureInfo.InvariantCulture)})"
        : $". ({r.Goal.BaselineYear.ToString(CultureInfo.InvariantCulture)})";

    private static string ValueText(GoalReport r, GoalEvaluation? e) => Dot(e?.Value, r.Indicator);

    private static string? CiText(GoalReport r, GoalEvaluation? e) => e is { CiLow: { } lo, CiHigh: { } hi }
        ? $"KI {LegendSpec.FormatNumber(lo, r.Indicator.Decimals)}–{LegendSpec.FormatNumber(hi, r.Indicator.Decimals)}"
        : null;

    private static string Money(double? value, int decimals) => value is { } v ? LegendSpec.FormatNumber(v, decimals) + "\u00a0€" : ".";

    private static string Percent(double share) => LegendSpec.FormatNumber(share * 100, 0) + "\u00a0%";

    private static int TrendYearsOf(IReadOnlyList<GoalReport> reports) =>
        reports.SelectMany(r => r.Evaluations).Select(e => e.Trend).OfType<GoalTrend>().Select(t => t.ToYear - t.FromYear + 1).DefaultIfEmpty(5).Max();

    private static (string Arrow, string Words) TrendWords(GoalReport r, GoalEvaluation? e)
    {
        if (e?.Trend is not { } t)
        {
            return ("none", "zu wenige Werte");
        }

        var slope = LegendSpec.FormatNumber(t.Slope, 2) + (r.Indicator.Unit == "%" ? " Pp." : r.Indicator.Unit == "‰" ? " ‰-Pkt." : "") + "/Jahr";
        if (!t.IsSignificant)
        {
            return ("flat", $"kein gesicherter Trend ({slope})");
        }

        var helps = r.Decreasing ? t.Slope < 0 : t.Slope > 0;
        return (t.Slope > 0 ? "up" : "down", $"{(t.Slope > 0 ? "steigend" : "fallend")} {slope}, {(helps ? "günstig" : "ungünstig")}");
    }

    private static IEnumerable<(string Term, string Text)> GoalFacts(AtlasData atlas, GoalReport r, GoalEvaluation? e, int year, CostKpis costs)
    {
        var ind = r.Indicator;
        yield return ("Indikator", $"{ind.Label}" + (ind.DenominatorLabel is null ? "" : $" ({ind.Unit} {ind.DenominatorLabel})") + (ind.Description is null ? "" : $". {ind.Description}"));
        yield return ("Gebiet", r.ScopeLabel);
        yield return ("Ziel", $"{BaselineText(r)}{(r.BaselineValue is null ? "" : r.BaselineFromData ? ", aus den Daten" : ", laut Zielbeschluss")} → {GoalMaps.Number(r.Goal.Target, ind)} bis {r.Goal.Deadline.ToString(CultureInfo.InvariantCulture)}");
        var status = e?.Status ?? GoalStatus.NotPublishable;
        yield return ("Status", AtlasGoals.GermanLabel(status));
        var value = $"{ValueText(r, e)}" + (CiText(r, e) is { } ci ? $" (95-%-{ci})" : "");
        if (e is { Expected: { } exp })
        {
            value += $"; Zielpfad erwartet {GoalMaps.Number(exp, ind)}";
        }

        if (e is { Progress: { } p, ExpectedProgress: { } ep })
        {
            value += $"; Fortschritt {Percent(p)} des Weges (Pfad: {Percent(ep)})";
        }

        if (e is { ChangeSinceBaseline: { } ch })
        {
            value += $"; Veränderung seit {r.Goal.BaselineYear.ToString(CultureInfo.InvariantCulture)}: {(ch > 0 ? "+" : "")}{LegendSpec.FormatNumber(ch, ind.Decimals)} {GoalMaps.UnitWord(ind).Replace("Prozentpunkten", "Prozentpunkte", StringComparison.Ordinal).Replace("Promillepunkten", "Promillepunkte", StringComparison.Ordinal)}";
        }

        yield return ($"Wert {year.ToString(CultureInfo.InvariantCulture)}", value);
        yield return ("Datenstand", atlas.GetProvenance(ind.Id, year).Text);
        yield return ("Trend", TrendWords(r, e).Words);
        if (r.Milestones.Count > 0)
        {
            yield return ("Meilensteine", string.Join("; ", r.Milestones.Select(m => $"{m.Year.ToString(CultureInfo.InvariantCulture)}: {GoalMaps.Number(m.Target, ind)} – {(m.Met is null ? "noch offen" : m.Met.Value ? $"erreicht ({Dot(m.Observed, ind)})" : $"verfehlt ({Dot(m.Observed, ind)})")}")));
        }

        foreach (var c in costs.ComputeFor(r.Goal, year, r.ScopeLabel))
        {
            yield return ($"Ausgaben {year.ToString(CultureInfo.InvariantCulture)}", $"{c.Label}: {Money(c.Amount, 0)}; je Einwohner {Money(c.PerCapita, 2)}; je Fall {Money(c.PerCase, 0)}{(c.CasesLabel is null ? "" : $" (Fälle: Zähler von „{c.CasesLabel}“)")}{(c.Notes.Count > 0 ? " – " + string.Join(" ", c.Notes) : "")}");
        }

        if (r.Notes.Count > 0)
        {
            yield return ("Hinweise", string.Join(" ", r.Notes));
        }
    }

    private static string FooterText(AtlasData atlas)
    {
        var m = atlas.Manifest;
        var sources = m.Indicators.Where(i => m.Goals.Any(g => g.Indicator == i.Id)).Select(i => i.Source ?? m.FindTable(i.Table)?.Source).OfType<string>().Distinct(StringComparer.Ordinal);
        return (m.Demo ? "DEMO – synthetische Daten, schematische Grenzen. " : "") + "Quelle: " + string.Join("; ", sources) + (m.Attribution is null ? "" : ". " + m.Attribution)
            + ". Geheim gehaltene Werte (Datenschutz) erscheinen als „.“. Status nach den Regeln in docs/goals.md.";
    }

    private static string StatusSvg(GoalStatus status)
    {
        var color = StatusColor(status);
        var hex = $"#{color.Red:x2}{color.Green:x2}{color.Blue:x2}";
        var shape = status switch
        {
            GoalStatus.OnTrack => $"<circle cx=\"7\" cy=\"7\" r=\"6\" fill=\"{hex}\" stroke=\"#1a1a1a\"/>",
            GoalStatus.AtRisk => $"<polygon points=\"7,1 13,13 1,13\" fill=\"{hex}\" stroke=\"#1a1a1a\"/>",
            GoalStatus.OffTrack => $"<polygon points=\"1,1 13,1 7,13\" fill=\"{hex}\" stroke=\"#1a1a1a\"/>",
            GoalStatus.Uncertain => $"<polygon points=\"7,0.5 13.5,7 7,13.5 0.5,7\" fill=\"{hex}\" stroke=\"#1a1a1a\"/>",
            _ => "<rect x=\"1\" y=\"1\" width=\"12\" height=\"12\" fill=\"#fff\" stroke=\"#1a1a1a\"/><path d=\"M1 9 L5 13 M1 5 L9 13 M1 1 L13 13 M5 1 L13 9 M9 1 L13 5\" stroke=\"#404040\"/>",
        };
        return $"<svg width=\"14\" height=\"14\" viewBox=\"0 0 14 14\" aria-hidden=\"true\">{shape}</svg>";
    }

    private static string StatusHtml(GoalStatus status) => $"<span class=\"status\">{StatusSvg(status)}{E(AtlasGoals.GermanLabel(status))}</span>";

    private static string TrendHtml(GoalReport r, GoalEvaluation? e)
    {
        var (arrow, words) = TrendWords(r, e);
        var path = arrow switch
        {
            "up" => "<path d=\"M2 12 L12 2 M6 2 L12 2 L12 8\" stroke=\"#1a1a1a\" stroke-width=\"1.6\" fill=\"none\"/>",
            "down" => "<path d=\"M2 2 L12 12 M12 6 L12 12 L6 12\" stroke=\"#1a1a1a\" stroke-width=\"1.6\" fill=\"none\"/>",
            "flat" => "<path d=\"M1 7 L13 7 M9 3 L13 7 L9 11\" stroke=\"#1a1a1a\" stroke-width=\"1.6\" fill=\"none\"/>",
            _ => "<path d=\"M3 7 L11 7\" stroke=\"#8c8c8c\" stroke-width=\"1.6\"/>",
        };
        return $"<span class=\"trend\"><svg width=\"14\" height=\"14\" viewBox=\"0 0 14 14\" aria-hidden=\"true\">{path}</svg>{E(words)}</span>";
    }

    private static string LegendHtml()
    {
        var sb = new StringBuilder("<ul class=\"legend\">\n");
        foreach (var (status, rule) in StatusRules)
        {
            sb.Append("<li>").Append(StatusHtml(status)).Append(": ").Append(E(rule)).Append("</li>\n");
        }

        return sb.Append("</ul>\n").ToString();
    }

    private static readonly (GoalStatus Status, string Rule)[] StatusRules =
    [
        (GoalStatus.OnTrack, "Wert mindestens so gut wie der lineare Pfad vom Ausgangswert zum Zielwert (oder Ziel erreicht)"),
        (GoalStatus.AtRisk, "Fortschritt gegenüber dem Ausgangswert, aber hinter dem Pfad"),
        (GoalStatus.OffTrack, "kein Fortschritt oder Verschlechterung, oder Frist verstrichen"),
        (GoalStatus.Uncertain, "das 95-%-Konfidenzintervall reicht vom Pfad bis zum Ausgangswert – die Daten entscheiden es nicht"),
        (GoalStatus.NotPublishable, "Wert aus Datenschutzgründen geheim gehalten; keine Zahl"),
    ];

    private static SKColor StatusColor(GoalStatus status)
    {
        var cls = GoalMaps.StatusClass(status);
        if (cls < 0)
        {
            return SKColors.White;
        }

        var c = GoalMaps.StatusPalette[cls];
        return new SKColor(c.R, c.G, c.B);
    }

    // ---- PDF drawing ----
    private static SKFont Font(float size, bool bold = false) => new(bold ? EmbeddedFonts.Bold : EmbeddedFonts.Regular, size);

    private static SKPaint Fill(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

    private static SKPaint Stroke(SKColor color, float width) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };

    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && font.MeasureText(candidate) > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private static float DrawWrapped(SKCanvas canvas, string text, float x, float y, float width, SKFont font, SKColor color, float lineHeight)
    {
        using var paint = Fill(color);
        foreach (var line in Wrap(text, font, width))
        {
            canvas.DrawText(line, x, y, SKTextAlign.Left, font, paint);
            y += lineHeight;
        }

        return y;
    }

    private static void DrawStatusSymbol(SKCanvas canvas, GoalStatus status, float cx, float cy, float r)
    {
        using var fill = Fill(StatusColor(status));
        using var outline = Stroke(Ink, 0.8f);
        using var pb = new SKPathBuilder();
        switch (status)
        {
            case GoalStatus.OnTrack:
                pb.AddCircle(cx, cy, r, SKPathDirection.Clockwise);
                break;
            case GoalStatus.AtRisk:
                pb.MoveTo(cx, cy - r);
                pb.LineTo(cx + r, cy + r);
                pb.LineTo(cx - r, cy + r);
                pb.Close();
                break;
            case GoalStatus.OffTrack:
                pb.MoveTo(cx - r, cy - r);
                pb.LineTo(cx + r, cy - r);
                pb.LineTo(cx, cy + r);
                pb.Close();
                break;
            case GoalStatus.Uncertain:
                pb.MoveTo(cx, cy - r);
                pb.LineTo(cx + r, cy);
                pb.LineTo(cx, cy + r);
                pb.LineTo(cx - r, cy);
                pb.Close();
                break;
            default:
                pb.AddRect(new SKRect(cx - r, cy - r, cx + r, cy + r), SKPathDirection.Clockwise);
                using (var square = pb.Detach())
                {
                    canvas.DrawPath(square, fill);
                    using (var hatch = Stroke(new SKColor(0x40, 0x40, 0x40), 0.6f))
                    {
                        canvas.Save();
                        canvas.ClipPath(square, antialias: true);
                        for (var o = -2 * r; o <= 2 * r; o += r / 2)
                        {
                            canvas.DrawLine(cx - r + o, cy + r, cx + r + o, cy - r, hatch);
                        }

                        canvas.Restore();
                    }

                    canvas.DrawPath(square, outline);
                }

                return;
        }

        using var path = pb.Detach();
        canvas.DrawPath(path, fill);
        canvas.DrawPath(path, outline);
    }

    private static void DrawTrendArrow(SKCanvas canvas, string arrow, float x, float cy, float size)
    {
        using var pen = Stroke(arrow == "none" ? new SKColor(0x8c, 0x8c, 0x8c) : Ink, 1.2f);
        var h = size / 2;
        switch (arrow)
        {
            case "up":
                canvas.DrawLine(x, cy + h, x + size, cy - h, pen);
                canvas.DrawLine(x + size, cy - h, x + size - (h * 0.9f), cy - h, pen);
                canvas.DrawLine(x + size, cy - h, x + size, cy - h + (h * 0.9f), pen);
                break;
            case "down":
                canvas.DrawLine(x, cy - h, x + size, cy + h, pen);
                canvas.DrawLine(x + size, cy + h, x + size - (h * 0.9f), cy + h, pen);
                canvas.DrawLine(x + size, cy + h, x + size, cy + h - (h * 0.9f), pen);
                break;
            case "flat":
                canvas.DrawLine(x, cy, x + size, cy, pen);
                canvas.DrawLine(x + size, cy, x + size - (h * 0.7f), cy - (h * 0.7f), pen);
                canvas.DrawLine(x + size, cy, x + size - (h * 0.7f), cy + (h * 0.7f), pen);
                break;
            default:
                canvas.DrawLine(x + (size * 0.2f), cy, x + (size * 0.8f), cy, pen);
                break;
        }
    }

    private static void DrawFooter(SKCanvas canvas, AtlasData atlas, int pageNo)
    {
        using var font = Font(6.5f);
        using var rule = Stroke(Rule, 0.5f);
        canvas.DrawLine(Margin, PageH - 30, PageW - Margin, PageH - 30, rule);
        DrawWrapped(canvas, FooterText(atlas), Margin, PageH - 21, PageW - (2 * Margin) - 60, font, Muted, 8);
        using var paint = Fill(Muted);
        canvas.DrawText($"Seite {pageNo.ToString(CultureInfo.InvariantCulture)}", PageW - Margin, PageH - 21, SKTextAlign.Right, font, paint);
    }

    private static readonly (string Header, float Width)[] Columns =
    [
        ("Ziel", 214), ("Gebiet", 86), ("Ausgangswert", 82), ("Wert", 78), ("Zielwert", 68), ("Status", 104), ("Trend", 138),
    ];

    private static int DrawOverviewPage(SKCanvas canvas, AtlasData atlas, List<GoalReport> rows, CostKpis costs, int year, int pageNo, bool continued)
    {
        var y = Margin + 14;
        using (var title = Font(18, bold: true))
        using (var ink = Fill(Ink))
        {
            canvas.DrawText($"Zielerreichung {year.ToString(CultureInfo.InvariantCulture)}{(continued ? " (Fortsetzung)" : "")}", Margin, y, SKTextAlign.Left, title, ink);
        }

        using (var sub = Font(10))
        {
            y = DrawWrapped(canvas, atlas.Manifest.Title + (atlas.Manifest.Demo ? " – DEMO: synthetische Daten, keine amtliche Statistik" : ""), Margin, y + 16, PageW - (2 * Margin), sub, Muted, 12);
        }

        y += 6;
        using var headFont = Font(8, bold: true);
        using var cellFont = Font(8);
        using var smallFont = Font(6.5f);
        using var inkPaint = Fill(Ink);
        using var mutedPaint = Fill(Muted);
        using var rulePaint = Stroke(Rule, 0.5f);
        using var headBg = Fill(new SKColor(0xf2, 0xf2, 0xf2));
        canvas.DrawRect(Margin, y, PageW - (2 * Margin), 16, headBg);
        var x = Margin;
        foreach (var (header, width) in Columns)
        {
            var text = header == "Wert" ? $"Wert {year.ToString(CultureInfo.InvariantCulture)}" : header == "Trend" ? $"Trend ({TrendYearsOf(rows).ToString(CultureInfo.InvariantCulture)} Jahre)" : header;
            canvas.DrawText(text, x + 3, y + 11, SKTextAlign.Left, headFont, inkPaint);
            x += width;
        }

        y += 16;
        var drawn = 0;
        var legendHeight = 90f;
        foreach (var r in rows)
        {
            var e = r.For(year);
            var labelLines = Wrap(r.Goal.Label, cellFont, Columns[0].Width - 6);
            var scopeLines = Wrap(r.ScopeLabel, cellFont, Columns[1].Width - 6);
            var (arrow, words) = TrendWords(r, e);
            var trendLines = Wrap(words, smallFont, Columns[6].Width - 22);
            var lines = Math.Max(Math.Max(labelLines.Count, scopeLines.Count), Math.Max(2, trendLines.Count));
            var rowH = (lines * 10) + 8;
            if (y + rowH > PageH - 40 - legendHeight && drawn > 0)
            {
                break;
            }

            var top = y;
            var baseY = top + 12;
            x = Margin;
            for (var i = 0; i < labelLines.Count; i++)
            {
                canvas.DrawText(labelLines[i], x + 3, baseY + (i * 10), SKTextAlign.Left, cellFont, inkPaint);
            }

            x += Columns[0].Width;
            for (var i = 0; i < scopeLines.Count; i++)
            {
                canvas.DrawText(scopeLines[i], x + 3, baseY + (i * 10), SKTextAlign.Left, cellFont, inkPaint);
            }

            x += Columns[1].Width;
            canvas.DrawText(BaselineText(r), x + Columns[2].Width - 6, baseY, SKTextAlign.Right, cellFont, inkPaint);
            x += Columns[2].Width;
            canvas.DrawText(ValueText(r, e), x + Columns[3].Width - 6, baseY, SKTextAlign.Right, cellFont, inkPaint);
            if (CiText(r, e) is { } ci)
            {
                canvas.DrawText(ci, x + Columns[3].Width - 6, baseY + 10, SKTextAlign.Right, smallFont, mutedPaint);
            }

            x += Columns[3].Width;
            canvas.DrawText(GoalMaps.Number(r.Goal.Target, r.Indicator), x + Columns[4].Width - 6, baseY, SKTextAlign.Right, cellFont, inkPaint);
            canvas.DrawText("bis " + r.Goal.Deadline.ToString(CultureInfo.InvariantCulture), x + Columns[4].Width - 6, baseY + 10, SKTextAlign.Right, smallFont, mutedPaint);
            x += Columns[4].Width;
            var status = e?.Status ?? GoalStatus.NotPublishable;
            DrawStatusSymbol(canvas, status, x + 10, baseY - 3, 5);
            foreach (var (line, i) in Wrap(AtlasGoals.GermanLabel(status), cellFont, Columns[5].Width - 24).Select((l, i) => (l, i)))
            {
                canvas.DrawText(line, x + 20, baseY + (i * 10), SKTextAlign.Left, cellFont, inkPaint);
            }

            x += Columns[5].Width;
            DrawTrendArrow(canvas, arrow, x + 3, baseY - 3, 10);
            for (var i = 0; i < trendLines.Count; i++)
            {
                canvas.DrawText(trendLines[i], x + 19, baseY + (i * 9), SKTextAlign.Left, smallFont, inkPaint);
            }

            y += rowH;
            canvas.DrawLine(Margin, y, PageW - Margin, y, rulePaint);
            drawn++;
        }

        // Legend of the symbols and rules.
        y += 12;
        using var legendHead = Font(8, bold: true);
        canvas.DrawText("Status (Bewertung nach dem linearen Pfad vom Ausgangswert zum Zielwert; Regeln in docs/goals.md)", Margin, y, SKTextAlign.Left, legendHead, inkPaint);
        y += 11;
        foreach (var (status, rule) in StatusRules)
        {
            DrawStatusSymbol(canvas, status, Margin + 5, y - 3, 4);
            canvas.DrawText($"{AtlasGoals.GermanLabel(status)}: {rule}", Margin + 14, y, SKTextAlign.Left, smallFont, inkPaint);
            y += 10.5f;
        }

        canvas.DrawText("Trend: ↗/↘ steigend/fallend, wenn die Steigung der letzten Jahre sich um mehr als 1,96 Standardfehler von 0 unterscheidet; sonst → kein gesicherter Trend.", Margin, y + 2, SKTextAlign.Left, smallFont, inkPaint);
        y += 14;

        var costRows = continued ? [] : rows.SelectMany(r => costs.ComputeFor(r.Goal, year, r.ScopeLabel)).DistinctBy(c => (c.CostId, c.ScopeLabel)).ToList();
        if (costRows.Count > 0 && y + 30 < PageH - 40)
        {
            canvas.DrawText($"Ausgaben neben den Ergebnissen ({year.ToString(CultureInfo.InvariantCulture)}; nicht zu einer Gesamtbewertung verrechnet)", Margin, y, SKTextAlign.Left, legendHead, inkPaint);
            y += 10;
            foreach (var c in costRows)
            {
                if (y > PageH - 40)
                {
                    break;
                }

                canvas.DrawText($"{c.ScopeLabel} – {c.Label}: {Money(c.Amount, 0)}; je Einwohner {Money(c.PerCapita, 2)}; je Fall {Money(c.PerCase, 0)}{(c.CasesLabel is null ? "" : $" (Fälle: Zähler von „{c.CasesLabel}“)")}", Margin, y, SKTextAlign.Left, smallFont, inkPaint);
                y += 9;
            }
        }

        DrawFooter(canvas, atlas, pageNo);
        return drawn;
    }

    private static void DrawGoalPage(SKCanvas canvas, AtlasData atlas, GoalReport r, CostKpis costs, int year, string? mapLayer, int pageNo)
    {
        var e = r.For(year);
        var y = Margin + 12;
        using var inkPaint = Fill(Ink);
        using (var title = Font(15, bold: true))
        {
            y = DrawWrapped(canvas, r.Goal.Label, Margin, y, PageW - (2 * Margin), title, Ink, 18);
        }

        using var termFont = Font(8, bold: true);
        using var textFont = Font(8);
        y += 2;
        var status = e?.Status ?? GoalStatus.NotPublishable;
        foreach (var (term, text) in GoalFacts(atlas, r, e, year, costs))
        {
            canvas.DrawText(term, Margin, y, SKTextAlign.Left, termFont, inkPaint);
            var x = Margin + 92;
            if (term == "Status")
            {
                DrawStatusSymbol(canvas, status, x + 5, y - 3, 5);
                x += 14;
            }
            else if (term == "Trend")
            {
                DrawTrendArrow(canvas, TrendWords(r, e).Arrow, x, y - 3, 10);
                x += 14;
            }

            y = DrawWrapped(canvas, text, x, y, PageW - Margin - x, textFont, Ink, 10) + 1;
        }

        var top = Math.Max(y + 12, 150f);
        var bottom = PageH - 38;
        var chartRect = new SKRect(Margin, top, 430, bottom);
        DrawChart(canvas, chartRect, r, year);
        var mapRect = new SKRect(440, top, PageW - Margin, bottom);
        DrawMap(canvas, mapRect, SmallStatusMap(atlas, r, year, mapLayer, mapRect.Width, mapRect.Height));
        DrawFooter(canvas, atlas, pageNo);
    }

    private static MapSpec SmallStatusMap(AtlasData atlas, GoalReport r, int year, string? layer, float widthPt, float heightPt)
    {
        var spec = GoalMaps.Status(atlas, r.Goal, year, layer);
        return spec with
        {
            Title = null,
            Subtitle = $"Zielerreichung je Gebiet {year.ToString(CultureInfo.InvariantCulture)} (eigener Ausgangswert {r.Goal.BaselineYear.ToString(CultureInfo.InvariantCulture)})",
            Source = null,
            DataDate = null,
            Attribution = null,
            ShowLabels = false,
            ShowScaleBar = true,
            Page = PageSize.FromPixels((int)Math.Round(widthPt * 150 / 72), (int)Math.Round(heightPt * 150 / 72), 150),
            Style = spec.Style with { TitleSizePt = 9, SubtitleSizePt = 7.5, LegendSizePt = 6.5, FooterSizePt = 5.5, LabelSizePt = 5 },
        };
    }

    private static void DrawMap(SKCanvas canvas, SKRect rect, MapSpec spec)
    {
        using var page = PageLayouter.Prepare(PageModel.From(spec));
        var painter = new MapPainter(page, textAsPaths: false);
        canvas.Save();
        canvas.ClipRect(rect); // the painter clears its whole page with the background colour
        canvas.Translate(rect.Left, rect.Top);
        canvas.Scale((float)(72.0 / spec.Page.Dpi));
        painter.Draw(canvas);
        canvas.Restore();
    }

    private static void DrawChart(SKCanvas canvas, SKRect rect, GoalReport r, int year)
    {
        var ind = r.Indicator;
        var series = r.Series.Where(s => s.Year <= year).ToList();
        var x0 = Math.Min(r.Goal.BaselineYear, series.Count > 0 ? series[0].Year : r.Goal.BaselineYear);
        var x1 = Math.Max(r.Goal.Deadline, year);
        var ys = series.SelectMany(s => new[] { s.Value, s.CiLow, s.CiHigh }).OfType<double>().Append(r.Goal.Target).Concat(r.Milestones.Select(m => m.Target)).ToList();
        if (r.BaselineValue is { } bv)
        {
            ys.Add(bv);
        }

        var lo = ys.Min();
        var hi = ys.Max();
        var step = GoalMaps.NiceStep(Math.Max(hi - lo, 1e-9) / 5);
        lo = Math.Floor(lo / step) * step;
        hi = Math.Ceiling(hi / step) * step;
        if (hi <= lo)
        {
            hi = lo + step;
        }

        using var titleFont = Font(8.5f, bold: true);
        using var axisFont = Font(6.5f);
        using var inkPaint = Fill(Ink);
        using var mutedPaint = Fill(Muted);
        canvas.DrawText($"Verlauf: {ind.ShortLabel ?? ind.Label}, {r.ScopeLabel} ({ind.Unit})", rect.Left, rect.Top + 9, SKTextAlign.Left, titleFont, inkPaint);
        var plot = new SKRect(rect.Left + 34, rect.Top + 20, rect.Right - 8, rect.Bottom - 34);
        float X(double yr) => plot.Left + (float)((yr - x0) / Math.Max(1, x1 - x0) * plot.Width);
        float Y(double v) => plot.Bottom - (float)((v - lo) / (hi - lo) * plot.Height);

        using var grid = Stroke(new SKColor(0xe0, 0xe0, 0xe0), 0.5f);
        using var axis = Stroke(Muted, 0.7f);
        for (var v = lo; v <= hi + (step / 2); v += step)
        {
            canvas.DrawLine(plot.Left, Y(v), plot.Right, Y(v), grid);
            canvas.DrawText(LegendSpec.FormatNumber(v, LegendSpec.ChooseDecimals([lo, lo + step])), plot.Left - 3, Y(v) + 2.5f, SKTextAlign.Right, axisFont, mutedPaint);
        }

        var every = x1 - x0 > 12 ? 2 : 1;
        for (var yr = x0; yr <= x1; yr++)
        {
            canvas.DrawLine(X(yr), plot.Bottom, X(yr), plot.Bottom + 2, axis);
            if ((yr - x0) % every == 0)
            {
                canvas.DrawText(yr.ToString(CultureInfo.InvariantCulture), X(yr), plot.Bottom + 10, SKTextAlign.Center, axisFont, mutedPaint);
            }
        }

        canvas.DrawLine(plot.Left, plot.Bottom, plot.Right, plot.Bottom, axis);
        canvas.DrawLine(plot.Left, plot.Top, plot.Left, plot.Bottom, axis);

        // CI band per run of consecutive published years.
        using var band = Fill(new SKColor(0x21, 0x66, 0xac, 0x40));
        foreach (var run in Runs(series.Where(s => s.CiLow is not null && s.CiHigh is not null).ToList()))
        {
            using var pb = new SKPathBuilder();
            pb.MoveTo(X(run[0].Year), Y(run[0].CiHigh!.Value));
            foreach (var s in run.Skip(1))
            {
                pb.LineTo(X(s.Year), Y(s.CiHigh!.Value));
            }

            foreach (var s in Enumerable.Reverse(run))
            {
                pb.LineTo(X(s.Year), Y(s.CiLow!.Value));
            }

            pb.Close();
            using var path = pb.Detach();
            if (run.Count == 1)
            {
                canvas.DrawRect(X(run[0].Year) - 2, Y(run[0].CiHigh!.Value), 4, Y(run[0].CiLow!.Value) - Y(run[0].CiHigh!.Value), band);
            }
            else
            {
                canvas.DrawPath(path, band);
            }
        }

        // Target path: baseline → target, dashed.
        using var pathPen = Stroke(new SKColor(0xb2, 0x18, 0x2b), 1.2f);
        pathPen.PathEffect = SKPathEffect.CreateDash([4, 3], 0);
        if (r.BaselineValue is { } b)
        {
            canvas.DrawLine(X(r.Goal.BaselineYear), Y(b), X(r.Goal.Deadline), Y(r.Goal.Target), pathPen);
        }

        using var targetPen = Stroke(new SKColor(0xb2, 0x18, 0x2b), 1.4f);
        var tx = X(r.Goal.Deadline);
        var ty = Y(r.Goal.Target);
        canvas.DrawLine(tx - 4, ty - 4, tx + 4, ty + 4, targetPen);
        canvas.DrawLine(tx - 4, ty + 4, tx + 4, ty - 4, targetPen);
        canvas.DrawText("Ziel", tx - 6, ty - 6, SKTextAlign.Right, axisFont, inkPaint);

        foreach (var m in r.Milestones)
        {
            using var db = new SKPathBuilder();
            var mx = X(m.Year);
            var my = Y(m.Target);
            db.MoveTo(mx, my - 3.5f);
            db.LineTo(mx + 3.5f, my);
            db.LineTo(mx, my + 3.5f);
            db.LineTo(mx - 3.5f, my);
            db.Close();
            using var diamond = db.Detach();
            canvas.DrawPath(diamond, targetPen);
        }

        // Value line and points; unpublished years are marked with "." on the axis.
        using var linePen = Stroke(new SKColor(0x08, 0x30, 0x6b), 1.6f);
        using var dotPaint = Fill(new SKColor(0x08, 0x30, 0x6b));
        foreach (var run in Runs(series.Where(s => s.Value is not null).ToList()))
        {
            for (var i = 1; i < run.Count; i++)
            {
                canvas.DrawLine(X(run[i - 1].Year), Y(run[i - 1].Value!.Value), X(run[i].Year), Y(run[i].Value!.Value), linePen);
            }
        }

        foreach (var s in series)
        {
            if (s.Value is { } v)
            {
                canvas.DrawCircle(X(s.Year), Y(v), 2.2f, dotPaint);
            }
            else
            {
                canvas.DrawText(".", X(s.Year), plot.Bottom - 3, SKTextAlign.Center, titleFont, inkPaint);
            }
        }

        // Legend below the axis.
        var ly = rect.Bottom - 8;
        var lx = plot.Left;
        canvas.DrawLine(lx, ly - 3, lx + 14, ly - 3, linePen);
        canvas.DrawText("Wert", lx + 17, ly, SKTextAlign.Left, axisFont, inkPaint);
        lx += 48;
        canvas.DrawRect(lx, ly - 7, 14, 8, band);
        canvas.DrawText("95-%-Konfidenzband", lx + 17, ly, SKTextAlign.Left, axisFont, inkPaint);
        lx += 100;
        canvas.DrawLine(lx, ly - 3, lx + 14, ly - 3, pathPen);
        canvas.DrawText("linearer Zielpfad, × Ziel" + (r.Milestones.Count > 0 ? ", ◇ Meilenstein" : "") + ", . nicht veröffentlichbar", lx + 17, ly, SKTextAlign.Left, axisFont, inkPaint);
    }

    private static List<List<ScopeValue>> Runs(List<ScopeValue> values)
    {
        var runs = new List<List<ScopeValue>>();
        foreach (var v in values)
        {
            if (runs.Count == 0 || runs[^1][^1].Year != v.Year - 1)
            {
                runs.Add([]);
            }

            runs[^1].Add(v);
        }

        return runs;
    }

    private static byte[] ChartPng(GoalReport r, int year)
    {
        const float scale = 2f;
        const float w = 420, h = 300;
        using var bitmap = new SKBitmap(new SKImageInfo((int)(w * scale), (int)(h * scale), SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            DrawChart(canvas, new SKRect(6, 4, w - 4, h - 4), r, year);
        }

        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 6)) ?? throw new MapRenderingException("PNG encoding failed.");
        return data.ToArray();
    }

    private static byte[] StatusMapPng(AtlasData atlas, GoalReport r, int year, string? layer)
    {
        var spec = GoalMaps.Status(atlas, r.Goal, year, layer) with { Page = PageSize.FromPixels(880, 660, 110), ShowLabels = false };
        using var ms = new MemoryStream();
        MapRenderer.RenderPng(spec, ms);
        return ms.ToArray();
    }
}
