using System.Globalization;
using System.Text;
using GeoPrevention.Analytics.Collection;
using GeoPrevention.Geo.IO;

namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// Writes the German intake report of a delivery: <c>eingangspruefung.html</c> (self-contained, no external resources)
/// and <c>eingangspruefung.xlsx</c> (sheets <c>Übersicht</c> and <c>Befunde</c>), each atomically (temporary file +
/// rename), plus the one-paragraph summary printed by <c>geoprevention intake</c>.
/// </summary>
internal static class IntakeReport
{
    /// <summary>File name of the HTML report.</summary>
    public const string HtmlName = "eingangspruefung.html";

    /// <summary>File name of the xlsx report.</summary>
    public const string XlsxName = "eingangspruefung.xlsx";

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>German label of a severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>blockierend, Warnung or Hinweis.</returns>
    public static string Label(IntakeSeverity severity) => severity switch
    {
        IntakeSeverity.Blocking => "blockierend",
        IntakeSeverity.Warning => "Warnung",
        _ => "Hinweis",
    };

    /// <summary>The summary lines (German): what was checked, the counts, and the decision.</summary>
    /// <param name="result">The check result.</param>
    /// <param name="accepted">The log entry when the delivery was accepted.</param>
    /// <returns>The lines.</returns>
    public static IReadOnlyList<string> Summary(IntakeResult result, DeliveryLogEntry? accepted)
    {
        var lines = new List<string>
        {
            $"Eingangsprüfung {Path.GetFileName(result.SourcePath)} ({result.Format})",
            $"Lieferant: {(result.Supplier is { } s ? $"{s.Label} ({s.Id})" : "nicht erkannt")}; Tabelle: {result.Table?.Id ?? "–"}; Jahr: {result.Year?.ToString(CultureInfo.InvariantCulture) ?? "–"}; {result.Rows.Count} Sozialräume, {result.Columns.Count} Spalten",
            $"Befunde: {result.Count(IntakeSeverity.Blocking)} blockierend, {result.Count(IntakeSeverity.Warning)} Warnungen, {result.Count(IntakeSeverity.Info)} Hinweise",
        };
        lines.Add(accepted is not null
            ? $"Angenommen als Stand {accepted.Id}: {accepted.File}"
            : result.HasBlocking ? "Nicht annehmbar: erst die blockierenden Befunde beheben." : "Annehmbar (mit --accept übernehmen).");
        return lines;
    }

    /// <summary>Writes both report files into a folder (created if needed).</summary>
    /// <param name="result">The check result.</param>
    /// <param name="accepted">The log entry when the delivery was accepted.</param>
    /// <param name="folder">The report folder.</param>
    /// <param name="checkedAt">When the check ran.</param>
    /// <returns>The paths written.</returns>
    public static (string Html, string Xlsx) Write(IntakeResult result, DeliveryLogEntry? accepted, string folder, DateTimeOffset checkedAt)
    {
        var dir = Path.GetFullPath(folder);
        Directory.CreateDirectory(dir);
        var html = Path.Combine(dir, HtmlName);
        var xlsx = Path.Combine(dir, XlsxName);
        AtomicFile.Write(html, temp => File.WriteAllText(temp, Html(result, accepted, checkedAt), new UTF8Encoding(false)));
        AtomicFile.Write(xlsx, temp => ReportTables.WriteXlsx(temp, [
            ("Übersicht", ["Angabe", "Wert"], [.. Overview(result, accepted, checkedAt).Select(p => new object?[] { p.Name, p.Value })]),
            ("Befunde", ["Schwere", "Art", "Schlüssel", "Bezirk", "Spalte", "Zeile", "Zelle", "Meldung"], [.. result.Findings.Select(f => new object?[] { Label(f.Severity), f.Kind.ToString(), f.Key, f.DistrictName, f.Column, f.Line, f.Cell, f.Message })]),
        ]));
        return (html, xlsx);
    }

