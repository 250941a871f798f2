using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Collection;
using GeoPrevention.Analytics.Privacy;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Collection;

/// <summary>
/// Templates for the demo atlas's suppliers, read back with the Open XML SDK and the table reader. Expected values come
/// from data/indicators/sozialraeume_2015_2025.csv (read here with a plain split) and the atlas's privacy rules
/// (threshold 3).
/// </summary>
[TestClass]
public sealed class SupplierTemplatesTests
{
    private static readonly Lazy<AtlasData> Demo = new(() => AtlasData.Load(TestPaths.Repo("data", "atlas.json")));

    /// <summary>A supplier with one column of each type (kinder_u6 as an amount, haushalte as a number) for the validation rules.</summary>
    private static readonly Lazy<AtlasData> MixedTypes = new(() =>
    {
        var manifest = AtlasLoader.Load(TestPaths.Repo("data", "atlas.json"));
        var supplier = new AtlasSupplier
        {
            Id = "gemischt",
            Label = "Testlieferant",
            Table = "sozialraumdaten",
            Due = "09-15",
            PreviousYear = true,
            Columns =
            [
                new AtlasSupplierColumn { Column = "einwohner", Label = "Einwohner", Unit = "Personen", Definition = "Einwohner am 31.12." },
                new AtlasSupplierColumn { Column = "kinder_u6", Label = "Betrag", Unit = "Euro", Definition = "Ein Betrag", Type = AtlasValueType.Amount },
                new AtlasSupplierColumn { Column = "haushalte", Label = "Saldo", Definition = "Eine Zahl", Type = AtlasValueType.Number },
            ],
        };
        return AtlasData.Load(manifest with { Suppliers = [supplier] });
    });

    private static Dictionary<(string Key, int Year), Dictionary<string, string>> DemoCsv()
    {
        var lines = File.ReadAllLines(TestPaths.Repo("data", "indicators", "sozialraeume_2015_2025.csv"));
        var header = lines[0].TrimStart('\uFEFF').Split(';');
        return lines.Skip(1).Select(l => header.Zip(l.Split(';')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))
            .ToDictionary(r => (r["sozialraum"], int.Parse(r["jahr"], CultureInfo.InvariantCulture)));
    }

    private static (TemplateResult Result, string Folder) WriteOne(string supplier, int year = 2026, AtlasData? atlas = null)
    {
        var folder = TestPaths.NewTempDirectory();
        var result = SupplierTemplates.Write(atlas ?? Demo.Value, year, folder, new TemplateOptions { Supplier = supplier });
        return (result, folder);
    }

    [TestMethod]
    public void Write_DemoAtlas_OneWorkbookAndOneCsvPerSupplier()
    {
        var folder = TestPaths.NewTempDirectory();

        var result = SupplierTemplates.Write(Demo.Value, 2026, folder);

        CollectionAssert.AreEquivalent(
            new[] { "einwohnermeldeaemter_2026.xlsx", "einwohnermeldeaemter_2026.csv", "jobcenter_2026.xlsx", "jobcenter_2026.csv", "gesundheitsamt_2026.xlsx", "gesundheitsamt_2026.csv", "jugendamt_2026.xlsx", "jugendamt_2026.csv" },
            Directory.GetFiles(folder).Select(Path.GetFileName).ToArray(),
            "no temporary file is left behind");
        Assert.HasCount(4, result.Templates);
        var jobcenter = result.Templates.Single(t => t.SupplierId == "jobcenter");
        Assert.AreEqual(54, jobcenter.Districts);
        Assert.AreEqual(new DateOnly(2027, 6, 30), jobcenter.DueDate);
        Assert.AreEqual(2025, jobcenter.PreviousYear);
        CollectionAssert.AreEqual(new[] { "kinder_u15_sgb2" }, jobcenter.Columns.ToArray());
        Assert.AreEqual(Path.Combine(folder, "jobcenter_2026.xlsx"), jobcenter.XlsxPath);
        Assert.IsEmpty(result.Notes);
    }

