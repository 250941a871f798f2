using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GeoPrevention.Analytics.Atlas;

namespace GeoPrevention.Analytics.Collection;

/// <summary>
/// Builds the template workbook of <see cref="SupplierTemplates"/> with the Open XML SDK: shared strings, a small
/// stylesheet, header comments (with the VML drawing Excel needs to show them), data validations, frozen panes and
/// sheet protection. The package is re-zipped with fixed entry order and dates so equal input gives equal bytes.
/// </summary>
internal static class TemplateWorkbook
{
    // Cell formats (indexes into CellFormats, see Stylesheet()).
    private const uint StyleText = 1;
    private const uint StyleHeader = 2;
    private const uint StyleInputCount = 3;
    private const uint StyleInputAmount = 4;
    private const uint StyleInputNumber = 5;
    private const uint StyleYear = 6;
    private const uint StyleTitle = 7;
    private const uint StyleHeading = 8;
    private const uint StyleWrap = 9;
    private const uint StyleCount = 10;
    private const uint StyleAmount = 11;
    private const uint StyleMark = 12;

    private static readonly DateTimeOffset ZipDate = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The workbook bytes of a template.</summary>
    public static byte[] Create(TemplateModel model)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var strings = new SharedStrings();
            var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
            var sheets = new Sheets();
            workbookPart.Workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheets);

            AddSheet(workbookPart, sheets, 1, SupplierTemplates.DataSheetName, part => DataSheet(part, model, strings));
            AddSheet(workbookPart, sheets, 2, SupplierTemplates.InstructionsSheetName, _ => InstructionsSheet(model, strings));
            if (model.Previous is { } previous)
            {
                AddSheet(workbookPart, sheets, 3, SupplierTemplates.PreviousYearSheetName, _ => PreviousYearSheet(model, previous, strings));
            }

            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            stylesPart.Stylesheet = Stylesheet();
            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>("rIdStrings");
            stringsPart.SharedStringTable = strings.ToTable();
            workbookPart.Workbook.Save();
        }

        return Normalise(buffer.ToArray());
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, uint number, string name, Func<WorksheetPart, Worksheet> build)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"rIdSheet{number}");
        var part = workbookPart.AddNewPart<WorksheetPart>(id);
        part.Worksheet = build(part);
        sheets.AppendChild(new Sheet { Id = id, SheetId = number, Name = name });
    }

    private static Worksheet DataSheet(WorksheetPart part, TemplateModel model, SharedStrings strings)
    {
        var columns = model.Supplier.Columns;
        var lastRow = model.Rows.Count + 1;
        var data = new SheetData();
        data.AppendChild(HeaderRow(model, strings));
        for (var r = 0; r < model.Rows.Count; r++)
        {
            var (row, rowIndex) = DistrictRow(model, r, model.Year, strings);
            for (var c = 0; c < columns.Count; c++)
            {
                row.AppendChild(new Cell { CellReference = Reference(3 + c, rowIndex), StyleIndex = InputStyle(columns[c].Type) });
            }

            data.AppendChild(row);
        }

        var validations = new DataValidations { Count = (uint)columns.Count };
        for (var c = 0; c < columns.Count; c++)
        {
            validations.AppendChild(Validation(columns[c], string.Create(CultureInfo.InvariantCulture, $"{Column(3 + c)}2:{Column(3 + c)}{lastRow}")));
        }

        var worksheet = new Worksheet(
            new SheetDimension { Reference = string.Create(CultureInfo.InvariantCulture, $"A1:{Reference(2 + columns.Count, (uint)lastRow)}") },
            new SheetViews(new SheetView(
                new Pane { HorizontalSplit = 2, VerticalSplit = 1, TopLeftCell = "C2", ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomRight, ActiveCell = "D2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "D2" } })
            { TabSelected = true, WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            Widths([16, 30, 8, .. columns.Select(c => Math.Clamp(c.Column.Length + 4, 14.0, 30.0))]),
            data);
        if (columns.Count > 0)
        {
            worksheet.AppendChild(validations);
        }

        worksheet.AppendChild(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        if (columns.Count > 0)
        {
            AddComments(part, worksheet, model);
        }

        return worksheet;
    }

    private static Row HeaderRow(TemplateModel model, SharedStrings strings)
    {
        var row = new Row { RowIndex = 1 };
        for (var c = 0; c < model.Header.Count; c++)
        {
            row.AppendChild(TextCell(c, 1, model.Header[c], strings, StyleHeader));
        }

        return row;
    }

    /// <summary>A district row with its key, name and year cells (row r of the model, sheet row r + 2).</summary>
    private static (Row Row, uint RowIndex) DistrictRow(TemplateModel model, int r, int year, SharedStrings strings)
    {
        var rowIndex = (uint)(r + 2);
        var row = new Row { RowIndex = rowIndex };
        row.AppendChild(TextCell(0, rowIndex, model.Rows[r].Key, strings, StyleText));
        row.AppendChild(TextCell(1, rowIndex, model.Rows[r].Name, strings, StyleText));
        row.AppendChild(NumberCell(2, rowIndex, year, StyleYear));
        return (row, rowIndex);
    }

    private static DataValidation Validation(AtlasSupplierColumn column, string range)
    {
        var unit = column.Unit is null ? "" : $" ({column.Unit})";
        var validation = new DataValidation
        {
            AllowBlank = true,
            ShowInputMessage = true,
            ShowErrorMessage = true,
            ErrorStyle = DataValidationErrorStyleValues.Warning,
            PromptTitle = Limit(column.Label, 32),
            Prompt = Limit($"{column.Label}{unit}: {SupplierTemplates.TypeText(column.Type)}. Gesperrte Werte als x oder <3.", 255),
            SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
        };
        switch (column.Type)
        {
            case AtlasValueType.Count:
                validation.Type = DataValidationValues.Whole;
                validation.Operator = DataValidationOperatorValues.GreaterThanOrEqual;
                validation.ErrorTitle = "Keine ganze Zahl ab 0";
                validation.Error = "Bitte eine ganze Zahl ab 0 eintragen (ohne Einheit). Werte, die Sie aus Datenschutzgründen nicht liefern dürfen, als x oder <3 eintragen und mit „Ja“ bestätigen.";
                validation.AppendChild(new Formula1("0"));
                break;
            case AtlasValueType.Amount:
                validation.Type = DataValidationValues.Decimal;
                validation.Operator = DataValidationOperatorValues.GreaterThanOrEqual;
                validation.ErrorTitle = "Keine Zahl ab 0";
                validation.Error = "Bitte eine Zahl ab 0 eintragen (ohne Einheit, höchstens zwei Nachkommastellen). Gesperrte Werte als x oder <3 eintragen und mit „Ja“ bestätigen.";
                validation.AppendChild(new Formula1("0"));
                break;
            default:
                validation.Type = DataValidationValues.Decimal;
                validation.Operator = DataValidationOperatorValues.Between;
                validation.ErrorTitle = "Keine Zahl";
                validation.Error = "Bitte eine Zahl eintragen (ohne Einheit). Gesperrte Werte als x oder <3 eintragen und mit „Ja“ bestätigen.";
                validation.AppendChild(new Formula1("-1E+15"));
                validation.AppendChild(new Formula2("1E+15"));
                break;
        }

        return validation;
    }

    private static void AddComments(WorksheetPart part, Worksheet worksheet, TemplateModel model)
    {
        var columns = model.Supplier.Columns;
        var list = new CommentList();
        for (var c = 0; c < columns.Count; c++)
        {
            var col = columns[c];
            var details = new StringBuilder();
            details.Append('\n').Append("Einheit: ").Append(col.Unit ?? "–");
            details.Append('\n').Append("Art: ").Append(SupplierTemplates.TypeText(col.Type));
            details.Append('\n').Append("Definition: ").Append(col.Definition);
            list.AppendChild(new Comment(new CommentText(
                new Run(new RunProperties(new Bold(), new FontSize { Val = 9 }, new RunFont { Val = "Tahoma" }), new Text(col.Label) { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new RunProperties(new FontSize { Val = 9 }, new RunFont { Val = "Tahoma" }), new Text(details.ToString()) { Space = SpaceProcessingModeValues.Preserve })))
            {
                Reference = Reference(3 + c, 1),
                AuthorId = 0,
            });
        }

        var commentsPart = part.AddNewPart<WorksheetCommentsPart>("rIdComments");
        commentsPart.Comments = new Comments(new Authors(new Author("GeoPrevention")), list);

        // Excel shows legacy comments only with a VML drawing that places a note shape per comment.
        var vmlPart = part.AddNewPart<VmlDrawingPart>("rIdVml");
        using (var stream = vmlPart.GetStream(FileMode.Create))
        {
            var bytes = Encoding.UTF8.GetBytes(Vml(columns.Count));
            stream.Write(bytes);
        }

        worksheet.AppendChild(new LegacyDrawing { Id = "rIdVml" });
    }

    private static string Vml(int comments)
    {
        var sb = new StringBuilder();
        sb.Append("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">");
        sb.Append("<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"1\"/></o:shapelayout>");
        sb.Append("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
        for (var c = 0; c < comments; c++)
        {
            var column = 3 + c;
            sb.Append(CultureInfo.InvariantCulture, $"<v:shape id=\"_x0000_s{1025 + c}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:110pt;z-index:{c + 1};visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">");
            sb.Append("<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>");
            sb.Append(CultureInfo.InvariantCulture, $"<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{column + 1}, 15, 0, 2, {column + 5}, 15, 8, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>{column}</x:Column></x:ClientData>");
            sb.Append("</v:shape>");
        }

        sb.Append("</xml>");
        return sb.ToString();
    }

    private static Worksheet InstructionsSheet(TemplateModel model, SharedStrings strings)
    {
        var data = new SheetData();
        uint rowIndex = 0;
        foreach (var line in model.Instructions)
        {
            rowIndex++;
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < line.Cells.Count; c++)
            {
                var style = line.Kind switch
                {
                    LineKind.Title => StyleTitle,
                    LineKind.Heading => StyleHeading,
                    LineKind.TableHeader => StyleHeader,
                    LineKind.Field or LineKind.Step when c == 0 => StyleHeading,
                    _ => StyleWrap,
                };
                row.AppendChild(TextCell(c, rowIndex, line.Cells[c], strings, style));
            }

            data.AppendChild(row);
        }

        return new Worksheet(
            new SheetViews(new SheetView { WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            Widths([24, 40, 14, 18, 90]),
            data,
            new SheetProtection { Sheet = true, Objects = true, Scenarios = true },
            new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
    }

    private static Worksheet PreviousYearSheet(TemplateModel model, PreviousYearValues previous, SharedStrings strings)
    {
        var columns = model.Supplier.Columns;
        var data = new SheetData();
        data.AppendChild(HeaderRow(model, strings));
        for (var r = 0; r < model.Rows.Count; r++)
        {
            var (row, rowIndex) = DistrictRow(model, r, previous.Year, strings);
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = previous.Cells[r, c];
                row.AppendChild(cell.Value is { } v
                    ? NumberCell(3 + c, rowIndex, v, columns[c].Type == AtlasValueType.Count ? StyleCount : StyleAmount)
                    : TextCell(3 + c, rowIndex, cell.Marker!, strings, StyleMark));
            }

            data.AppendChild(row);
        }

        return new Worksheet(
            new SheetViews(new SheetView(new Pane { HorizontalSplit = 2, VerticalSplit = 1, TopLeftCell = "C2", ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            Widths([16, 30, 8, .. columns.Select(c => Math.Clamp(c.Column.Length + 4, 14.0, 30.0))]),
            data,
            new SheetProtection { Sheet = true, Objects = true, Scenarios = true },
            new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
    }

    private static uint InputStyle(AtlasValueType type) => type switch
    {
        AtlasValueType.Count => StyleInputCount,
        AtlasValueType.Amount => StyleInputAmount,
        _ => StyleInputNumber,
    };

    private static Columns Widths(IReadOnlyList<double> widths)
    {
        var columns = new Columns();
        for (var i = 0; i < widths.Count; i++)
        {
            columns.AppendChild(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
        }

        return columns;
    }

    private static Cell TextCell(int column, uint row, string text, SharedStrings strings, uint style) => new(new CellValue(strings.Index(text)))
    {
        CellReference = Reference(column, row),
        DataType = CellValues.SharedString,
        StyleIndex = style,
    };

    private static Cell NumberCell(int column, uint row, double value, uint style) => new(new CellValue(value.ToString("R", CultureInfo.InvariantCulture)))
    {
        CellReference = Reference(column, row),
        StyleIndex = style,
    };

    private static string Reference(int column, uint row) => Column(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>The column letters of a 0-based column index (0 → A, 26 → AA).</summary>
    internal static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static Stylesheet Stylesheet()
    {
        static Font Font(bool bold, double size) => bold
            ? new Font(new Bold(), new FontSize { Val = size }, new FontName { Val = "Calibri" })
            : new Font(new FontSize { Val = size }, new FontName { Val = "Calibri" });
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
        static CellFormat Format(uint numberFormat, uint font = 0, uint fill = 0, Alignment? alignment = null)
        {
            var format = new CellFormat { NumberFormatId = numberFormat, FontId = font, FillId = fill, BorderId = 0, FormatId = 0, ApplyNumberFormat = numberFormat != 0, ApplyFont = font != 0, ApplyFill = fill != 0 };
            if (alignment is not null)
            {
                format.AppendChild(alignment);
                format.ApplyAlignment = true;
            }

            return format;
        }

        // Built-in number formats: 0 General, 1 "0", 3 "#,##0", 4 "#,##0.00", 49 "@" (text).
        return new Stylesheet(
            new Fonts(Font(false, 11), Font(true, 11), Font(true, 14)) { Count = 3 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }), Solid("FFD9D9D9"), Solid("FFFFF2CC")) { Count = 4 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                Format(0),
                Format(49),
                Format(49, font: 1, fill: 2),
                Format(3, fill: 3),
                Format(4, fill: 3),
                Format(0, fill: 3),
                Format(1),
                Format(0, font: 2),
                Format(0, font: 1, alignment: new Alignment { Vertical = VerticalAlignmentValues.Top }),
                Format(49, alignment: new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }),
                Format(3),
                Format(4),
                Format(49, alignment: new Alignment { Horizontal = HorizontalAlignmentValues.Right }))
            { Count = 13 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    /// <summary>Re-zips the package: entries in a fixed order ([Content_Types].xml first, then ordinal) with a fixed date.</summary>
    private static byte[] Normalise(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = ZipDate;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }

    /// <summary>The shared-string table, in order of first use.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];
        private uint _references;

        public string Index(string text)
        {
            _references++;
            if (!_index.TryGetValue(text, out var i))
            {
                i = _items.Count;
                _index[text] = i;
                _items.Add(text);
            }

            return i.ToString(CultureInfo.InvariantCulture);
        }

        public SharedStringTable ToTable() => new(_items.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
        {
            Count = _references,
            UniqueCount = (uint)_items.Count,
        };
    }
}
