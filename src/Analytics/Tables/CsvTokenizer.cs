using GeoPrevention.Geo;

namespace GeoPrevention.Analytics.Tables;

/// <summary>
/// An RFC 4180 tokenizer over a character buffer: fields separated by one delimiter, records by LF or CRLF,
/// fields optionally quoted with <c>"</c> (quoted fields may contain the delimiter and line breaks; a quote
/// inside is doubled). Ragged rows and unterminated quotes throw <see cref="GeoDataFormatException"/>.
/// </summary>
internal static class CsvTokenizer
{
    /// <summary>Files (in characters) from which an unquoted file is tokenized in two parallel halves.</summary>
    private const int ParallelMinimumChars = 1 << 20;

    /// <summary>Detects the delimiter from the first (up to 50) records outside quotes; ties go to <c>;</c>, tab, <c>,</c>, <c>|</c> in this order (a comma is often a decimal separator).</summary>
    public static (char Delimiter, string Reason) DetectDelimiter(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> candidates = [';', '\t', ',', '|'];
        const int maxLines = 50;
        Span<int> counts = stackalloc int[candidates.Length * maxLines];
        var lines = 0;
        var inQuotes = false;
        for (var i = 0; i < text.Length && lines < maxLines; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c == '\n')
            {
                lines++;
            }
            else if (!inQuotes)
            {
                var k = candidates.IndexOf(c);
                if (k >= 0)
                {
                    counts[(k * maxLines) + lines]++;
                }
            }
        }

        if (lines < maxLines && text.Length > 0 && text[^1] != '\n')
        {
            lines++;
        }

        lines = Math.Max(1, Math.Min(lines, maxLines));
        var best = -1;
        var bestScore = -1.0;
        var reason = "no delimiter found; the table has one column";
        for (var k = 0; k < candidates.Length; k++)
        {
            var row = counts.Slice(k * maxLines, lines);
            var first = row[0];
            if (first == 0)
            {
                continue;
            }

            var consistent = 0;
            foreach (var v in row)
            {
                if (v == first)
                {
                    consistent++;
                }
            }

            // Prefer the candidate whose per-line count is the same on most lines, then the larger count.
            var score = (consistent / (double)lines * 1000) + first;
            if (score > bestScore)
            {
                bestScore = score;
                best = k;
                reason = $"'{Printable(candidates[k])}' appears {first} time(s) in the first line and as often in {consistent} of the first {lines} line(s)";
            }
        }

