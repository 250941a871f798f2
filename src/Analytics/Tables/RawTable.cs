namespace GeoPrevention.Analytics.Tables;

/// <summary>
/// Cells of a table as spans into one character buffer (row-major), before typing. Shared by the CSV and the
/// Excel reader so that both type columns the same way.
/// </summary>
internal sealed class RawTable
{
    public const byte FlagEscapedQuotes = 1;
    public const byte FlagNativeNumber = 2;

    public RawTable(string source, char[] text, int columnCount)
    {
        Source = source;
        Text = text;
        ColumnCount = columnCount;
    }

    public string Source { get; }

    public char[] Text { get; }

    public int ColumnCount { get; }

    public int RowCount { get; private set; }

    public int[] Start { get; private set; } = new int[1024];

    public int[] Length { get; private set; } = new int[1024];

    public byte[] Flags { get; private set; } = new byte[1024];

    public double[]? Native { get; private set; }

    /// <summary>1-based line (CSV) or row number (Excel) where each row starts.</summary>
    public int[] Lines { get; private set; } = new int[256];

    /// <summary>CSV: the character offset where each record starts (its first character, a quote included).</summary>
    public int[] RowStarts { get; private set; } = new int[256];

    /// <summary>Whether cells come from a spreadsheet (positions are sheet row and column numbers).</summary>
    public bool IsSheet { get; init; }

    /// <summary>The 1-based line and column of a cell: character column in the line (CSV) or sheet column (Excel).</summary>
    public (int Line, int Column) Position(int row, int column)
    {
        if (IsSheet)
        {
            return (Lines[row], column + 1);
        }

        var cell = (row * ColumnCount) + column;
        var start = Start[cell];
        if (start > 0 && Text[start - 1] == '"')
        {
            start--;
        }

        var rowStart = RowStarts[row];

        var extraLines = rowStart < start ? Text.AsSpan(rowStart, start - rowStart).Count('\n') : 0;
        var lastNewLine = Text.AsSpan(0, start).LastIndexOf('\n');
        return (Lines[row] + extraLines, start - lastNewLine);
    }

    public void EnsureCapacity(int rows)
    {
        var cells = rows * ColumnCount;
        if (cells > Start.Length)
        {
            var size = Math.Max(cells, Start.Length * 2);
            var s = Start;
            var l = Length;
            var f = Flags;
            Array.Resize(ref s, size);
            Array.Resize(ref l, size);
            Array.Resize(ref f, size);
            Start = s;
            Length = l;
            Flags = f;
            if (Native is not null)
            {
                var nat = Native;
                Array.Resize(ref nat, size);
                Native = nat;
            }
        }

        if (rows > Lines.Length)
        {
            var ln = Lines;
            var rs = RowStarts;
            Array.Resize(ref ln, Math.Max(rows, Lines.Length * 2));
            Array.Resize(ref rs, ln.Length);
            Lines = ln;
            RowStarts = rs;
        }
    }

    public int AddRow(int line, int rowStart = 0)
    {
        EnsureCapacity(RowCount + 1);
        Lines[RowCount] = line;
        RowStarts[RowCount] = rowStart;
        return RowCount++;
    }

    /// <summary>Rows left out by a row filter.</summary>
    public int RowsSkipped { get; set; }

    /// <summary>Forgets the last row added (a row left out by a row filter).</summary>
    public void DropLastRow()
    {
        RowCount--;
        RowsSkipped++;
    }

    /// <summary>Appends the rows of a table over the same text with the same columns (the second half of a parallel tokenization).</summary>
    public void Append(RawTable other)
    {
        var c = ColumnCount;
        var rows = RowCount;
        EnsureCapacity(rows + other.RowCount);
        Array.Copy(other.Start, 0, Start, rows * c, other.RowCount * c);
        Array.Copy(other.Length, 0, Length, rows * c, other.RowCount * c);
        Array.Copy(other.Flags, 0, Flags, rows * c, other.RowCount * c);
        Array.Copy(other.Lines, 0, Lines, rows, other.RowCount);
        Array.Copy(other.RowStarts, 0, RowStarts, rows, other.RowCount);
        RowCount += other.RowCount;
        RowsSkipped += other.RowsSkipped;
    }

    /// <summary>
    /// A new table with the given columns (in the given order) of the rows for which <paramref name="keep"/> is true;
    /// cell positions, flags, native numbers, lines and record starts are kept.
    /// </summary>
    public RawTable Select(int[] columns, Func<int, bool> keep)
    {
        var result = new RawTable(Source, Text, columns.Length) { IsSheet = IsSheet, RowsSkipped = RowsSkipped };
        for (var r = 0; r < RowCount; r++)
        {
            if (!keep(r))
            {
                result.RowsSkipped++;
                continue;
            }

            var row = result.AddRow(Lines[r], RowStarts[r]);
            for (var j = 0; j < columns.Length; j++)
            {
                var from = (r * ColumnCount) + columns[j];
                var to = (row * columns.Length) + j;
                result.Start[to] = Start[from];
                result.Length[to] = Length[from];
                result.Flags[to] = 0;
                if ((Flags[from] & FlagNativeNumber) != 0)
                {
                    result.SetNative(to, Native![from]);
                }

                result.Flags[to] |= Flags[from];
            }
        }

        return result;
    }

    public void SetNative(int cell, double value)
    {
        Native ??= new double[Start.Length];
        Native[cell] = value;
        Flags[cell] |= FlagNativeNumber;
    }

    public void RemoveFirstRow()
    {
        var c = ColumnCount;
        Array.Copy(Start, c, Start, 0, (RowCount - 1) * c);
        Array.Copy(Length, c, Length, 0, (RowCount - 1) * c);
        Array.Copy(Flags, c, Flags, 0, (RowCount - 1) * c);
        if (Native is not null)
        {
            Array.Copy(Native, c, Native, 0, (RowCount - 1) * c);
        }

        Array.Copy(Lines, 1, Lines, 0, RowCount - 1);
        Array.Copy(RowStarts, 1, RowStarts, 0, RowCount - 1);
        RowCount--;
    }

    public ReadOnlySpan<char> Span(int row, int column)
    {
        var cell = (row * ColumnCount) + column;
        return Text.AsSpan(Start[cell], Length[cell]);
    }

    public string GetString(int row, int column)
    {
        var cell = (row * ColumnCount) + column;
        var s = new string(Text, Start[cell], Length[cell]);
        return (Flags[cell] & FlagEscapedQuotes) != 0 ? s.Replace("\"\"", "\"", StringComparison.Ordinal) : s;
    }

    public bool HasEscapedQuotes(int row, int column) => (Flags[(row * ColumnCount) + column] & FlagEscapedQuotes) != 0;

    public bool IsNative(int row, int column, out double value)
    {
        var cell = (row * ColumnCount) + column;
        if ((Flags[cell] & FlagNativeNumber) != 0)
        {
            value = Native![cell];
            return true;
        }

        value = 0;
        return false;
    }
}
