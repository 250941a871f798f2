using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Collection;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.MapHost.Cli;
using GeoPrevention.Rendering;
using GeoPrevention.Rendering.Atlas;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.MapHost.Tests.Cli;

/// <summary>
/// Issue 11, "must show" (a): templates for the year after the demo atlas's last year, filled programmatically with
/// last year's values × 1.02, go through <c>geoprevention intake --accept</c> for every supplier; the atlas then has one
/// more year, and a map of that year renders through AtlasMaps and the PNG renderer.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class CollectionRoundTripTests
{
    [TestMethod]
    public void Templates_FilledAndAccepted_AtlasGainsAYearThatRenders()
    {
        var atlasPath = CliRunner.CopyDemoAtlas();
        var atlas = AtlasData.Load(atlasPath);
        var last = atlas.Years[^1];
        var year = last + 1;
        var templates = SupplierTemplates.Write(atlas, year, TestPaths.NewTempDirectory(), new TemplateOptions { Formats = TemplateFormats.Xlsx });
        Assert.HasCount(atlas.Manifest.Suppliers.Count, templates.Templates);

        foreach (var t in templates.Templates)
        {
            Fill(atlas, t.XlsxPath!, last);
            var (exit, stdout, stderr) = CliRunner.Run("intake", atlasPath, t.XlsxPath!, "--accept", "--by", "Testlauf");
            Assert.AreEqual(ExitCodes.Ok, exit, stdout + stderr);
            Assert.Contains($"Lieferant: {atlas.Manifest.FindSupplier(t.SupplierId)!.Label}", stdout);
            Assert.Contains("Angenommen als Stand " + t.SupplierId + "_", stdout);
        }

        var grown = AtlasData.Load(atlasPath);
        CollectionAssert.AreEqual(atlas.Years.Append(year).ToArray(), grown.Years.ToArray());
        Assert.HasCount(templates.Templates.Count, DeliveryLog.Read(Path.GetDirectoryName(atlasPath)!).Deliveries);
        var ahlen = grown.GetValues("gemeinden", "sgb2_u15", year).Values.Single(v => v.Key == "05570004");
        Assert.IsTrue(ahlen.Value.IsPublished);
        Assert.AreEqual(grown.GetValues("gemeinden", "sgb2_u15", last).Values.Single(v => v.Key == "05570004").Value.Value!.Value, ahlen.Value.Value!.Value, 0.2, "numerator and denominator grew alike");

        var spec = AtlasMaps.Build(grown, new AtlasMapRequest { Indicator = "sgb2_u15", Year = year, Area = "ahlen", Page = PageSize.FromPixels(480, 360, 72) });
        StringAssert.StartsWith(spec.DataDate, $"31.12.{year} (Lieferung einwohnermeldeaemter ", StringComparison.Ordinal);
        StringAssert.Contains(spec.DataDate, " und Lieferung jobcenter ", StringComparison.Ordinal);
        var png = Path.Combine(TestPaths.NewTempDirectory(), $"ahlen_{year}.png");
        MapRenderer.RenderToFile(spec, png, MapFormat.Png);
        CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(png)[..4]);
        Assert.IsTrue(new FileInfo(png).Length > 2000);
    }

    /// <summary>Writes last year's base values × 1.02 (rounded) into the template's empty value cells; suppressed stays "x".</summary>
    private static void Fill(AtlasData atlas, string path, int lastYear)
    {
        var supplier = atlas.Manifest.Suppliers.Single(s => path.EndsWith(Path.DirectorySeparatorChar + s.Id + "_" + (lastYear + 1).ToString(CultureInfo.InvariantCulture) + ".xlsx", StringComparison.Ordinal));
        var spec = atlas.Manifest.FindTable(supplier.Table)!;
        var table = TableReader.ReadCsv(atlas.Manifest.ResolvePath(spec.File), new CsvReadOptions { Columns = new TableColumnOptions { KeyColumns = [spec.Key], YearColumn = spec.Year } }).FilterYear(spec.Year, lastYear);
        var keys = table.GetText(spec.Key);
        var rowOf = Enumerable.Range(0, table.RowCount).ToDictionary(r => keys[r]!, r => r, StringComparer.Ordinal);
        using var doc = SpreadsheetDocument.Open(path, true);
        var wb = doc.WorkbookPart!;
        var strings = wb.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray();
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Daten");
        var data = ((WorksheetPart)wb.GetPartById(sheet.Id!.Value!)).Worksheet.GetFirstChild<SheetData>()!;
        foreach (var row in data.Elements<Row>().Skip(1))
        {
            var cells = row.Elements<Cell>().ToList();
            var key = strings[int.Parse(cells[0].CellValue!.Text, CultureInfo.InvariantCulture)];
            var r = rowOf[key];
            for (var c = 0; c < supplier.Columns.Count; c++)
            {
                var cell = cells[3 + c];
                var column = supplier.Columns[c].Column;
                if (table.GetStatus(column, r) == CellStatus.Value)
                {
                    cell.CellValue = new CellValue(Math.Round(table.GetNumbers(column)[r] * 1.02).ToString(CultureInfo.InvariantCulture));
                    cell.DataType = CellValues.Number;
                }
                else
                {
                    cell.InlineString = new InlineString(new Text("x"));
                    cell.DataType = CellValues.InlineString;
                }
            }
        }

        doc.Save();
    }
}
