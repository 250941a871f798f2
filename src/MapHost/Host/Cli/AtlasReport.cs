using System.Globalization;
using System.Net;
using System.Text;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Goals;
using GeoPrevention.Geo.IO;
using GeoPrevention.Rendering;
using GeoPrevention.Rendering.Atlas;
using GeoPrevention.Rendering.Goals;

namespace GeoPrevention.MapHost.Cli;

/// <summary>Options of <see cref="AtlasReport.Write"/>.</summary>
internal sealed class AtlasReportOptions
{
    /// <summary>Page size of every map.</summary>
    public PageSize Page { get; init; } = PageSize.FromPixels(1600, 1200, 150);

    /// <summary>Data date recorded in the release manifest.</summary>
    public required DateOnly DataDate { get; init; }

    /// <summary>Maps rendered at the same time.</summary>
    public int Parallelism { get; init; } = Math.Min(2, Environment.ProcessorCount);

    /// <summary>Replace an existing, non-empty output folder.</summary>
    public bool Force { get; init; }
}

/// <summary>
/// Writes the yearly report of an atlas into a folder. Contents (paths relative to the folder):
/// 1. <c>karten/&lt;indicator&gt;/&lt;area&gt;_&lt;year&gt;.png</c> for every indicator × year × area preset (the whole
///    atlas when it has no presets), and the same maps of the latest year as <c>.pdf</c>;
/// 2. <c>atlas_&lt;latest year&gt;.pdf</c>: all maps of the latest year in one PDF, one page each;
/// 3. <c>tabellen/&lt;layer&gt;.csv</c> and <c>tabellen/werte.xlsx</c>: publishable values of every layer with values
///    (see <see cref="ReportTables"/>); <c>tabellen/datenstand.csv</c> and the last sheet <c>Datenstand</c> of the
///    workbook: data date and vintage per indicator and year;
/// 4. <c>geodaten/&lt;layer&gt;_&lt;latest year&gt;.geojson</c>: geometry with publishable values (WGS 84);
/// 5. <c>freigabeprotokoll.json</c> and <c>freigabeprotokoll.txt</c>: the release manifest (thresholds, suppressed cells);
/// 6. <c>index.html</c>: a German overview linking every file, without external resources;
/// 7. <c>zielerreichung.pdf</c> and <c>zielerreichung.html</c>: the council overview of the prevention goals
///    (<see cref="GoalOverview"/>; only when the atlas has goals), evaluated for the latest year.
/// Everything is written into a temporary folder beside the target, which is renamed into place only when complete:
/// a failed report leaves no folder behind, and an existing folder is replaced only with <c>Force</c>.
/// </summary>
internal static class AtlasReport
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>One step of the report, for progress display.</summary>
    /// <param name="Name">What is being done.</param>
    /// <param name="Total">Units of work in this step.</param>
    internal sealed record Step(string Name, int Total);

    /// <summary>Receives progress.</summary>
    internal interface IProgressSink
    {
        /// <summary>A step starts.</summary>
        /// <param name="step">The step.</param>
        void Start(Step step);

        /// <summary>One unit of the current step is done (may be called from several threads).</summary>
        /// <param name="step">The step.</param>
        void Advance(Step step);
    }

    /// <summary>Counts of what was written.</summary>
    /// <param name="Folder">The report folder.</param>
    /// <param name="Maps">PNG maps.</param>
    /// <param name="PdfMaps">Single PDF maps.</param>
    /// <param name="AtlasPages">Pages of the PDF atlas.</param>
    /// <param name="Tables">CSV tables.</param>
    /// <param name="MapSeconds">Wall-clock seconds spent on PNG maps.</param>
    internal sealed record Summary(string Folder, int Maps, int PdfMaps, int AtlasPages, int Tables, double MapSeconds);

    /// <summary>Writes the report (contents in the class summary).</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="outputFolder">The report folder.</param>
    /// <param name="options">Options.</param>
    /// <param name="progress">Progress sink.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="IOException">The folder exists and is not empty (without Force), or a file cannot be written.</exception>
    public static Summary Write(AtlasData atlas, string outputFolder, AtlasReportOptions options, IProgressSink progress)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !options.Force)
        {
            throw new IOException($"The output folder '{target}' exists and is not empty; use --force to replace it.");
        }

        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"'{target}' cannot be a report folder.");
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temp);
        try
        {
            var summary = WriteInto(atlas, temp, options, progress);
            MoveIntoPlace(temp, target);
            return summary with { Folder = target };
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static Summary WriteInto(AtlasData atlas, string dir, AtlasReportOptions options, IProgressSink progress)
    {
        var m = atlas.Manifest;
        var latest = atlas.Years[^1];
        IReadOnlyList<string?> areas = m.Map.Areas.Count > 0 ? [.. m.Map.Areas.Select(a => a.Id)] : [null];
        var jobs = (from ind in m.Indicators from year in atlas.Years from area in areas select (Indicator: ind.Id, Year: year, Area: area)).ToList();

        // Values and classes are computed once, before the parallel part (AtlasData caches them).
        foreach (var ind in m.Indicators)
        {
            foreach (var year in atlas.Years)
            {
                atlas.GetValues(atlas.FinestLayerId, ind.Id, year);
            }
        }

        foreach (var ind in m.Indicators)
        {
            Directory.CreateDirectory(Path.Combine(dir, "karten", ind.Id));
        }

        var mapStep = new Step("Karten (PNG)", jobs.Count);
        progress.Start(mapStep);
        var specs = new MapSpec?[jobs.Count];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) }, j =>
        {
            var (indicator, year, area) = jobs[j];
            var spec = AtlasMaps.Build(atlas, new AtlasMapRequest { Indicator = indicator, Year = year, Area = area, Page = options.Page });
            MapRenderer.RenderToFile(spec, Path.Combine(dir, MapPath(indicator, area, year, "png")), MapFormat.Png);
            if (year == latest)
            {
                specs[j] = spec;
            }

            progress.Advance(mapStep);
        });
        clock.Stop();

        var latestJobs = Enumerable.Range(0, jobs.Count).Where(j => jobs[j].Year == latest).ToList();
        var pdfStep = new Step($"Karten {latest.ToString(CultureInfo.InvariantCulture)} (PDF)", latestJobs.Count + 1);
        progress.Start(pdfStep);
        Parallel.ForEach(latestJobs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) }, j =>
        {
            MapRenderer.RenderToFile(specs[j]!, Path.Combine(dir, MapPath(jobs[j].Indicator, jobs[j].Area, latest, "pdf")), MapFormat.Pdf);
            progress.Advance(pdfStep);
        });
        var atlasPdf = AtlasPdfName(latest);
        MapRenderer.RenderPdfDocumentToFile([.. latestJobs.Select(j => specs[j]!)], Path.Combine(dir, atlasPdf), $"{m.Title} – {latest.ToString(CultureInfo.InvariantCulture)}");
        progress.Advance(pdfStep);

        var valueLayers = m.Layers.Where(l => atlas.HasValues(l.Id)).ToList();
        var tableStep = new Step("Tabellen und Geodaten", valueLayers.Count + 2);
        progress.Start(tableStep);
        Directory.CreateDirectory(Path.Combine(dir, "tabellen"));
        Directory.CreateDirectory(Path.Combine(dir, "geodaten"));
        var sheets = new List<(string, IReadOnlyList<string>, IReadOnlyList<object?[]>)>();
        foreach (var layer in valueLayers)
        {
            var (header, rows) = ReportTables.Build(atlas, layer.Id);
            ReportTables.WriteCsv(Path.Combine(dir, "tabellen", layer.Id + ".csv"), header, rows);
            sheets.Add((layer.Label, header, rows));
            VectorLayerWriter.WriteGeoJson(PublishedLayer.Build(atlas, layer.Id, latest), Path.Combine(dir, "geodaten", $"{layer.Id}_{latest.ToString(CultureInfo.InvariantCulture)}.geojson"));
            progress.Advance(tableStep);
        }

        var (provenanceHeader, provenanceRows) = ReportTables.BuildProvenance(atlas);
        ReportTables.WriteCsv(Path.Combine(dir, "tabellen", ProvenanceCsv), provenanceHeader, provenanceRows);
        sheets.Add(("Datenstand", provenanceHeader, provenanceRows));
        ReportTables.WriteXlsx(Path.Combine(dir, "tabellen", "werte.xlsx"), sheets);
        progress.Advance(tableStep);

        var release = atlas.CreateReleaseManifest(options.DataDate);
        File.WriteAllText(Path.Combine(dir, "freigabeprotokoll.json"), release.ToJson(), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(dir, "freigabeprotokoll.txt"), release.ToText(German), new UTF8Encoding(false));
        if (atlas.Manifest.Goals.Count > 0)
        {
            var goals = AtlasGoals.Evaluate(atlas);
            GoalOverview.WritePdf(atlas, goals, Path.Combine(dir, GoalOverviewPdf), new GoalOverviewOptions { Year = latest });
            GoalOverview.WriteHtml(atlas, goals, Path.Combine(dir, GoalOverviewHtml), new GoalOverviewOptions { Year = latest });
        }

        File.WriteAllText(Path.Combine(dir, "index.html"), IndexHtml(atlas, areas, valueLayers, options.DataDate), new UTF8Encoding(false));
        progress.Advance(tableStep);
        return new Summary(dir, jobs.Count, latestJobs.Count, latestJobs.Count, valueLayers.Count, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The relative path of a map file.</summary>
    /// <param name="indicator">Indicator id.</param>
    /// <param name="area">Area id, or null for the whole atlas.</param>
    /// <param name="year">Year.</param>
    /// <param name="extension">png or pdf.</param>
    /// <returns>The path with forward slashes.</returns>
    internal static string MapPath(string indicator, string? area, int year, string extension) =>
        $"karten/{indicator}/{area ?? "gesamt"}_{year.ToString(CultureInfo.InvariantCulture)}.{extension}";

    /// <summary>File name of the provenance table in <c>tabellen/</c> (data date and vintage per indicator and year).</summary>
    internal const string ProvenanceCsv = "datenstand.csv";

    /// <summary>File name of the goal overview PDF.</summary>
    internal const string GoalOverviewPdf = "zielerreichung.pdf";

    /// <summary>File name of the goal overview HTML page.</summary>
    internal const string GoalOverviewHtml = "zielerreichung.html";

    /// <summary>The file name of the PDF atlas.</summary>
    /// <param name="year">The latest year.</param>
    /// <returns>The name.</returns>
    internal static string AtlasPdfName(int year) => $"atlas_{year.ToString(CultureInfo.InvariantCulture)}.pdf";

    /// <summary>The German overview page (item 6 of the class summary), with the data date and vintage per indicator and year.</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="areas">Area preset ids (null = whole atlas).</param>
    /// <param name="valueLayers">Layers with values.</param>
    /// <param name="dataDate">Data date of the release manifest.</param>
    /// <returns>The page.</returns>
    internal static string IndexHtml(AtlasData atlas, IReadOnlyList<string?> areas, IReadOnlyList<AtlasLayer> valueLayers, DateOnly dataDate)
    {
        static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
        var m = atlas.Manifest;
        var latest = atlas.Years[^1];
        string AreaLabel(string? id) => id is null ? "Gesamt" : m.Map.Areas.First(a => a.Id == id).Label;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(H(m.Title)).Append(" – Bericht</title>\n<style>\n")
          .Append("body{font-family:sans-serif;margin:2em;max-width:72em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}")
          .Append("th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left}th{background:#eee}.demo{background:#fff3cd;padding:.5em;border:1px solid #e0c36b}")
          .Append("img{max-width:22em;border:1px solid #ccc}\n</style>\n</head>\n<body>\n");
        sb.Append("<h1>").Append(H(m.Title)).Append("</h1>\n");
        if (m.Demo)
        {
            sb.Append("<p class=\"demo\">Demo: synthetische Daten und schematische Grenzen – keine amtliche Statistik, keine amtlichen Grenzen.</p>\n");
        }

        if (m.Description is { } description)
        {
            sb.Append("<p>").Append(H(description)).Append("</p>\n");
        }

        sb.Append("<p>Jahre ").Append(atlas.Years[0].ToString(CultureInfo.InvariantCulture)).Append('–').Append(latest.ToString(CultureInfo.InvariantCulture))
          .Append(", Datenstand ").Append(H(dataDate.ToString("dd.MM.yyyy", German))).Append(". Geheim gehaltene Werte (Datenschutz) sind in Tabellen mit „.“ und in Karten schraffiert dargestellt.</p>\n");
        sb.Append("<h2>Übersicht</h2>\n<ul>\n")
          .Append("<li><a href=\"").Append(AtlasPdfName(latest)).Append("\">Kartenatlas ").Append(latest.ToString(CultureInfo.InvariantCulture)).Append(" (PDF, alle Karten des Jahres)</a></li>\n")
          .Append(atlas.Manifest.Goals.Count > 0 ? $"<li><a href=\"{GoalOverviewHtml}\">Zielerreichung (HTML)</a> · <a href=\"{GoalOverviewPdf}\">PDF</a></li>\n" : "")
          .Append("<li><a href=\"freigabeprotokoll.txt\">Freigabeprotokoll (Text)</a> · <a href=\"freigabeprotokoll.json\">JSON</a></li>\n")
          .Append("<li><a href=\"tabellen/werte.xlsx\">Alle Werte (Excel)</a></li>\n")
          .Append("<li><a href=\"tabellen/").Append(ProvenanceCsv).Append("\">Datenstand und Lieferung je Indikator und Jahr (CSV)</a></li>\n");
        foreach (var l in valueLayers)
        {
            sb.Append("<li>").Append(H(l.Label)).Append(": <a href=\"tabellen/").Append(H(l.Id)).Append(".csv\">Tabelle (CSV)</a> · <a href=\"geodaten/")
              .Append(H(l.Id)).Append('_').Append(latest.ToString(CultureInfo.InvariantCulture)).Append(".geojson\">Geodaten ").Append(latest.ToString(CultureInfo.InvariantCulture)).Append(" (GeoJSON)</a></li>\n");
        }

        sb.Append("</ul>\n");
        foreach (var theme in m.Indicators.GroupBy(i => i.Theme ?? "Weitere Indikatoren"))
        {
            sb.Append("<h2>").Append(H(theme.Key)).Append("</h2>\n");
            foreach (var ind in theme)
            {
                sb.Append("<h3 id=\"").Append(H(ind.Id)).Append("\">").Append(H(ind.Label)).Append("</h3>\n");
                if (ind.Description is { } d)
                {
                    sb.Append("<p>").Append(H(d)).Append("</p>\n");
                }

                sb.Append("<p><a href=\"").Append(MapPath(ind.Id, areas[0], latest, "png")).Append("\"><img src=\"").Append(MapPath(ind.Id, areas[0], latest, "png"))
                  .Append("\" alt=\"").Append(H(ind.ShortLabel ?? ind.Label)).Append(' ').Append(latest.ToString(CultureInfo.InvariantCulture)).Append("\"></a></p>\n");
                sb.Append("<p class=\"stand\">").Append(H(atlas.GetProvenance(ind.Id, latest).Text)).Append("</p>\n");
                sb.Append("<table>\n<tr><th>Jahr</th><th>Datenstand und Herkunft</th>");
                foreach (var area in areas)
                {
                    sb.Append("<th>").Append(H(AreaLabel(area))).Append("</th>");
                }

                sb.Append("</tr>\n");
                foreach (var year in atlas.Years.Reverse())
                {
                    sb.Append("<tr><td>").Append(year.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(H(atlas.GetProvenance(ind.Id, year).Text)).Append("</td>");
                    foreach (var area in areas)
                    {
                        sb.Append("<td><a href=\"").Append(MapPath(ind.Id, area, year, "png")).Append("\">PNG</a>");
                        if (year == latest)
                        {
                            sb.Append(" · <a href=\"").Append(MapPath(ind.Id, area, year, "pdf")).Append("\">PDF</a>");
                        }

                        sb.Append("</td>");
                    }

                    sb.Append("</tr>\n");
                }

                sb.Append("</table>\n");
            }
        }

        sb.Append("<p><small>").Append(H(m.Attribution)).Append(" · erstellt mit GeoPrevention</small></p>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void MoveIntoPlace(string temp, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temp, target);
            return;
        }

        // Swap: the old folder is renamed aside first, so at every moment one complete report sits at the target name
        // (apart from the instant between the two renames).
        var old = target + "." + Guid.NewGuid().ToString("N") + ".old";
        Directory.Move(target, old);
        try
        {
            Directory.Move(temp, target);
        }
        catch
        {
            Directory.Move(old, target);
            throw;
        }

        TryDelete(old);
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
            // The original failure matters more than a leftover temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