    [TestMethod]
    public void Xlsx_DataSheet_HeaderIdsAndKeysAsTextWithLeadingZeros()
    {
        var (result, _) = WriteOne("gesundheitsamt");
        using var file = new TemplateFile(result.Templates[0].XlsxPath!);

        CollectionAssert.AreEqual(new[] { "Daten", "Anleitung", "Vorjahr" }, file.SheetNames.ToArray());
        var rows = file.Rows("Daten");
        CollectionAssert.AreEqual(new[] { "sozialraum", "name", "jahr", "seu_untersucht", "seu_sprache", "seu_motorik", "seu_uebergewicht" }, rows[0].Values.ToArray());
        var expectedKeys = Demo.Value.GetLayer("sozialraeume").Districts.Select(d => d.Key).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(expectedKeys, rows.Skip(1).Select(r => r["A"]).ToArray());
        Assert.AreEqual("Tönnishäuschen", rows.Single(r => r["A"] == "05570004-09")["B"]);

        var key = file.Cell("Daten", "A2")!;
        Assert.AreEqual(CellValues.SharedString, key.DataType!.Value);
        Assert.AreEqual(49u, file.NumberFormatOf(key), "key cells have the text format @");
        Assert.AreEqual("05570004-01", file.TextOf(key));
        var year = file.Cell("Daten", "C55")!;
        Assert.IsNull(year.DataType, "the year is a number cell");
        Assert.AreEqual("2026", year.CellValue!.Text);
        Assert.IsNull(file.Cell("Daten", "D2")!.CellValue, "value cells are empty");
    }

    [TestMethod]
    public void Xlsx_DataValidations_WholeNumberAtLeastZeroOnEveryCountColumn()
    {
        var (result, _) = WriteOne("gesundheitsamt");
        using var file = new TemplateFile(result.Templates[0].XlsxPath!);

        var validations = file.Part("Daten").Worksheet.Descendants<DataValidation>().ToList();

        CollectionAssert.AreEqual(new[] { "D2:D55", "E2:E55", "F2:F55", "G2:G55" }, validations.Select(v => v.SequenceOfReferences!.InnerText).ToArray());
        foreach (var v in validations)
        {
            Assert.AreEqual(DataValidationValues.Whole, v.Type!.Value);
            Assert.AreEqual(DataValidationOperatorValues.GreaterThanOrEqual, v.Operator!.Value);
            Assert.AreEqual("0", v.Formula1!.Text);
            Assert.IsTrue(v.ShowErrorMessage!.Value);
            Assert.AreEqual(DataValidationErrorStyleValues.Warning, v.ErrorStyle!.Value, "x and <3 can still be confirmed");
            StringAssert.Contains(v.Error!.Value, "ganze Zahl ab 0", StringComparison.Ordinal);
            StringAssert.Contains(v.Error!.Value, "x oder <3", StringComparison.Ordinal);
        }

        Assert.AreEqual("Untersuchte Kinder", validations[0].PromptTitle!.Value);
    }

    [TestMethod]
    public void Xlsx_DataValidations_DecimalForAmountsAndNumbers()
    {
        var (result, _) = WriteOne("gemischt", atlas: MixedTypes.Value);
        using var file = new TemplateFile(result.Templates[0].XlsxPath!);

        var v = file.Part("Daten").Worksheet.Descendants<DataValidation>().ToDictionary(x => x.SequenceOfReferences!.InnerText!);

        Assert.AreEqual(DataValidationValues.Whole, v["D2:D55"].Type!.Value);
        Assert.AreEqual(DataValidationValues.Decimal, v["E2:E55"].Type!.Value);
        Assert.AreEqual(DataValidationOperatorValues.GreaterThanOrEqual, v["E2:E55"].Operator!.Value);
        Assert.AreEqual("0", v["E2:E55"].Formula1!.Text);
        StringAssert.Contains(v["E2:E55"].Error!.Value, "Zahl ab 0", StringComparison.Ordinal);
        Assert.AreEqual(DataValidationValues.Decimal, v["F2:F55"].Type!.Value);
        Assert.AreEqual(DataValidationOperatorValues.Between, v["F2:F55"].Operator!.Value);
        Assert.AreEqual(4u, file.NumberFormatOf(file.Cell("Daten", "E2")!), "amounts are formatted #,##0.00");
    }

