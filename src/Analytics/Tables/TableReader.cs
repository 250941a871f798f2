using System.Globalization;
using System.Text;
using System.Text.Unicode;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GeoPrevention.Geo;

namespace GeoPrevention.Analytics.Tables;

/// <summary>
/// Reads German CSV and Excel (<c>.xlsx</c>) indicator tables faithfully: keys stay text with their leading zeros,
/// decimal commas and thousands separators are understood, missing and suppressed-at-source cells are kept apart,
/// and everything that was detected or looked suspicious is listed in the <see cref="ImportReport"/>.
/// </summary>
/// <remarks>
/// CSV detection rules (each can be overridden by <see cref="CsvReadOptions"/>):
/// <list type="number">
/// <item>Encoding: a UTF-8 BOM means UTF-8; otherwise UTF-8 if every byte sequence is valid UTF-8; otherwise
/// Windows-1252 (the report names the first invalid byte). An explicit UTF-8 encoding on a file that is not
/// valid UTF-8 is an error naming the line and column of the first invalid byte.</item>
/// <item>Delimiter: among <c>;</c> <c>,</c> tab and <c>|</c> (outside quotes) the one that occurs equally often on
/// most of the first 50 lines, then the most frequent.</item>
/// <item>Header: the first row is a header when one of its cells is text above a column of mostly numbers, or
/// when all its cells are non-empty text.</item>
/// <item>Column kind: option lists first; then a key when values have leading zeros (<c>05570004</c>) or the name
/// is key-like (<c>ags</c>, <c>ars</c>, <c>id</c>, <c>…_id</c>, <c>schluessel</c>); then numeric when at most
/// <see cref="TableColumnOptions.MaxInvalidShare"/> of the non-missing cells are text; else text.</item>
/// <item>Decimal separator, per numeric column: <c>,</c> if values exist that only read with a decimal comma
/// (<c>12,5</c>, <c>1.234,5</c>), <c>.</c> if values only read with a point; for ambiguous values only
/// (<c>1.234</c>) the separator the other columns use, else <c>,</c> for <c>;</c>-separated files and <c>.</c>
/// otherwise. The other character, space, NBSP and narrow NBSP are thousands separators between groups of three.</item>
/// <item>NA and suppression tokens: see <see cref="TableColumnOptions.NaTokens"/> and
/// <see cref="TableColumnOptions.SuppressedTokens"/>; <c>&lt;3</c>-style bounds are suppressed at source.</item>
/// </list>
/// </remarks>
public static class TableReader
{
    /// <summary>Records tokenized up front to detect the header when a row filter or column selection is set (as many as header detection samples).</summary>
    private const int HeadRecords = 51;

    /// <summary>Files (in bytes) from which decoding runs in two parallel halves into a reused buffer.</summary>
    private const int ParallelDecodeBytes = 1 << 20;

    private static WeakReference<char[]>? s_charBuffer;

    private static WeakReference<byte[]>? s_byteBuffer;

    static TableReader()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Reads a table, choosing the reader by extension (<c>.xlsx</c> → Excel, otherwise CSV), with detection.</summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">Column options (keys, NA tokens, …); <see langword="null"/> for defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="GeoDataFormatException">The file cannot be read as a table (see the two readers).</exception>
    public static IndicatorTable Read(string path, TableColumnOptions? columns = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? ReadExcel(path, new ExcelReadOptions { Columns = columns ?? new() })
            : ReadCsv(path, new CsvReadOptions { Columns = columns ?? new() });
    }

    /// <summary>Reads a CSV file with full detection.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="GeoDataFormatException">Empty file, ragged row, unterminated quote, invalid bytes for an explicit encoding, unknown column in the options, or text in a declared numeric column; the message names file, line and column.</exception>
    public static IndicatorTable ReadCsv(string path) => ReadCsv(path, null);

    /// <summary>Reads a CSV file; options override the detection.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Overrides; <see langword="null"/> detects everything.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty, or the options are inconsistent.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="GeoDataFormatException">Empty file, ragged row, unterminated quote, invalid bytes for an explicit encoding, unknown column in the options, or text in a declared numeric column; the message names file, line and column.</exception>
    public static IndicatorTable ReadCsv(string path, CsvReadOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new CsvReadOptions();
        ValidateDecimalSeparator(options.DecimalSeparator, nameof(options));

        if (options.Delimiter is { } dl && dl is '"' or '\n' or '\r')
        {
            throw new ArgumentException("The delimiter cannot be a quote or a line break.", nameof(options));
        }

        var (bytes, count) = ReadFile(path);
        var reasons = new List<string>();
        char[] chars;
        int length;
        string encodingName;
        bool hasBom;
        try
        {
            (chars, length, encodingName, hasBom) = Decode(path, bytes, count, options.Encoding, reasons);
        }
        finally
        {
            ReturnBuffer(ref s_byteBuffer, bytes);
        }

        try
        {
            return ReadCsv(path, options, chars, length, encodingName, hasBom, reasons);
        }
        finally
        {
            ReturnBuffer(ref s_charBuffer, chars);
        }
    }

