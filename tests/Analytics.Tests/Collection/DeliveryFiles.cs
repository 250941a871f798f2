using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Collection;

/// <summary>Builds hand-made deliveries for intake tests: a copy of the demo atlas and delivery files derived from its data.</summary>
internal static class DeliveryFiles
{
    /// <summary>Copies the demo atlas (atlas.json, shapes, indicators) into a fresh temporary folder.</summary>
    /// <returns>The path of the copied atlas.json.</returns>
    public static string CopyDemoAtlas()
    {
        var dir = TestPaths.NewTempDirectory();
        var source = TestPaths.Repo("data");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return Path.Combine(dir, "atlas.json");
    }

    /// <summary>Relative path → SHA-256 of every file below a folder (to prove nothing was written).</summary>
    public static SortedDictionary<string, string> Snapshot(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(dir, f),
            f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    /// <summary>The header of a supplier's delivery: key, name, year, the supplier's columns.</summary>
    public static string[] Header(AtlasManifest m, AtlasSupplier s)
    {
        var t = m.FindTable(s.Table)!;
        return [t.Key, "name", t.Year, .. s.Columns.Select(c => c.Column)];
    }

    /// <summary>
    /// One row per district of the table's layer for <paramref name="year"/>: last year's values from the base table
    /// multiplied by <paramref name="factor"/> and rounded (suppressed cells stay "x", empty cells stay empty).
    /// </summary>
    public static List<object?[]> Rows(AtlasData atlas, AtlasSupplier s, int fromYear, int year, double factor = 1.02)
    {
        var t = atlas.Manifest.FindTable(s.Table)!;
        var table = TableReader.ReadCsv(atlas.Manifest.ResolvePath(t.File), new CsvReadOptions { Columns = new TableColumnOptions { KeyColumns = [t.Key], YearColumn = t.Year } }).FilterYear(t.Year, fromYear);
        var keys = table.GetText(t.Key);
        var byKey = Enumerable.Range(0, table.RowCount).ToDictionary(r => keys[r]!, r => r, StringComparer.Ordinal);
        var rows = new List<object?[]>();
        foreach (var d in atlas.GetLayer(t.Layer).Districts)
        {
            var r = byKey[d.Key];
            var row = new List<object?> { d.Key, d.Name, year };
            foreach (var c in s.Columns)
            {
                row.Add(table.GetStatus(c.Column, r) switch
                {
                    CellStatus.Value => Math.Round(table.GetNumbers(c.Column)[r] * factor),
                    CellStatus.SuppressedAtSource => "x",
                    _ => null,
                });
            }

            rows.Add([.. row]);
        }

        return rows;
    }

    /// <summary>Writes a workbook with the sheet "Daten": strings as text cells (keys keep their zeros), numbers as numbers.</summary>
    public static void WriteXlsx(string path, IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        var ws = wb.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.AppendChild(new Row(header.Select(h => Text(h))));
        foreach (var row in rows)
        {
            data.AppendChild(new Row(row.Select(c => c switch
            {
                null => new Cell(),
                string s => Text(s),
                _ => new Cell(new CellValue(Convert.ToDouble(c, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture))) { DataType = CellValues.Number },
            })));
        }

        ws.Worksheet = new Worksheet(data);
        var sheets = wb.Workbook.AppendChild(new Sheets());
        sheets.AppendChild(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Daten" });
        wb.Workbook.Save();

        static Cell Text(string s) => new(new InlineString(new Text(s) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString };
    }

    /// <summary>Writes a ';'-separated CSV with decimal commas in the given encoding (no byte-order mark).</summary>
    public static void WriteCsv(string path, IReadOnlyList<string> header, IEnumerable<object?[]> rows, Encoding encoding)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(';', header).Append("\r\n");
        foreach (var row in rows)
        {
            sb.AppendJoin(';', row.Select(c => c switch
            {
                null => "",
                string s => s,
                _ => Convert.ToDouble(c, CultureInfo.InvariantCulture).ToString("0.##", CultureInfo.GetCultureInfo("de-DE")),
            })).Append("\r\n");
        }

        File.WriteAllBytes(path, encoding.GetBytes(sb.ToString()));
    }
}