    [TestMethod]
    public void Xlsx_HeaderComments_CarryLabelUnitAndDefinition()
    {
        var (result, _) = WriteOne("gesundheitsamt");
        using var file = new TemplateFile(result.Templates[0].XlsxPath!);
        var supplier = Demo.Value.Manifest.FindSupplier("gesundheitsamt")!;

        var part = file.Part("Daten");
        var comments = part.WorksheetCommentsPart!.Comments.Descendants<Comment>().ToDictionary(c => c.Reference!.Value!, c => c.InnerText);

        CollectionAssert.AreEqual(new[] { "D1", "E1", "F1", "G1" }, comments.Keys.ToArray());
        for (var i = 0; i < supplier.Columns.Count; i++)
        {
            var text = comments[TemplateWorkbookColumn(3 + i) + "1"];
            StringAssert.StartsWith(text, supplier.Columns[i].Label, StringComparison.Ordinal);
            StringAssert.Contains(text, "Einheit: Kinder", StringComparison.Ordinal);
            StringAssert.Contains(text, "Definition: " + supplier.Columns[i].Definition, StringComparison.Ordinal);
        }

        Assert.IsNotNull(part.VmlDrawingParts.SingleOrDefault(), "Excel needs the VML drawing to show the notes");
        Assert.IsNotNull(part.Worksheet.GetFirstChild<LegacyDrawing>());
    }

    [TestMethod]
    public void Xlsx_Anleitung_HasSupplierDueDateDataDateDefinitionsAndMarks()
    {
        var (result, _) = WriteOne("gesundheitsamt");
        using var file = new TemplateFile(result.Templates[0].XlsxPath!);
        var supplier = Demo.Value.Manifest.FindSupplier("gesundheitsamt")!;

        var rows = file.Rows("Anleitung");
        string? Field(string label) => rows.FirstOrDefault(r => r.GetValueOrDefault("A") == label)?.GetValueOrDefault("B");

        Assert.AreEqual("Datenlieferung 2026: Gesundheitsamt Kreis Warendorf (Schuleingangsuntersuchung)", rows[0]["A"]);
        Assert.AreEqual(supplier.Label, Field("Lieferant"));
        Assert.AreEqual("30.04.2027", Field("Abgabe bis"));
        Assert.AreEqual("31.12. des Jahres", Field("Datenstand (Stichtag)"));
        Assert.AreEqual("gesundheitsamt@example.invalid", Field("Ansprechpartner"));
        StringAssert.Contains(Field("Gebietsebene"), "54 Gebiete", StringComparison.Ordinal);
        foreach (var column in supplier.Columns)
        {
            var row = rows.Single(r => r.GetValueOrDefault("A") == column.Column);
            Assert.AreEqual(column.Label, row["B"]);
            Assert.AreEqual("Kinder", row["C"]);
            Assert.AreEqual("ganze Zahl ab 0", row["D"]);
            Assert.AreEqual(column.Definition, row["E"]);
        }

        Assert.IsTrue(rows.Any(r => r.GetValueOrDefault("A") == "x"), "the mark x is explained");
        Assert.IsTrue(rows.Any(r => r.GetValueOrDefault("A") == "<3"), "the mark <3 is explained");
        Assert.IsTrue(rows.Any(r => r.GetValueOrDefault("B", "").StartsWith("Ändern Sie die Spalten „sozialraum“, „name“ und „jahr“ nicht.", StringComparison.Ordinal)), "keys must not be changed");
        Assert.IsTrue(file.Part("Anleitung").Worksheet.GetFirstChild<SheetProtection>()!.Sheet!.Value);
    }

    [TestMethod]
    public void Xlsx_Vorjahr_ShowsPublishedCountsAndWithholdsSmallCounts()
    {
        var (result, _) = WriteOne("jobcenter");
        using var file = new TemplateFile(result.Templates[0].XlsxPath!);
        var csv = DemoCsv();

        var rows = file.Rows("Vorjahr").Skip(1).ToDictionary(r => r["A"]);

        // Tönnishäuschen had 1 child under 15 in SGB II households in 2025 (< threshold 3): withheld, never shown.
        Assert.AreEqual("1", csv[("05570004-09", 2025)]["kinder_u15_sgb2"]);
        Assert.AreEqual(SupplierTemplates.WithheldMark, rows["05570004-09"]["D"]);
        Assert.AreEqual("2025", rows["05570004-09"]["C"]);
        // Ahlen Innenstadt: a large count, published unchanged.
        Assert.AreEqual(csv[("05570004-01", 2025)]["kinder_u15_sgb2"], rows["05570004-01"]["D"]);
        Assert.IsTrue(file.Part("Vorjahr").Worksheet.GetFirstChild<SheetProtection>()!.Sheet!.Value, "the sheet is protected");
    }

