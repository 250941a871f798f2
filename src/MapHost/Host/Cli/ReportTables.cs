using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Tables;

namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// The value tables of a report: one table per layer with values, one row per district and year, and per indicator
/// the published value and its 95 % confidence interval. Rules:
/// 1. values come only from <see cref="AtlasData.GetValues"/>: a withheld value is written as <c>.</c> (an undefined
///    one, denominator zero, as <c>x</c>), as in German official statistics; its interval is <c>.</c> too;
/// 2. no count (numerator or denominator) is written, only rates and shares;
/// 3. CSV is German: <c>;</c> separated, decimal comma, UTF-8 with BOM, keys as text, values with up to 4 decimals;
/// 4. xlsx has one sheet per layer; keys and names are text cells (leading zeros kept), values are numbers, withheld
///    values the text <c>.</c>;
/// 5. the data date and vintage of every indicator and year (<see cref="AtlasData.GetProvenance"/>) form their own table
///    (<see cref="BuildProvenance"/>: <c>tabellen/datenstand.csv</c> and the sheet <c>Datenstand</c>), so the value
///    tables keep one number per cell.
/// </summary>
internal static class ReportTables
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The header and rows of the table of one layer.</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="layerId">Layer id.</param>
    /// <returns>Header cells and rows; each row cell is text (key, name, parent), an int (year), a double or a withheld marker string.</returns>
    public static (IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows) Build(AtlasData atlas, string layerId)
    {
        var indicators = atlas.Manifest.Indicators;
        var header = new List<string> { "schluessel", "name", "uebergeordnet", "jahr" };
        foreach (var ind in indicators)
        {
            header.Add(ind.Id);
            header.Add(ind.Id + "_ki_unten");
            header.Add(ind.Id + "_ki_oben");
        }

        var layer = atlas.GetLayer(layerId);
        var rows = new List<object?[]>();
        foreach (var year in atlas.Years)
        {
            var snapshots = indicators.Select(i => atlas.GetValues(layerId, i.Id, year)).ToList();
            for (var d = 0; d < layer.Count; d++)
            {
                var district = layer.Districts[d];
                var row = new object?[header.Count];
                row[0] = district.Key;
                row[1] = district.Name;
                row[2] = district.ParentKey;
                row[3] = year;
                for (var i = 0; i < indicators.Count; i++)
                {
                    var v = snapshots[i].Values[d];
                    var marker = v.Value.IsPublished ? null : v.Value.Format(null, CultureInfo.InvariantCulture);
                    row[4 + (3 * i)] = marker ?? (object)v.Value.Value!.Value;
                    row[5 + (3 * i)] = marker ?? (object?)v.CiLow;
                    row[6 + (3 * i)] = marker ?? (object?)v.CiHigh;
                }

                rows.Add(row);
            }
        }

        return (header, rows);
    }

    /// <summary>
    /// The provenance table (rule 5): one row per indicator and year with the data date (Datenstand), the vintages used
    /// (German labels, e.g. <c>Lieferung jugendamt 2027-03-02</c> or <c>Grundtabelle sozialraeume_2015_2025.csv</c>), their
    /// ids, and the German line shown on maps and pages.
    /// </summary>
    /// <param name="atlas">The atlas.</param>
    /// <returns>Header cells and rows (all cells text except the year).</returns>
    public static (IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows) BuildProvenance(AtlasData atlas)
    {
        string[] header = ["indikator", "bezeichnung", "tabelle", "jahr", "datenstand", "herkunft", "staende", "text"];
        var rows = new List<object?[]>();
        foreach (var ind in atlas.Manifest.Indicators)
        {
            foreach (var year in atlas.Years)
            {
                var p = atlas.GetProvenance(ind.Id, year);
                rows.Add([ind.Id, ind.Label, ind.Table, year, p.DataDate, string.Join(" und ", p.Vintages.Select(v => v.Label)), string.Join(" ", p.Vintages.Select(v => v.Id)), p.Text]);
            }
        }

        return (header, rows);
    }

    /// <summary>Writes the table as German CSV (rules in the class summary).</summary>
    /// <param name="path">The file.</param>
    /// <param name="header">Header cells.</param>
    /// <param name="rows">Rows.</param>
    public static void WriteCsv(string path, IReadOnlyList<string> header, IReadOnlyList<object?[]> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(';', header.Select(h => CsvField.Quote(h))).Append("\r\n");
        foreach (var row in rows)
        {
            sb.AppendJoin(';', row.Select(c => c switch
            {
                null => "",
                double x => x.ToString("0.####", German),
                int y => y.ToString(CultureInfo.InvariantCulture),
                string s => CsvField.Quote(s),
                _ => CsvField.Quote(Convert.ToString(c, CultureInfo.InvariantCulture) ?? ""),
            })).Append("\r\n");
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    /// <summary>Writes one xlsx workbook with one sheet per table (rules in the class summary).</summary>
    /// <param name="path">The file.</param>
    /// <param name="sheets">Sheet name (at most 31 characters) with header and rows.</param>
    public static void WriteXlsx(string path, IReadOnlyList<(string Name, IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows)> sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var (name, header, rows) in sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.AppendChild(new Row(header.Select(Text)));
            foreach (var row in rows)
            {
                data.AppendChild(new Row(row.Select(c => c switch
                {
                    null => new Cell(),
                    double x => Number(x.ToString("R", CultureInfo.InvariantCulture)),
                    int y => Number(y.ToString(CultureInfo.InvariantCulture)),
                    _ => Text(Convert.ToString(c, CultureInfo.InvariantCulture) ?? ""),
                })));
            }

            worksheetPart.Worksheet = new Worksheet(data);
            sheetList.AppendChild(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = id++, Name = name.Length > 31 ? name[..31] : name });
        }

        workbookPart.Workbook.Save();
    }

    private static Cell Text(string text) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString };

    private static Cell Number(string invariant) => new(new CellValue(invariant)) { DataType = CellValues.Number };
}