        return (best < 0 ? ';' : candidates[best], reason);
    }

    public static string Printable(char c) => c switch
    {
        '\t' => "\\t",
        '\u00A0' => "NBSP",
        ' ' => "space",
        _ => c.ToString(),
    };

    /// <summary>
    /// Tokenizes the first <paramref name="textLength"/> characters of the buffer; the first record fixes the column count. With a <paramref name="selection"/> only its
    /// columns are stored and only the records passing its row filter are kept (the first record is exempt when it is
    /// the header). At most <paramref name="maxRecords"/> records are kept.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static RawTable Tokenize(string source, char[] chars, int textLength, int offset, char delimiter, TableSelection? selection = null, bool firstIsHeader = false, int maxRecords = int.MaxValue)
    {
        var text = chars.AsSpan(0, textLength);
        var n = text.Length;
        var pos = offset;
        var line = 1;
        var lineStart = offset;

        // Leading blank lines are skipped (and counted, so that line numbers stay right).
        while (pos < n && (text[pos] == '\n' || (text[pos] == '\r' && pos + 1 < n && text[pos + 1] == '\n')))
        {
            pos += text[pos] == '\r' ? 2 : 1;
            line++;
            lineStart = pos;
        }

        // Count fields of the first record to fix the column count.
        var columnCount = CountFirstRecordFields(source, text, pos, delimiter, line);
        var map = selection?.ColumnMap;
        if (map is not null && map.Length != columnCount)
        {
            throw new InvalidOperationException("The column selection does not fit the file's column count.");
        }

        // Without any quote in the file, every line break ends a record: a record left out by the row filter is
        // skipped to its line end, and a large file is split at a line break into two halves tokenized in parallel.
        var quoted = text[offset..].Contains('"');
        if (!quoted && maxRecords == int.MaxValue && n - pos >= ParallelMinimumChars && Environment.ProcessorCount > 1)
        {
            var half = text[(pos + ((n - pos) / 2))..].IndexOf('\n');
            if (half >= 0)
            {
                var split = pos + ((n - pos) / 2) + half + 1;
                RawTable? first = null, second = null;
                try
                {
                    Parallel.Invoke(
                        () => first = TokenizeRange(source, chars, textLength, delimiter, selection, firstIsHeader, columnCount, false, pos, split, line, lineStart, int.MaxValue),
                        () =>
                        {
                            var splitLine = line + chars.AsSpan(pos, split - pos).Count('\n');
                            second = TokenizeRange(source, chars, textLength, delimiter, selection, false, columnCount, false, split, n, splitLine, split, int.MaxValue);
                        });
                }
                catch (AggregateException)
                {
                    // A format error in either half: the sequential pass below reports the first one in the file.
                    first = null;
                }

                if (first is not null && second is not null)
                {
                    first.Append(second);
                    return first;
                }
            }
        }

        return TokenizeRange(source, chars, textLength, delimiter, selection, firstIsHeader, columnCount, quoted, pos, n, line, lineStart, maxRecords);
    }

    /// <summary>
    /// Tokenizes the records from <paramref name="pos"/> (the start of a line) up to <paramref name="end"/> (just after a
    /// line break, or the end of the buffer). <paramref name="quoted"/> is false only when the file holds no quote.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static RawTable TokenizeRange(string source, char[] chars, int textLength, char delimiter, TableSelection? selection, bool firstIsHeader, int columnCount, bool quoted, int pos, int end, int line, int lineStart, int maxRecords)
    {
        var text = chars.AsSpan(0, textLength);
        var n = text.Length;
        var map = selection?.ColumnMap;
        var stored = selection?.StoredColumns.Length ?? columnCount;
        var filterField = selection?.FilterColumn ?? -1;
        var table = new RawTable(source, chars, stored);

        // Line breaks bound the record count from above (quoted line breaks only make it smaller): no resizing
        // without a row filter; with one, the table grows as rows are kept.
        var lineBound = maxRecords < int.MaxValue ? maxRecords : text[pos..end].Count('\n') + 1;
        table.EnsureCapacity(filterField >= 0 ? Math.Min(lineBound, 4096) : lineBound);

        var firstRecord = true;
        while (pos < end && table.RowCount < maxRecords)
        {
            // Skip empty lines (blank records carry no data; trailing newlines are common).
            if (text[pos] == '\n' || (text[pos] == '\r' && pos + 1 < n && text[pos + 1] == '\n'))
            {
                pos += text[pos] == '\r' ? 2 : 1;
                line++;
                lineStart = pos;
                continue;
            }

            var row = table.AddRow(line, pos);
            var cellBase = row * stored;
            var field = 0;
            var filtered = filterField >= 0 && !(firstIsHeader && firstRecord);
            var rejected = false;
            firstRecord = false;
            while (true)
            {
                int start, length;
                byte flags = 0;
                var fieldColumn = pos - lineStart + 1;
                if (pos < n && text[pos] == '"')
                {
                    var quoteLine = line;
                    var quoteColumn = fieldColumn;
                    pos++;
                    start = pos;
                    while (true)
                    {
                        var q = text[pos..].IndexOfAny('"', '\n');
                        if (q < 0)
                        {
                            throw new GeoDataFormatException(source, "unterminated quoted field (a '\"' opens a field that is never closed)", quoteLine, quoteColumn);
                        }

                        pos += q;
                        if (text[pos] == '\n')
                        {
                            pos++;
                            line++;
                            lineStart = pos;
                            continue;
                        }

                        if (pos + 1 < n && text[pos + 1] == '"')
                        {
                            flags = RawTable.FlagEscapedQuotes;
                            pos += 2;
                            continue;
                        }

                        break;
                    }

                    length = pos - start;
                    pos++; // closing quote
                    // Tolerate spaces between the closing quote and the delimiter.
                    while (pos < n && text[pos] == ' ')
                    {
                        pos++;
                    }

                    if (pos < n && text[pos] != delimiter && text[pos] != '\n' && text[pos] != '\r')
                    {
                        throw new GeoDataFormatException(source, $"unexpected character '{Printable(text[pos])}' after a closing quote (expected the delimiter '{Printable(delimiter)}' or the end of the line)", line, pos - lineStart + 1);
                    }
                }
                else
                {
                    start = pos;
                    var rest = text[pos..];
                    var e = rest.IndexOfAny(delimiter, '\n');
                    pos = e < 0 ? n : pos + e;
                    length = pos - start;
                    if (length > 0 && text[start + length - 1] == '\r')
                    {
                        length--;
                    }
                }

                if (field >= columnCount)
                {
                    throw new GeoDataFormatException(source, $"ragged row: field {field + 1} found, but the header has {columnCount} field(s)", line, fieldColumn);
                }

                var target = map is null ? field : map[field];
                if (target >= 0)
                {
                    var cell = cellBase + target;
                    table.Start[cell] = start;
                    table.Length[cell] = length;
                    table.Flags[cell] = flags;
                }

                if (filtered && field == filterField && !selection!.Matches(text.Slice(start, length), flags != 0))
                {
                    rejected = true;
                    if (!quoted)
                    {
                        // The rest of the line holds only delimiters and plain fields: check the field count and skip.
                        var lineEnd = text[pos..].IndexOf('\n');
                        var eol = lineEnd < 0 ? n : pos + lineEnd;
                        if (field + 1 + text[pos..eol].Count(delimiter) == columnCount)
                        {
                            pos = eol < n ? eol + 1 : n;
                            line++;
                            lineStart = pos;
                            break;
                        }

                        // Ragged: the ordinary path below reports it at the right column.
                    }
                }

                field++;

                if (pos < n && text[pos] == delimiter)
                {
                    pos++;
                    continue;
                }

                if (pos < n && text[pos] == '\r')
                {
                    pos++;
                }

                // End of record (LF or end of buffer).
                if (field < columnCount)
                {
                    throw new GeoDataFormatException(source, $"ragged row: {field} field(s) found, but the header has {columnCount}", line, pos - lineStart + 1);
                }

                if (pos < n)
                {
                    pos++; // the LF
                    line++;
                    lineStart = pos;
                }

                break;
            }

            if (rejected)
            {
                table.DropLastRow();
            }
        }

        return table;
    }

    private static int CountFirstRecordFields(string source, ReadOnlySpan<char> text, int pos, char delimiter, int line)
    {
        var fields = 1;
        var inQuotes = false;
        var firstLine = line;
        var quoteColumn = 0;
        var lineStart = pos;
        for (var i = pos; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                if (!inQuotes)
                {
                    quoteColumn = i - lineStart + 1;
                }

                inQuotes = !inQuotes;
            }
            else if (c == '\n')
            {
                if (!inQuotes)
                {
                    return fields;
                }

                line++;
            }
            else if (c == delimiter && !inQuotes)
            {
                fields++;
            }
        }

        if (inQuotes)
        {
            throw new GeoDataFormatException(source, "unterminated quoted field (a '\"' opens a field that is never closed)", firstLine, quoteColumn);
        }

        return fields;
    }
}
