using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GeoPrevention.Analytics.Tests.Collection;

/// <summary>Reads a written template workbook back with the Open XML SDK, as a spreadsheet program would see it.</summary>
internal sealed class TemplateFile : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly string[] _strings;

    public TemplateFile(string path)
    {
        _document = SpreadsheetDocument.Open(path, false);
        _strings = Workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
    }

    public SpreadsheetDocument Document => _document;

    public WorkbookPart Workbook => _document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames => Workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public WorksheetPart Part(string sheet)
    {
        var entry = Workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet);
        return (WorksheetPart)Workbook.GetPartById(entry.Id!.Value!);
    }

    public Cell? Cell(string sheet, string reference)
        => Part(sheet).Worksheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference);

    /// <summary>The shown text of a cell: shared string, or the stored number text; null when the cell has no value.</summary>
    public string? Text(string sheet, string reference) => Cell(sheet, reference) is { } c ? TextOf(c) : null;

    public string? TextOf(Cell cell)
    {
        if (cell.CellValue is null)
        {
            return null;
        }

        return cell.DataType?.Value == CellValues.SharedString ? _strings[int.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture)] : cell.CellValue.Text;
    }

    /// <summary>All rows of a sheet as text (empty string for cells without value), keyed by column letters.</summary>
    public List<Dictionary<string, string>> Rows(string sheet)
        => Part(sheet).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()), c => TextOf(c) ?? "", StringComparer.Ordinal))
            .ToList();

    /// <summary>The number format id of a cell's style (49 = text "@").</summary>
    public uint NumberFormatOf(Cell cell)
    {
        var formats = Workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        return formats[(int)(cell.StyleIndex?.Value ?? 0)].NumberFormatId!.Value;
    }

    public void Dispose() => _document.Dispose();
}