    private static IndicatorTable ReadCsv(string path, CsvReadOptions options, char[] chars, int length, string encodingName, bool hasBom, List<string> reasons)
    {
        var offset = 0;
        if (length > 0 && chars[0] == '\uFEFF')
        {
            offset = 1;
        }

        if (chars.AsSpan(offset, length - offset).Trim().IsEmpty)
        {
            throw new GeoDataFormatException(path, "the file is empty (no header and no data)", 1, 1);
        }

        char delimiter;
        if (options.Delimiter is { } d)
        {
            delimiter = d;
            reasons.Add($"delimiter '{CsvTokenizer.Printable(d)}': option Delimiter");
        }
        else
        {
            var (det, why) = CsvTokenizer.DetectDelimiter(chars.AsSpan(offset, length - offset).TrimStart("\r\n"));
            delimiter = det;
            reasons.Add($"delimiter '{CsvTokenizer.Printable(det)}' detected: {why}");
        }

        // With a row filter or column selection, the first records alone decide the header and the names; then the
        // whole file is tokenized storing only the selected cells of the kept rows.
        var columns = options.Columns;
        var selective = columns.RowFilter is not null || columns.SelectColumns is not null;
        var raw = CsvTokenizer.Tokenize(path, chars, length, offset, delimiter, maxRecords: selective ? HeadRecords : int.MaxValue);
        bool hasHeader;
        if (options.HasHeader is { } h)
        {
            hasHeader = h;
            reasons.Add($"header {(h ? "yes" : "no")}: option HasHeader");
        }
        else
        {
            var (det, why) = TableBuilder.DetectHeader(raw);
            hasHeader = det;
            reasons.Add($"header {(det ? "yes" : "no")} detected: {why}");
        }

        var findings = new List<ImportFinding>();
        var headerLine = hasHeader && raw.RowCount > 0 ? raw.Lines[0] : 0;
        var names = TableBuilder.MakeNames(raw, hasHeader, findings, headerLine);
        if (TableSelection.Create(path, names, columns, headerLine) is { } selection)
        {
            raw = CsvTokenizer.Tokenize(path, chars, length, offset, delimiter, selection, hasHeader);
            names = selection.Names;
            reasons.Add(selection.Reason);
        }

        if (hasHeader)
        {
            raw.RemoveFirstRow();
        }

        var defaultDecimal = delimiter == ',' ? '.' : ',';
        if (options.DecimalSeparator is { } dec)
        {
            reasons.Add($"decimal separator '{dec}': option DecimalSeparator");
        }

        var dialect = new TableDialect("CSV", delimiter, encodingName, hasBom, hasHeader, headerLine, reasons);
        return TableBuilder.Build(raw, names, dialect, options.Columns, options.DecimalSeparator, defaultDecimal, findings);
    }

    /// <summary>Reads the first sheet of an Excel <c>.xlsx</c> workbook with detection.</summary>
    /// <param name="path">The workbook.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="GeoDataFormatException">Not a valid workbook, sheet not found, empty sheet, unknown column in the options, or text in a declared numeric column (the message names the sheet row and column).</exception>
    public static IndicatorTable ReadExcel(string path) => ReadExcel(path, null);

    /// <summary>Reads one sheet of an Excel <c>.xlsx</c> workbook.</summary>
    /// <param name="path">The workbook.</param>
    /// <param name="options">Sheet, header and column options; <see langword="null"/> for defaults.</param>
    /// <remarks>
    /// Cells stored as numbers are taken as numbers; in key columns they become invariant text without exponent
    /// (<c>5570004</c>) — restore the leading zero with <see cref="Joins.KeyNormalizer"/> (AGS padding). Cells stored
    /// as text keep their leading zeros. Text cells in numeric columns are parsed like CSV cells (decimal comma,
    /// NA and suppression tokens). Error cells (<c>#N/A</c>) are missing.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty, or the options are inconsistent.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="GeoDataFormatException">Not a valid workbook, sheet not found, empty sheet, unknown column in the options, or text in a declared numeric column (the message names the sheet row and column).</exception>
    public static IndicatorTable ReadExcel(string path, ExcelReadOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new ExcelReadOptions();
        ValidateDecimalSeparator(options.DecimalSeparator, nameof(options));

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Table file '{path}' not found.", path);
        }

