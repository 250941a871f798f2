using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GeoPrevention.Analytics.Collection;
using GeoPrevention.MapHost.Cli;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.MapHost.Tests.Cli;

/// <summary><c>geoprevention intake</c>: exit codes, the German report (HTML and xlsx), accepting into the delivery log.</summary>
[TestClass]
[DoNotParallelize]
public sealed class IntakeCommandTests
{
    /// <summary>
    /// A Jugendamt delivery for 2026 as a Windows-1252 CSV (names with umlauts), built from the demo's 2025 values × 1.02.
    /// </summary>
    internal static string JugendamtCsv(string atlasPath, Action<List<string[]>>? spoil = null)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var lines = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(atlasPath)!, "indicators", "sozialraeume_2015_2025.csv"));
        var header = lines[0].TrimStart('\uFEFF').Split(';');
        var (key, year, hze, kita) = (Array.IndexOf(header, "sozialraum"), Array.IndexOf(header, "jahr"), Array.IndexOf(header, "hze_faelle"), Array.IndexOf(header, "kita_u3"));
        var rows = lines.Skip(1).Select(l => l.Split(';')).Where(c => c[year] == "2025")
            .Select(c => new[] { c[key], "Sozialraum Süd-Ost (Bürgerhäuser)", "2026", Scale(c[hze]), Scale(c[kita]) }).ToList();
        spoil?.Invoke(rows);
        var path = Path.Combine(TestPaths.NewTempDirectory(), "jugendamt_2026.csv");
        var text = "sozialraum;name;jahr;hze_faelle;kita_u3\r\n" + string.Concat(rows.Select(r => string.Join(';', r) + "\r\n"));
        File.WriteAllBytes(path, Encoding.GetEncoding(1252).GetBytes(text));
        return path;

        static string Scale(string v) => Math.Round(double.Parse(v, CultureInfo.InvariantCulture) * 1.02).ToString(CultureInfo.InvariantCulture);
    }

    private static SortedDictionary<string, string> Snapshot(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    [TestMethod]
    public void Report_DeliveryChanged_HasItsOwnExitCodeSixNotTheInternalSeventy()
    {
        var changed = new DeliveryChangedException("jugendamt_2026.xlsx", new string('a', 64), new string('b', 64));

        Assert.AreEqual(6, ExitCodes.DeliveryChanged);
        Assert.AreEqual(ExitCodes.DeliveryChanged, ExitCodes.Report(changed));
        Assert.AreEqual(ExitCodes.Internal, ExitCodes.Report(new InvalidOperationException("other")), "only the changed delivery gets 6");
        Assert.AreEqual("Die Lieferung 'jugendamt_2026.xlsx' wurde nach der Eingangsprüfung verändert (SHA-256 bei der Prüfung aaaaaaaaaaaa…, jetzt bbbbbbbbbbbb…); nichts wurde angenommen. Bitte die Datei erneut prüfen und annehmen.", changed.Message);
    }

    [TestMethod]
    public void Intake_FaultyDelivery_ExitRejectedWithGermanReportAndNothingWritten()
    {
        var atlas = CliRunner.CopyDemoAtlas();
        var atlasDir = Path.GetDirectoryName(atlas)!;
        var file = JugendamtCsv(atlas, rows =>
        {
            rows[0][0] = "5570004-01";
            rows[5][3] = "viele";
        });
        var before = Snapshot(atlasDir);
        var reportDir = Path.Combine(TestPaths.NewTempDirectory(), "bericht");

        var (exit, stdout, stderr) = CliRunner.Run("intake", atlas, file, "--accept", "--report", reportDir);

        Assert.AreEqual(ExitCodes.DeliveryRejected, exit, stdout + stderr);
        Assert.Contains("Lieferant: Jugendämter im Kreis Warendorf (Kreis, Ahlen, Beckum, Oelde) (jugendamt)", stdout);
        Assert.Contains("[blockierend] 5570004-01 Sozialraum Süd-Ost (Bürgerhäuser), sozialraum, A2: Unbekannter Schlüssel 5570004-01", stdout);
        Assert.Contains("Gemeint ist wohl 05570004-01", stdout);
        Assert.Contains(", hze_faelle, D7: Keine Zahl in „hze_faelle“: „viele“", stdout);
        Assert.Contains("[Hinweis] CSV statt Vorlage", stdout);
        Assert.Contains("not accepted", stderr);
        CollectionAssert.AreEqual(before.ToList(), Snapshot(atlasDir).ToList(), "a rejected delivery writes nothing into the atlas folder");

        var html = File.ReadAllText(Path.Combine(reportDir, IntakeReport.HtmlName));
        Assert.Contains("<html lang=\"de\">", html);
        Assert.Contains("Nicht annehmbar", html);
        Assert.Contains("Führende Null verloren?", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        using var xlsx = SpreadsheetDocument.Open(Path.Combine(reportDir, IntakeReport.XlsxName), false);
        var sheets = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        CollectionAssert.AreEqual(new[] { "Übersicht", "Befunde" }, sheets);
        var befunde = (WorksheetPart)xlsx.WorkbookPart.GetPartById(xlsx.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Last().Id!);
        var texts = befunde.Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
        Assert.Contains("5570004-01", texts);
        Assert.Contains("hze_faelle", texts);
    }

    [TestMethod]
    public void Intake_CleanDeliveryWithAccept_ExitOkAndLogged()
    {
        var atlas = CliRunner.CopyDemoAtlas();
        var file = JugendamtCsv(atlas);

        var (exit, stdout, stderr) = CliRunner.Run("intake", atlas, file, "--accept", "--by", "Jugendamt Ahlen");

        Assert.AreEqual(ExitCodes.Ok, exit, stdout + stderr);
        Assert.Contains("Angenommen als Stand jugendamt_", stdout);
        var log = DeliveryLog.Read(Path.GetDirectoryName(atlas)!);
        Assert.HasCount(1, log.Deliveries);
        Assert.AreEqual("Jugendamt Ahlen", log.Deliveries[0].DeliveredBy);
        Assert.AreEqual(2026, log.Deliveries[0].Year);
        Assert.AreEqual("jugendamt_2026.csv", log.Deliveries[0].SourceFile);
        Assert.IsTrue(File.Exists(Path.Combine(Path.GetDirectoryName(atlas)!, log.Deliveries[0].File)));
    }

    [TestMethod]
    public void Intake_CleanDeliveryWithoutAccept_ExitOkAndNothingWritten()
    {
        var atlas = CliRunner.CopyDemoAtlas();
        var before = Snapshot(Path.GetDirectoryName(atlas)!);

        var (exit, stdout, _) = CliRunner.Run("intake", atlas, JugendamtCsv(atlas), "--supplier", "jugendamt", "--year", "2026");

        Assert.AreEqual(ExitCodes.Ok, exit, stdout);
        Assert.Contains("Annehmbar (mit --accept übernehmen).", stdout);
        CollectionAssert.AreEqual(before.ToList(), Snapshot(Path.GetDirectoryName(atlas)!).ToList());
    }

    [TestMethod]
    public void Intake_UnknownSupplier_UsageError()
    {
        var atlas = CliRunner.CopyDemoAtlas();

        var (exit, _, stderr) = CliRunner.Run("intake", atlas, JugendamtCsv(atlas), "--supplier", "polizei");

        Assert.AreEqual(ExitCodes.Usage, exit);
        Assert.Contains("Unknown supplier 'polizei'", stderr);
    }
}
