using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GeoPrevention.Geo.IO;
using GeoPrevention.MapHost.Cli;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.MapHost.Tests.Cli;

/// <summary>
/// One complete report of the demo atlas (small maps to keep the run short), written once for the class; each test
/// checks one part of it.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed partial class ReportCommandTests
{
    private static string _folder = "";
    private static (int Exit, string Out, string Err) _run;

    [ClassInitialize]
    public static void WriteReport(TestContext context)
    {
        _folder = Path.Combine(TestPaths.NewTempDirectory(), "bericht");
        _run = CliRunner.Run("report", CliRunner.DemoAtlasPath, "--out", _folder, "--width", "240", "--height", "180", "--dpi", "48", "--data-date", "2025-12-31");
    }

    [TestMethod]
    public void Report_DemoAtlas_ExitsZeroWithPlainProgressLines()
    {
        Assert.AreEqual(ExitCodes.Ok, _run.Exit, _run.Err);
        Assert.Contains("Karten (PNG): 308/308", _run.Out);
        Assert.Contains("308 PNG maps", _run.Out);
        Assert.AreEqual("", _run.Err);
    }

    [TestMethod]
    public void Report_DemoAtlas_HasEveryMapTableAndManifest()
    {
        var atlas = CliRunner.DemoAtlas;
        var expected = new List<string> { "index.html", "atlas_2025.pdf", "freigabeprotokoll.json", "freigabeprotokoll.txt", "tabellen/werte.xlsx", "tabellen/datenstand.csv", "zielerreichung.pdf", "zielerreichung.html" };
        foreach (var ind in atlas.Manifest.Indicators)
        {
            foreach (var area in new[] { "kreis", "ahlen", "beckum", "oelde" })
            {
                expected.AddRange(atlas.Years.Select(y => $"karten/{ind.Id}/{area}_{y}.png"));
                expected.Add($"karten/{ind.Id}/{area}_2025.pdf");
            }
        }

        foreach (var layer in new[] { "sozialraeume", "gemeinden", "jugendamtsbezirke", "kreis" })
        {
            expected.Add($"tabellen/{layer}.csv");
            expected.Add($"geodaten/{layer}_2025.geojson");
        }

        var actual = Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(expected.Order(StringComparer.Ordinal).ToList(), actual);
        Assert.HasCount(7 * 11 * 4 + 7 * 4 + 4 + 4 + 6 + 2, actual);
        Assert.IsFalse(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(_folder)!).Any(e => e.EndsWith(".tmp", StringComparison.Ordinal)), "no temporary folder may remain");
    }

    [TestMethod]
    public void Report_PdfAtlas_HasOnePagePerMapOfTheLatestYear()
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(_folder, "atlas_2025.pdf")));

        Assert.StartsWith("%PDF-", text);
        Assert.AreEqual(7 * 4, PageRegex().Count(text));
    }

    [TestMethod]
    public void Report_IndexHtml_LinksEveryFileAndLoadsNothingExternal()
    {
        var html = File.ReadAllText(Path.Combine(_folder, "index.html"));
        var links = LinkRegex().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("<html lang=\"de\">", html);
        Assert.DoesNotContain("http:", html);
        Assert.DoesNotContain("https:", html);
        foreach (var link in links)
        {
            Assert.IsTrue(File.Exists(Path.Combine(_folder, link)), $"index.html links the missing file '{link}'");
        }

        var files = Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_folder, f).Replace('\\', '/')).Where(f => f != "index.html");
        Assert.IsEmpty(files.Except(links), "every file of the report is linked from index.html");
    }

    [TestMethod]
    public void Report_IndexHtml_NamesDataDateAndVintagePerIndicatorAndYear()
    {
        var html = File.ReadAllText(Path.Combine(_folder, "index.html"));

        Assert.Contains("<th>Datenstand und Herkunft</th>", html);
        Assert.Contains("<td>2019</td><td>Datenstand 31.12.2019, Grundtabelle sozialraeume_2015_2025.csv</td>", html);
    }

    [TestMethod]
    public void IndexHtml_DeliveredYear_NamesTheDelivery()
    {
        var atlasPath = CliRunner.CopyDemoAtlas();
        var check = GeoPrevention.Analytics.Collection.IntakeCheck.Check(GeoPrevention.Analytics.Atlas.AtlasData.Load(atlasPath), IntakeCommandTests.JugendamtCsv(atlasPath));
        GeoPrevention.Analytics.Collection.DeliveryStore.Accept(check, new GeoPrevention.Analytics.Collection.DeliveryAcceptOptions { AcceptedAt = new DateTimeOffset(2027, 3, 2, 9, 0, 0, TimeSpan.Zero) });
        var atlas = GeoPrevention.Analytics.Atlas.AtlasData.Load(atlasPath);

        var html = AtlasReport.IndexHtml(atlas, [null], [atlas.Manifest.Layers[0]], new DateOnly(2026, 12, 31));

        Assert.Contains("<td>2026</td><td>Datenstand 31.12.2026, Lieferung jugendamt 2027-03-02</td>", html);
        Assert.Contains("<p class=\"stand\">Datenstand 31.12.2026, Lieferung jugendamt 2027-03-02</p>", html);
    }

    [TestMethod]
    public void Report_Csv_IsGermanAndShowsEveryWithheldValueAsDot()
    {
        var atlas = CliRunner.DemoAtlas;
        var expectedHeader = new[] { "schluessel", "name", "uebergeordnet", "jahr" }.Concat(atlas.Manifest.Indicators.SelectMany(i => new[] { i.Id, i.Id + "_ki_unten", i.Id + "_ki_oben" })).ToList();
        var withheld = 0;
        foreach (var layerId in new[] { "sozialraeume", "gemeinden", "jugendamtsbezirke", "kreis" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(_folder, "tabellen", layerId + ".csv"));
            CollectionAssert.AreEqual(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3], "UTF-8 BOM");
            var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var header = lines[0].Split(';');
            CollectionAssert.AreEqual(expectedHeader, header, "rates and intervals only, no count column");
            var rows = lines.Skip(1).Select(l => l.Split(';')).ToDictionary(r => (r[0], int.Parse(r[3], CultureInfo.InvariantCulture)));
            Assert.HasCount(atlas.GetLayer(layerId).Count * atlas.Years.Count, rows);
            foreach (var ind in atlas.Manifest.Indicators)
            {
                var col = Array.IndexOf(header, ind.Id);
                foreach (var year in atlas.Years)
                {
                    foreach (var v in atlas.GetValues(layerId, ind.Id, year).Values)
                    {
                        var cells = rows[(v.Key, year)];
                        if (v.Value.IsPublished)
                        {
                            // Values are written with up to four decimals and a decimal comma (so within half a unit of 1e-4).
                            Assert.AreEqual(v.Value.Value!.Value, double.Parse(cells[col], CultureInfo.GetCultureInfo("de-DE")), 0.5e-4 + 1e-12, $"{layerId} {v.Key} {year} {ind.Id}");
                        }
                        else
                        {
                            withheld++;
                            var marker = v.Value.Status == GeoPrevention.Analytics.Privacy.CellStatus.Undefined ? "x" : ".";
                            Assert.AreEqual(marker, cells[col], $"{layerId} {v.Key} {year} {ind.Id}");
                            Assert.AreEqual(marker, cells[col + 1]);
                            Assert.AreEqual(marker, cells[col + 2]);
                        }
                    }
                }
            }
        }

        Assert.IsGreaterThan(100, withheld, "the demo has many withheld values, so the check is not vacuous");
        Assert.Contains("05570004-01;Ahlen Innenstadt;05570004;2015;", File.ReadAllText(Path.Combine(_folder, "tabellen", "sozialraeume.csv")));
    }

    [TestMethod]
    public void Report_Xlsx_KeepsKeysAsTextAndShowsEveryWithheldValueAsDot()
    {
        var atlas = CliRunner.DemoAtlas;
        using var document = SpreadsheetDocument.Open(Path.Combine(_folder, "tabellen", "werte.xlsx"), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.HasCount(5, sheets);
        Assert.AreEqual("Datenstand", sheets[^1].Name!.Value, "data date and vintage per indicator and year");
        var sheet = sheets.Single(s => s.Name == "Sozialräume");
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().ToList()).ToList();
        var header = rows[0].Select(CellText).ToList();
        var byKey = rows.Skip(1).ToDictionary(r => (CellText(r[0]), int.Parse(CellText(r[3]), CultureInfo.InvariantCulture)));
        Assert.AreEqual(DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString, rows[1][0].DataType!.Value, "keys are text cells");
        Assert.AreEqual("05570004-01", CellText(rows[1][0]));
        var withheld = 0;
        foreach (var ind in atlas.Manifest.Indicators)
        {
            var col = header.IndexOf(ind.Id);
            foreach (var year in atlas.Years)
            {
                foreach (var v in atlas.GetValues("sozialraeume", ind.Id, year).Values)
                {
                    var cell = byKey[(v.Key, year)][col];
                    if (v.Value.IsPublished)
                    {
                        Assert.AreEqual(v.Value.Value!.Value, double.Parse(CellText(cell), CultureInfo.InvariantCulture), 1e-9);
                    }
                    else
                    {
                        withheld++;
                        Assert.IsTrue(CellText(cell) is "." or "x", $"{v.Key} {year} {ind.Id}: '{CellText(cell)}'");
                    }
                }
            }
        }

        Assert.IsGreaterThan(100, withheld);
    }

    [TestMethod]
    public void Report_ProvenanceCsv_NamesDataDateAndVintagePerIndicatorAndYear()
    {
        var atlas = CliRunner.DemoAtlas;
        var bytes = File.ReadAllBytes(Path.Combine(_folder, "tabellen", "datenstand.csv"));
        CollectionAssert.AreEqual(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.AreEqual("indikator;bezeichnung;tabelle;jahr;datenstand;herkunft;staende;text", lines[0]);
        Assert.HasCount(1 + (7 * 11), lines, "one row per indicator and year");
        // The demo atlas has no deliveries: every year comes from the base table, with the manifest's "31.12. des Jahres".
        Assert.AreEqual($"kita_u3;{atlas.Manifest.FindIndicator("kita_u3")!.Label};sozialraumdaten;2019;31.12.2019;Grundtabelle sozialraeume_2015_2025.csv;sozialraeume_2015_2025.csv;Datenstand 31.12.2019, Grundtabelle sozialraeume_2015_2025.csv", lines.Single(l => l.StartsWith("kita_u3;", StringComparison.Ordinal) && l.Contains(";2019;", StringComparison.Ordinal)));
        Assert.Contains("href=\"tabellen/datenstand.csv\"", File.ReadAllText(Path.Combine(_folder, "index.html")));
    }

    [TestMethod]
    public void Report_GeoJson_HasNullForEveryWithheldValue()
    {
        foreach (var layerId in new[] { "sozialraeume", "gemeinden" })
        {
            var layer = VectorLayerReader.Read(Path.Combine(_folder, "geodaten", $"{layerId}_2025.geojson"));
            ExportCommandTests.AssertValuesMatchAtlas(layer, layerId, 2025);
        }
    }

    [TestMethod]
    public void Report_ReleaseManifest_ListsSuppressedCellsAndDataDate()
    {
        var json = File.ReadAllText(Path.Combine(_folder, "freigabeprotokoll.json"));
        var manifest = GeoPrevention.Analytics.Privacy.ReleaseManifest.FromJson(json);
        var stats = CliRunner.DemoAtlas.View.Suppression.Statistics;

        Assert.AreEqual(new DateOnly(2025, 12, 31), manifest.DataDate);
        Assert.AreEqual(3, manifest.Rules.Threshold);
        Assert.AreEqual(stats.Sum(s => s.Primary), manifest.Tables.Sum(t => t.Primary));
        Assert.Contains("Freigabeprotokoll", File.ReadAllText(Path.Combine(_folder, "freigabeprotokoll.txt")));
    }

    [TestMethod]
    public void Report_ExistingFolderWithoutForce_ExitsFourAndLeavesItUntouched()
    {
        var dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "alt.txt"), "alter Bericht");

        var (exit, _, stderr) = CliRunner.Run("report", CliRunner.DemoAtlasPath, "--out", dir);

        Assert.AreEqual(ExitCodes.OutputError, exit);
        Assert.Contains("--force", stderr);
        Assert.AreEqual("alter Bericht", File.ReadAllText(Path.Combine(dir, "alt.txt")));
        Assert.HasCount(1, Directory.GetFileSystemEntries(dir));
    }

    [TestMethod]
    public void Report_FailingMidway_LeavesNoFolderBehind()
    {
        // An area preset whose key matches no district: AtlasMaps.Build fails for its maps while other maps are
        // already written into the temporary folder.
        var atlas = CliRunner.CopyDemoAtlas();
        File.WriteAllText(atlas, File.ReadAllText(atlas).Replace(
            "{ \"id\": \"oelde\",",
            "{ \"id\": \"leer\", \"label\": \"Leer\", \"layer\": \"gemeinden\", \"keys\": [\"05570999\"] },\n      { \"id\": \"oelde\",",
            StringComparison.Ordinal));
        var parent = TestPaths.NewTempDirectory();
        var output = Path.Combine(parent, "bericht");

        var (exit, _, stderr) = CliRunner.Run("report", atlas, "--out", output, "--width", "240", "--height", "180", "--dpi", "48");

        Assert.AreNotEqual(ExitCodes.Ok, exit);
        Assert.Contains("'leer'", stderr);
        Assert.IsEmpty(Directory.GetFileSystemEntries(parent), "neither the report folder nor its temporary folder may remain");
    }

    private static string CellText(Cell cell) => cell.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    [GeneratedRegex(@"/Type /Page\b")]
    private static partial Regex PageRegex();

    [GeneratedRegex("(?:href|src)=\"([^\"]+)\"")]
    private static partial Regex LinkRegex();
}