        var reasons = new List<string>();
        var rows = new List<(int Row, List<(int Col, string? Text, double Number)> Cells)>();
        var maxColumn = 0;
        string sheetName;
        try
        {
            using var doc = SpreadsheetDocument.Open(path, false);
            var wb = doc.WorkbookPart ?? throw new GeoDataFormatException(path, "the workbook has no workbook part");
            var sheets = wb.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            if (sheets.Count == 0)
            {
                throw new GeoDataFormatException(path, "the workbook has no sheets");
            }

            var sheet = options.SheetName is null ? sheets[0] : sheets.FirstOrDefault(s => s.Name?.Value == options.SheetName)
                ?? throw new GeoDataFormatException(path, $"sheet '{options.SheetName}' not found; sheets are: {string.Join(", ", sheets.Select(s => s.Name?.Value))}");
            sheetName = sheet.Name?.Value ?? "?";
            reasons.Add(options.SheetName is null ? $"sheet '{sheetName}' (first sheet)" : $"sheet '{sheetName}': option SheetName");
            var part = (WorksheetPart)wb.GetPartById(sheet.Id!.Value!);
            var shared = wb.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var nextRow = 1;
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var rowIndex = (int)(row.RowIndex?.Value ?? (uint)nextRow);
                nextRow = rowIndex + 1;
                var cells = new List<(int, string?, double)>();
                var nextCol = 1;
                foreach (var cell in row.Elements<Cell>())
                {
                    var col = cell.CellReference?.Value is { } reference ? ColumnNumber(reference) : nextCol;
                    nextCol = col + 1;
                    var value = cell.CellValue?.Text;
                    var type = cell.DataType?.Value;
                    (string? Text, double Number) v;
                    if (type == CellValues.SharedString)
                    {
                        var idx = int.Parse(value ?? "-1", CultureInfo.InvariantCulture);
                        if (idx < 0 || idx >= shared.Length)
                        {
                            throw new GeoDataFormatException(path, $"cell {cell.CellReference} refers to missing shared string {idx}", rowIndex, col);
                        }

                        v = (shared[idx], 0);
                    }
                    else if (type == CellValues.InlineString)
                    {
                        v = (cell.InlineString?.InnerText ?? string.Empty, 0);
                    }
                    else if (type == CellValues.String || type == CellValues.Date)
                    {
                        v = (value ?? string.Empty, 0);
                    }
                    else if (type == CellValues.Boolean)
                    {
                        v = (value == "1" ? "TRUE" : "FALSE", 0);
                    }
                    else if (type == CellValues.Error)
                    {
                        v = (string.Empty, 0);
                    }
                    else if (value is null)
                    {
                        v = (string.Empty, 0);
                    }
                    else if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    {
                        v = (null, number);
                    }
                    else
                    {
                        throw new GeoDataFormatException(path, $"cell {cell.CellReference} has the unreadable number '{value}'", rowIndex, col);
                    }

                    cells.Add((col, v.Text, v.Number));
                    maxColumn = Math.Max(maxColumn, col);
                }

                if (cells.Any(c => c.Item2 is null || c.Item2.Trim().Length > 0))
                {
                    rows.Add((rowIndex, cells));
                }
            }
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FormatException or IOException and not FileNotFoundException or System.Xml.XmlException)
        {
            throw new GeoDataFormatException(path, $"not a readable .xlsx workbook ({ex.Message})", innerException: ex);
        }

        if (rows.Count == 0)
        {
            throw new GeoDataFormatException(path, $"sheet '{sheetName}' is empty (no header and no data)", 1, 1);
        }

        // Copy cell texts into one buffer so that the CSV typing rules apply unchanged.
        var sb = new StringBuilder();
        var starts = new List<(int Start, int Length)>();
        foreach (var (_, cells) in rows)
        {
            foreach (var (_, text, _) in cells)
            {
                starts.Add((sb.Length, text?.Length ?? 0));
                sb.Append(text);
            }
        }

        var raw = new RawTable(path, sb.ToString().ToCharArray(), maxColumn) { IsSheet = true };
        var k = 0;
        foreach (var (rowIndex, cells) in rows)
        {
            var r = raw.AddRow(rowIndex);
            var baseCell = r * maxColumn;
            for (var c = 0; c < maxColumn; c++)
            {
                raw.Start[baseCell + c] = 0;
                raw.Length[baseCell + c] = 0;
                raw.Flags[baseCell + c] = 0;
            }

            foreach (var (col, text, number) in cells)
            {
                var (start, length) = starts[k++];
                var cell = baseCell + col - 1;
                raw.Start[cell] = start;
                raw.Length[cell] = length;
                if (text is null)
                {
                    raw.SetNative(cell, number);
                }
            }
        }

        bool hasHeader;
        if (options.HasHeader is { } h)
        {
            hasHeader = h;
            reasons.Add($"header {(h ? "yes" : "no")}: option HasHeader");
        }
        else
        {
            var (det, why) = TableBuilder.DetectHeader(raw);
            hasHeader = det;
            reasons.Add($"header {(det ? "yes" : "no")} detected: {why}");
        }

        var findings = new List<ImportFinding>();
        var headerLine = hasHeader ? raw.Lines[0] : 0;
        var names = TableBuilder.MakeNames(raw, hasHeader, findings, headerLine);
        if (hasHeader)
        {
            raw.RemoveFirstRow();
        }

        if (TableSelection.Create(path, names, options.Columns, headerLine) is { } selection)
        {
            var all = raw;
            raw = all.Select(selection.StoredColumns, r => selection.Keeps(all, r));
            names = selection.Names;
            reasons.Add(selection.Reason);
        }

        var dialect = new TableDialect("XLSX", null, null, false, hasHeader, headerLine, reasons);
        return TableBuilder.Build(raw, names, dialect, options.Columns, options.DecimalSeparator, ',', findings);
    }

    private static int ColumnNumber(string reference)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                n = (n * 26) + (ch - 'A' + 1);
            }
            else
            {
                break;
            }
        }

        return n;
    }

    private static (char[] Chars, int Length, string Name, bool HasBom) Decode(string path, byte[] bytes, int count, Encoding? forced, List<string> reasons)
    {
        var hasBom = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var start = hasBom ? 3 : 0;
        if (forced is not null)
        {
            if (forced.CodePage == Encoding.UTF8.CodePage)
            {
                ThrowIfInvalidUtf8(path, bytes, count, start, "option Encoding is UTF-8");
                reasons.Add("encoding utf-8: option Encoding" + (hasBom ? " (BOM present)" : string.Empty));
                return Result(GetChars(new UTF8Encoding(false), bytes, count, start), "utf-8", hasBom);
            }

            // A UTF-8 BOM is not text in any encoding: it is skipped (and reported) even when the option wins.
            reasons.Add($"encoding {forced.WebName}: option Encoding" + (hasBom ? " (a UTF-8 byte-order mark was present and skipped)" : string.Empty));
            return Result(GetChars(forced, bytes, count, start), forced.WebName, hasBom);
        }

        if (hasBom)
        {
            ThrowIfInvalidUtf8(path, bytes, count, start, "the file starts with a UTF-8 byte-order mark");
            reasons.Add("encoding utf-8 detected: UTF-8 byte-order mark");
            return Result(GetChars(new UTF8Encoding(false), bytes, count, start), "utf-8", true);
        }

        if (count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            reasons.Add($"encoding {utf16.WebName} detected: UTF-16 byte-order mark");
            var utf16Chars = utf16.GetChars(bytes, 2, count - 2);
            return (utf16Chars, utf16Chars.Length, utf16.WebName, true);
        }

        if (Utf8.IsValid(bytes.AsSpan(0, count)))
        {
            var ascii = System.Text.Ascii.IsValid(bytes.AsSpan(0, count));
            reasons.Add(ascii ? "encoding utf-8 detected: ASCII only (UTF-8 and Windows-1252 agree)" : "encoding utf-8 detected: all bytes are valid UTF-8");
            return Result(GetChars(new UTF8Encoding(false), bytes, count, 0), "utf-8", false);
        }

        var (line, column, offset) = FirstInvalidUtf8(bytes, count, 0);
        reasons.Add($"encoding windows-1252 detected: byte 0x{bytes[offset]:X2} at line {line}, column {column} is not valid UTF-8");
        var cp1252 = Encoding.GetEncoding(1252);
        return Result(GetChars(cp1252, bytes, count, 0), cp1252.WebName, false);

        static (char[], int, string, bool) Result((char[] Chars, int Length) decoded, string name, bool bom) => (decoded.Chars, decoded.Length, name, bom);
    }

    /// <summary>
    /// Decodes from <paramref name="start"/> to the end into a buffer that may be longer than the text (the second
    /// value is the text's length). Large UTF-8 and single-byte files are decoded in two halves in parallel, split after
    /// a line feed (a byte that never occurs inside a multi-byte UTF-8 sequence), into a reused buffer.
    /// </summary>
    private static (char[] Chars, int Length) GetChars(Encoding encoding, byte[] bytes, int byteCount, int start)
    {
        var count = byteCount - start;
        var mid = count >= ParallelDecodeBytes && Environment.ProcessorCount > 1 && (encoding is UTF8Encoding || encoding.IsSingleByte)
            ? Array.IndexOf(bytes, (byte)'\n', start + (count / 2), count - (count / 2))
            : -1;
        if (mid < 0)
        {
            var all = encoding.GetChars(bytes, start, count);
            return (all, all.Length);
        }

        mid++;
        int firstChars = 0, secondChars = 0;
        Parallel.Invoke(
            () => firstChars = encoding.GetCharCount(bytes, start, mid - start),
            () => secondChars = encoding.GetCharCount(bytes, mid, byteCount - mid));
        var chars = Rent(ref s_charBuffer, firstChars + secondChars);
        Parallel.Invoke(
            () => encoding.GetChars(bytes, start, mid - start, chars, 0),
            () => encoding.GetChars(bytes, mid, byteCount - mid, chars, firstChars));
        return (chars, firstChars + secondChars);
    }

    /// <summary>
    /// The file's bytes and their count. Large files are read into the buffer of the previous large read when it is
    /// still alive and long enough (see <see cref="Rent{T}"/>).
    /// </summary>
    private static (byte[] Bytes, int Count) ReadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var length = stream.Length;
        if (length > Array.MaxLength)
        {
            throw new GeoDataFormatException(path, $"the file is too large to read as a table ({length} bytes)");
        }

        var count = (int)length;
        var bytes = count >= ParallelDecodeBytes ? Rent(ref s_byteBuffer, count) : new byte[count];
        stream.ReadExactly(bytes, 0, count);
        return (bytes, count);
    }

    private static void ValidateDecimalSeparator(char? separator, string paramName)
    {
        if (separator is { } ds && ds is not (',' or '.'))
        {
            throw new ArgumentException($"DecimalSeparator must be ',' or '.', not '{ds}'.", paramName);
        }
    }

    /// <summary>
    /// A buffer of at least <paramref name="length"/>: the one of the previous large read when it is still alive (it is
    /// held weakly, so the GC may take it) and long enough, else a new one. Reusing it spares the large object heap big
    /// allocations per read, and with them the full collections such allocations trigger (costly when a big polygon
    /// layer is alive).
    /// </summary>
    private static T[] Rent<T>(ref WeakReference<T[]>? cache, int length)
    {
        var cached = Interlocked.Exchange(ref cache, null);
        return cached is not null && cached.TryGetTarget(out var buffer) && buffer.Length >= length
            ? buffer
            : GC.AllocateUninitializedArray<T>(length);
    }

    private static void ReturnBuffer<T>(ref WeakReference<T[]>? cache, T[] buffer)
    {
        if (buffer.Length >= ParallelDecodeBytes)
        {
            Volatile.Write(ref cache, new WeakReference<T[]>(buffer));
        }
    }

    private static void ThrowIfInvalidUtf8(string path, byte[] bytes, int count, int start, string why)
    {
        if (Utf8.IsValid(bytes.AsSpan(start, count - start)))
        {
            return;
        }

        var (line, column, offset) = FirstInvalidUtf8(bytes, count, start);
        throw new GeoDataFormatException(path, $"byte 0x{bytes[offset]:X2} is not valid UTF-8, but {why}; the file is probably Windows-1252 (set the Encoding option)", line, column);
    }

    private static (int Line, int Column, int Offset) FirstInvalidUtf8(byte[] bytes, int count, int start)
    {
        var span = bytes.AsSpan(start, count - start);
        var valid = 0;
        while (valid < span.Length)
        {
            var status = Rune.DecodeFromUtf8(span[valid..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            valid += consumed;
        }

        var offset = start + valid;
        var line = 1;
        var lineStart = start;
        for (var i = start; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        // Column in characters: count UTF-8 lead bytes from the line start.
        var column = 1;
        for (var i = lineStart; i < offset; i++)
        {
            if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column, offset);
    }
}