    [TestMethod]
    public void Xlsx_Vorjahr_MatchesThePublishableViewCellByCell()
    {
        var folder = TestPaths.NewTempDirectory();
        var atlas = Demo.Value;
        var result = SupplierTemplates.Write(atlas, 2026, folder, new TemplateOptions { Formats = TemplateFormats.Xlsx });

        var withheld = 0;
        foreach (var template in result.Templates)
        {
            using var file = new TemplateFile(template.XlsxPath!);
            foreach (var row in file.Rows("Vorjahr").Skip(1))
            {
                for (var c = 0; c < template.Columns.Count; c++)
                {
                    var shown = row[TemplateWorkbookColumn(3 + c)];
                    var view = atlas.View.Count(new CountCell("sozialraumdaten." + template.Columns[c], AtlasData.UnitKey("sozialraeume", row["A"]), 2025));
                    if (view.IsPublished)
                    {
                        Assert.AreEqual(view.Value!.Value, double.Parse(shown, CultureInfo.InvariantCulture), $"{row["A"]} {template.Columns[c]}");
                        Assert.IsFalse(view.Value is > 0 and < 3, "no published count below the threshold");
                    }
                    else
                    {
                        var mark = view.Status == GeoPrevention.Analytics.Privacy.CellStatus.SuppressedAtSource ? SupplierTemplates.UnavailableMark : SupplierTemplates.WithheldMark;
                        Assert.AreEqual(mark, shown, $"{row["A"]} {template.Columns[c]}");
                        withheld++;
                    }
                }
            }
        }

        Assert.AreEqual(withheld, result.Templates.Sum(t => t.WithheldPreviousValues));
        Assert.IsGreaterThan(0, withheld, "the demo has small counts");
    }

    [TestMethod]
    public void Xlsx_Vorjahr_NonCountColumnsAreNotShown()
    {
        var (result, _) = WriteOne("gemischt", atlas: MixedTypes.Value);
        using var file = new TemplateFile(result.Templates[0].XlsxPath!);

        var ahlen = file.Rows("Vorjahr").Single(r => r["A"] == "05570004-01");

        Assert.AreEqual(DemoCsv()[("05570004-01", 2025)]["einwohner"], ahlen["D"]);
        Assert.AreEqual(SupplierTemplates.NotShownMark, ahlen["E"]);
        Assert.AreEqual(SupplierTemplates.NotShownMark, ahlen["F"]);
    }

    [TestMethod]
    public void Write_PreviousYearNotInAtlas_NoVorjahrSheetAndANote()
    {
        var (result, _) = WriteOne("jobcenter", year: 2030);
        using var file = new TemplateFile(result.Templates[0].XlsxPath!);

        CollectionAssert.AreEqual(new[] { "Daten", "Anleitung" }, file.SheetNames.ToArray());
        Assert.IsNull(result.Templates[0].PreviousYear);
        Assert.AreEqual("jobcenter: no Vorjahr sheet, the year 2029 is not in the atlas.", result.Notes.Single());
        Assert.AreEqual("30.06.2031", file.Rows("Anleitung").Single(r => r.GetValueOrDefault("A") == "Abgabe bis")["B"]);
    }