    /// <summary>The HTML report (German, self-contained).</summary>
    /// <param name="result">The check result.</param>
    /// <param name="accepted">The log entry when accepted.</param>
    /// <param name="checkedAt">When the check ran.</param>
    /// <returns>The page.</returns>
    internal static string Html(IntakeResult result, DeliveryLogEntry? accepted, DateTimeOffset checkedAt)
    {
        // Only the markup characters are escaped: the page is UTF-8, so umlauts stay readable in the source.
        static string H(string? s) => (s ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>Eingangsprüfung ").Append(H(Path.GetFileName(result.SourcePath))).Append("</title>\n<style>\n")
          .Append("body{font-family:sans-serif;margin:2em;max-width:80em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}")
          .Append("th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}th{background:#eee}")
          .Append("tr.blocking td:first-child{background:#f8d7da;font-weight:bold}tr.warning td:first-child{background:#fff3cd}tr.info td:first-child{background:#e7f1ff}")
          .Append(".ok{background:#d1e7dd;padding:.5em}.bad{background:#f8d7da;padding:.5em}\n</style>\n</head>\n<body>\n");
        sb.Append("<h1>Eingangsprüfung einer Datenlieferung</h1>\n");
        var decision = Summary(result, accepted)[^1];
        sb.Append("<p class=\"").Append(result.HasBlocking ? "bad" : "ok").Append("\">").Append(H(decision)).Append("</p>\n");
        sb.Append("<table>\n");
        foreach (var (name, value) in Overview(result, accepted, checkedAt))
        {
            sb.Append("<tr><th>").Append(H(name)).Append("</th><td>").Append(H(value)).Append("</td></tr>\n");
        }

        sb.Append("</table>\n<h2>Befunde</h2>\n");
        if (result.Findings.Count == 0)
        {
            sb.Append("<p>Keine Befunde.</p>\n");
        }
        else
        {
            sb.Append("<table>\n<tr><th>Schwere</th><th>Schlüssel</th><th>Bezirk</th><th>Spalte</th><th>Zelle</th><th>Meldung</th></tr>\n");
            foreach (var f in result.Findings)
            {
                sb.Append("<tr class=\"").Append(f.Severity.ToString().ToLowerInvariant()).Append("\"><td>").Append(H(Label(f.Severity))).Append("</td><td>").Append(H(f.Key))
                  .Append("</td><td>").Append(H(f.DistrictName)).Append("</td><td>").Append(H(f.Column)).Append("</td><td>").Append(H(f.Cell ?? (f.Line is { } l ? "Zeile " + l.ToString(CultureInfo.InvariantCulture) : "")))
                  .Append("</td><td>").Append(H(f.Message)).Append("</td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        sb.Append("<h2>Prüfregeln</h2>\n<ol>\n")
          .Append("<li>Schlüssel: jeder Sozialraum genau einmal; unbekannte Schlüssel mit Hinweis auf den wahrscheinlich gemeinten (z. B. verlorene führende Null).</li>\n")
          .Append("<li>Zellen: Zahlen, „x“ oder „&lt;3“ (an der Quelle geheim gehalten) oder leer; Anzahlen ganz und nicht negativ.</li>\n")
          .Append("<li>Zähler höchstens so groß wie der Nenner (Nenner aus derselben Lieferung oder aus dem Atlas).</li>\n")
          .Append("<li>Summenzeilen (z. B. Gemeinden): die Sozialräume ergeben die Summe; bei geheim gehaltenen Zellen als Untergrenze.</li>\n")
          .Append("<li>Zeitreihe: auffällig ist eine Änderung, die mehr als k = 5 skalierte mittlere absolute Abweichungen (MAD) von der üblichen Änderung des Bezirks abweicht und zugleich über dem Zählrauschen 3·√(2·(Vorjahr+1)) liegt.</li>\n")
          .Append("</ol>\n<p><small>Blockierende Befunde verhindern die Annahme; Warnungen und Hinweise nicht. Erstellt mit GeoPrevention.</small></p>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static List<(string Name, string Value)> Overview(IntakeResult result, DeliveryLogEntry? accepted, DateTimeOffset checkedAt)
    {
        var list = new List<(string, string)>
        {
            ("Datei", Path.GetFileName(result.SourcePath)),
            ("SHA-256", result.SourceSha256),
            ("Format", result.Format),
            ("Eingang (Dateidatum, UTC)", result.ReceivedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            ("Geprüft (UTC)", checkedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            ("Lieferant", result.Supplier is { } s ? $"{s.Label} ({s.Id})" : "nicht erkannt"),
            ("Tabelle", result.Table?.Id ?? "–"),
            ("Jahr", result.Year?.ToString(CultureInfo.InvariantCulture) ?? "–"),
            ("Sozialräume", result.Rows.Count.ToString(German)),
            ("Spalten", string.Join(", ", result.Columns)),
            ("Befunde", $"{result.Count(IntakeSeverity.Blocking)} blockierend, {result.Count(IntakeSeverity.Warning)} Warnungen, {result.Count(IntakeSeverity.Info)} Hinweise"),
        };
        if (accepted is not null)
        {
            list.Add(("Angenommen als", $"{accepted.Id} ({accepted.File}), {accepted.AcceptedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC" + (accepted.DeliveredBy is { } by ? $", geliefert von {by}" : "")));
        }

        return list;
    }
}
