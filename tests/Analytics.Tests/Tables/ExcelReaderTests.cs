using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GeoPrevention.Analytics.Joins;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Geo;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Tables;

[TestClass]
public sealed class ExcelReaderTests
{
    /// <summary>Writes a one-sheet workbook; string cells are inline strings, double cells numbers, null cells omitted.</summary>
    private static string WriteXlsx(string sheetName, object?[][] rows)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "t.xlsx");
        using (var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = ((char)('A' + c)).ToString() + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    switch (rows[r][c])
                    {
                        case string s:
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) });
                            break;
                        case double d:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(d) });
                            break;
                    }
                }

                data.Append(row);
            }

            ws.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = sheetName }));
        }

        return path;
    }

    [TestMethod]
    public void ReadExcel_NumericLookingKeys_RecoverableAndTextKeysKeepZeros()
    {
        var path = WriteXlsx("Daten", [
            ["AGS", "Name", "Einwohner", "Quote"],
            [5570004.0, "Ahlen", 52503.0, "12,5"],
            ["05570008", "Beckum", 36815.0, "x"],
            [5570028.0, "Oelde", null, "7,25"],
        ]);

        var t = TableReader.ReadExcel(path);

        Assert.AreEqual("XLSX", t.Report.Dialect.Format);
        Assert.AreEqual(ColumnKind.Key, t.GetColumn("AGS").Kind);
        CollectionAssert.AreEqual(new[] { "5570004", "05570008", "5570028" }, t.GetText("AGS").ToArray());
        CollectionAssert.AreEqual(new[] { "05570004", "05570008", "05570028" }, KeyNormalizer.Normalize(t.GetText("AGS"), KeyNormalizationOptions.Ags));
        Assert.AreEqual(52503.0, t.GetValue("Einwohner", 0));
        Assert.AreEqual(CellStatus.Missing, t.GetStatus("Einwohner", 2));
        Assert.AreEqual(12.5, t.GetValue("Quote", 0));
        Assert.AreEqual(CellStatus.SuppressedAtSource, t.GetStatus("Quote", 1));
        Assert.AreEqual(4, t.GetLine(2));
    }

    [TestMethod]
    public void ReadExcel_DeclaredNumericColumnWithText_ThrowsWithRowAndColumn()
    {
        var path = WriteXlsx("S", [["ags", "n"], ["05570004", 1.0], ["05570008", "zwölf"]]);
        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadExcel(path, new ExcelReadOptions { Columns = new() { NumericColumns = ["n"] } }));
        StringAssert.StartsWith(ex.Message, path + ":3:2:", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ReadExcel_RowFilterAndSelectColumns_KeepRowsOfTheYearWithSheetRows()
    {
        // Years stored as numbers and as text both match the filter text "2023".
        var path = WriteXlsx("Daten", [
            ["ags", "Jahr", "Name", "n"],
            ["05570004", 2022.0, "Ahlen", 1.0],
            ["05570004", 2023.0, "Ahlen", 2.0],
            ["05570008", "2023", "Beckum", "3,5"],
            ["05570012", 2024.0, "Beelen", 4.0],
        ]);

        var t = TableReader.ReadExcel(path, new ExcelReadOptions
        {
            Columns = new TableColumnOptions { RowFilter = TableRowFilter.ForYear("Jahr", 2023), SelectColumns = ["n"], KeyColumns = ["ags"] },
        });

        CollectionAssert.AreEqual(new[] { "ags", "Jahr", "n" }, t.Columns.Select(c => c.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "05570004", "05570008" }, t.GetText("ags").ToArray());
        CollectionAssert.AreEqual(new[] { 2.0, 3.5 }, t.GetNumbers("n").ToArray());
        CollectionAssert.AreEqual(new[] { 3, 4 }, new[] { t.GetLine(0), t.GetLine(1) });
        Assert.AreEqual(2, t.Report.RowsSkipped);
    }

    [TestMethod]
    public void ReadExcel_UnknownSheet_Throws()
    {
        var path = WriteXlsx("Daten", [["a"], [1.0]]);
        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadExcel(path, new ExcelReadOptions { SheetName = "Tabelle1" }));
        StringAssert.Contains(ex.Message, "Daten", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ReadExcel_NotAWorkbook_Throws()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "fake.xlsx");
        File.WriteAllText(path, "ags;n\n1;2\n");
        Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadExcel(path));
    }
}