    [TestMethod]
    public void Xlsx_IsValidOpenXml()
    {
        var (result, _) = WriteOne("einwohnermeldeaemter");
        using var file = new TemplateFile(result.Templates[0].XlsxPath!);

        var errors = new OpenXmlValidator().Validate(file.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.IsEmpty(errors, string.Join("\n", errors));
    }

    [TestMethod]
    public void Xlsx_ReadsBackThroughTableReader_KeysIntactAndValuesMissing()
    {
        var (result, _) = WriteOne("jugendamt");

        var table = TableReader.ReadExcel(result.Templates[0].XlsxPath!, new ExcelReadOptions
        {
            SheetName = SupplierTemplates.DataSheetName,
            Columns = new TableColumnOptions { KeyColumns = ["sozialraum"], YearColumn = "jahr" },
        });

        Assert.AreEqual(54, table.RowCount);
        Assert.AreEqual("05570004-01", table.GetText("sozialraum")[0]);
        Assert.IsTrue(table.GetText("sozialraum").All(k => k!.StartsWith("05570", StringComparison.Ordinal)));
        Assert.IsTrue(table.GetNumbers("jahr").ToArray().All(y => y == 2026));
        Assert.IsTrue(table.HasColumn("hze_faelle") && table.HasColumn("kita_u3"));
    }

    [TestMethod]
    public void Csv_ReadsBackThroughTableReader_KeysIntact()
    {
        var (result, _) = WriteOne("jugendamt");
        var path = result.Templates[0].CsvPath!;

        var table = TableReader.ReadCsv(path, new CsvReadOptions { Columns = new TableColumnOptions { KeyColumns = ["sozialraum"], YearColumn = "jahr" } });

        var bytes = File.ReadAllBytes(path);
        CollectionAssert.AreEqual(Encoding.UTF8.GetPreamble(), bytes[..3], "UTF-8 with BOM");
        Assert.AreEqual("sozialraum;name;jahr;hze_faelle;kita_u3", File.ReadLines(path).First().TrimStart('\uFEFF'));
        Assert.AreEqual(54, table.RowCount);
        var expectedKeys = Demo.Value.GetLayer("sozialraeume").Districts.Select(d => d.Key).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(expectedKeys, table.GetText("sozialraum").ToArray());
        Assert.AreEqual("Tönnishäuschen", table.GetText("name")[8]);
        Assert.IsTrue(table.GetNumbers("jahr").ToArray().All(y => y == 2026));
        Assert.IsTrue(table.GetStatuses("kita_u3").ToArray().All(s => s == GeoPrevention.Analytics.Tables.CellStatus.Missing));
    }

    [TestMethod]
    public void Write_TwiceInDifferentFolders_GivesIdenticalBytes()
    {
        var (first, _) = WriteOne("gesundheitsamt");
        var (second, _) = WriteOne("gesundheitsamt");

        CollectionAssert.AreEqual(File.ReadAllBytes(first.Templates[0].XlsxPath!), File.ReadAllBytes(second.Templates[0].XlsxPath!));
        CollectionAssert.AreEqual(File.ReadAllBytes(first.Templates[0].CsvPath!), File.ReadAllBytes(second.Templates[0].CsvPath!));
    }

    [TestMethod]
    public void Write_ExistingFile_ThrowsAndLeavesItUntouchedUnlessOverwrite()
    {
        var (_, folder) = WriteOne("jobcenter");
        var path = Path.Combine(folder, "jobcenter_2026.xlsx");
        File.WriteAllText(path, "schon ausgefüllt");

        var ex = Assert.ThrowsExactly<IOException>(() => SupplierTemplates.Write(Demo.Value, 2026, folder, new TemplateOptions { Supplier = "jobcenter" }));

        StringAssert.Contains(ex.Message, path, StringComparison.Ordinal);
        Assert.AreEqual("schon ausgefüllt", File.ReadAllText(path));
        SupplierTemplates.Write(Demo.Value, 2026, folder, new TemplateOptions { Supplier = "jobcenter", Overwrite = true });
        Assert.AreNotEqual("schon ausgefüllt", File.ReadAllText(path));
    }

    [TestMethod]
    public void Write_CsvOnlyForOneSupplier_WritesOneFile()
    {
        var folder = TestPaths.NewTempDirectory();

        var result = SupplierTemplates.Write(Demo.Value, 2026, folder, new TemplateOptions { Supplier = "jobcenter", Formats = TemplateFormats.Csv });

        CollectionAssert.AreEqual(new[] { "jobcenter_2026.csv" }, Directory.GetFiles(folder).Select(Path.GetFileName).ToArray());
        Assert.IsNull(result.Templates.Single().XlsxPath);
    }

    [TestMethod]
    public void Write_UnknownSupplier_NamesTheKnownOnes()
    {
        var ex = Assert.ThrowsExactly<KeyNotFoundException>(() => SupplierTemplates.Write(Demo.Value, 2026, TestPaths.NewTempDirectory(), new TemplateOptions { Supplier = "finanzamt" }));

        Assert.AreEqual("Unknown supplier 'finanzamt'; the atlas has: einwohnermeldeaemter, jobcenter, gesundheitsamt, jugendamt.", ex.Message);
    }

    [TestMethod]
    [DataRow(1899)]
    [DataRow(3000)]
    public void Write_YearOutOfRange_Throws(int year)
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SupplierTemplates.Write(Demo.Value, year, TestPaths.NewTempDirectory()));
    }

    [TestMethod]
    [DataRow(0, "A")]
    [DataRow(25, "Z")]
    [DataRow(26, "AA")]
    [DataRow(51, "AZ")]
    [DataRow(52, "BA")]
    [DataRow(701, "ZZ")]
    [DataRow(702, "AAA")]
    public void Column_ZeroBasedIndex_GivesSpreadsheetLetters(int index, string expected)
    {
        Assert.AreEqual(expected, TemplateWorkbookColumn(index));
    }

    private static string TemplateWorkbookColumn(int index) => TemplateWorkbook.Column(index);
}
