using System.Globalization;
using Microsoft.Data.Analysis;

namespace GeoPrevention.Analytics.Tables;

/// <summary>Name, role and position of one column of an <see cref="IndicatorTable"/>.</summary>
/// <param name="Name">The column name (trimmed header text, made unique).</param>
/// <param name="Kind">Key, text or numeric.</param>
/// <param name="Index">0-based position.</param>
public sealed record TableColumnInfo(string Name, ColumnKind Kind, int Index);

/// <summary>
/// An indicator table as read by <see cref="TableReader"/>: typed columns (keys and text as strings, numbers as
/// nullable doubles), a <see cref="CellStatus"/> per cell so that missing and suppressed-at-source values stay
/// distinguishable, the source line of every row, and the <see cref="ImportReport"/>.
/// </summary>
/// <remarks>
/// The table is immutable; <see cref="Filter(Func{int, bool})"/>, <see cref="WithKey(string, IReadOnlyList{string}, Joins.KeyNormalizationOptions?)"/>
/// and <see cref="TableReshape.WideToLong(IndicatorTable, WideToLongOptions)"/> return new tables. <see cref="Frame"/>
/// gives the same data as a Microsoft.Data.Analysis <see cref="DataFrame"/> (built on first use): key and text
/// columns as <see cref="StringDataFrameColumn"/>, numeric columns as <see cref="DoubleDataFrameColumn"/> with
/// null for every cell whose status is not <see cref="CellStatus.Value"/>.
/// </remarks>
public sealed class IndicatorTable
{
    private readonly ColumnData[] _columns;
    private readonly Dictionary<string, int> _byName;
    private readonly int[] _lines;
    private DataFrame? _frame;

    internal IndicatorTable(string source, ColumnData[] columns, int[] lines, ImportReport report)
    {
        Source = source;
        _columns = columns;
        _lines = lines;
        Report = report;
        _byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            _byName[columns[i].Name] = i;
        }

        Columns = [.. columns.Select((c, i) => new TableColumnInfo(c.Name, c.Kind, i))];
    }

    /// <summary>The file the table was read from.</summary>
    public string Source { get; }

    /// <summary>The number of data rows.</summary>
    public int RowCount => _lines.Length;

    /// <summary>The columns in source order.</summary>
    public IReadOnlyList<TableColumnInfo> Columns { get; }

    /// <summary>The import report: dialect, per-column summary and findings with line numbers.</summary>
    public ImportReport Report { get; }

    /// <summary>The table as a <see cref="DataFrame"/> (built on first use, then cached).</summary>
    public DataFrame Frame => _frame ??= BuildFrame();

    /// <summary>Whether a column of this name exists (ordinal comparison).</summary>
    /// <param name="name">The column name.</param>
    public bool HasColumn(string name) => _byName.ContainsKey(name);

    /// <summary>The column info for a name.</summary>
    /// <param name="name">The column name.</param>
    /// <exception cref="ArgumentException">No such column; the message lists the columns.</exception>
    public TableColumnInfo GetColumn(string name) => Columns[IndexOf(name)];

    /// <summary>The 1-based source line (CSV) or sheet row (Excel) of a data row.</summary>
    /// <param name="row">0-based row.</param>
    public int GetLine(int row) => _lines[row];

    /// <summary>The text of a key or text column; <see langword="null"/> for missing cells.</summary>
    /// <param name="column">The column name.</param>
    /// <exception cref="ArgumentException">No such column, or the column is numeric.</exception>
    public IReadOnlyList<string?> GetText(string column)
    {
        var c = _columns[IndexOf(column)];
        return c.Text ?? throw new ArgumentException($"Column '{column}' is numeric; use GetNumbers.", nameof(column));
    }

    /// <summary>
    /// The values of a numeric column: NaN where the status is not <see cref="CellStatus.Value"/>
    /// (see <see cref="GetStatuses(string)"/> for why).
    /// </summary>
    /// <param name="column">The column name.</param>
    /// <exception cref="ArgumentException">No such column, or the column is not numeric.</exception>
    public ReadOnlySpan<double> GetNumbers(string column)
    {
        var c = _columns[IndexOf(column)];
        return c.Values ?? throw new ArgumentException($"Column '{column}' is {c.Kind.ToString().ToLowerInvariant()}, not numeric.", nameof(column));
    }

    /// <summary>The status of every cell of a column.</summary>
    /// <param name="column">The column name.</param>
    /// <exception cref="ArgumentException">No such column.</exception>
    public ReadOnlySpan<CellStatus> GetStatuses(string column) => _columns[IndexOf(column)].Status;

    /// <summary>The status of one cell.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="row">0-based row.</param>
    /// <exception cref="ArgumentException">No such column.</exception>
    public CellStatus GetStatus(string column, int row) => _columns[IndexOf(column)].Status[row];

    /// <summary>A numeric cell: the value, or <see langword="null"/> when missing, suppressed or invalid.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="row">0-based row.</param>
    /// <exception cref="ArgumentException">No such column, or the column is not numeric.</exception>
    public double? GetValue(string column, int row)
    {
        var c = _columns[IndexOf(column)];
        if (c.Values is null)
        {
            throw new ArgumentException($"Column '{column}' is not numeric.", nameof(column));
        }

        return c.Status[row] == CellStatus.Value ? c.Values[row] : null;
    }

    /// <summary>
    /// The original text of a cell that is suppressed at source or invalid (e.g. <c>&lt;3</c>, <c>x</c>); for text
    /// columns the text itself; otherwise <see langword="null"/>.
    /// </summary>
    /// <param name="column">The column name.</param>
    /// <param name="row">0-based row.</param>
    /// <exception cref="ArgumentException">No such column.</exception>
    public string? GetSourceText(string column, int row)
    {
        var c = _columns[IndexOf(column)];
        if (c.Text is not null)
        {
            return c.Text[row];
        }

        return c.Raw is not null && c.Raw.TryGetValue(row, out var s) ? s : null;
    }

    /// <summary>The rows for which <paramref name="predicate"/> (given the 0-based row) is true, as a new table.</summary>
    /// <param name="predicate">The row filter.</param>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public IndicatorTable Filter(Func<int, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var rows = new List<int>(RowCount);
        for (var r = 0; r < RowCount; r++)
        {
            if (predicate(r))
            {
                rows.Add(r);
            }
        }

        return Select(CollectionsMarshalArray(rows));
    }

    /// <summary>The rows of one year (numeric or text year column), as a new table (this table itself when every row is of that year).</summary>
    /// <param name="yearColumn">The year column.</param>
    /// <param name="year">The year.</param>
    /// <exception cref="ArgumentException">No such column.</exception>
    public IndicatorTable FilterYear(string yearColumn, int year)
    {
        var c = _columns[IndexOf(yearColumn)];
        var rows = new List<int>(RowCount / 4);
        if (c.Values is not null)
        {
            var v = c.Values;
            for (var r = 0; r < v.Length; r++)
            {
                if (v[r] == year && c.Status[r] == CellStatus.Value)
                {
                    rows.Add(r);
                }
            }
        }
        else
        {
            var y = year.ToString(CultureInfo.InvariantCulture);
            for (var r = 0; r < RowCount; r++)
            {
                if (string.Equals(c.Text![r]?.Trim(), y, StringComparison.Ordinal))
                {
                    rows.Add(r);
                }
            }
        }

        // The table is immutable: when every row is of that year (e.g. read with a row filter), it is its own result.
        return rows.Count == RowCount ? this : Select(CollectionsMarshalArray(rows));
    }

    /// <summary>
    /// Returns a new table with an added (or replaced) key column built by concatenating the text of
    /// <paramref name="parts"/> (e.g. Land + RB + Kreis + Gemeinde → AGS), then normalising it.
    /// A row with any part missing gets a missing key.
    /// </summary>
    /// <param name="name">The new key column name.</param>
    /// <param name="parts">The key or text columns to concatenate, in order.</param>
    /// <param name="normalization">Optional key normalisation applied to the result.</param>
    /// <exception cref="ArgumentException">A part column does not exist or is numeric, or no parts are given.</exception>
    public IndicatorTable WithKey(string name, IReadOnlyList<string> parts, Joins.KeyNormalizationOptions? normalization = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("At least one part column is required.", nameof(parts));
        }

        var texts = parts.Select(GetText).ToArray();
        var keys = new string?[RowCount];
        var status = new CellStatus[RowCount];
        for (var r = 0; r < RowCount; r++)
        {
            string? k = string.Empty;
            foreach (var t in texts)
            {
                var p = t[r];
                if (p is null)
                {
                    k = null;
                    break;
                }

                k += p.Trim();
            }

            if (k is not null && normalization is not null)
            {
                k = Joins.KeyNormalizer.Normalize(k, normalization);
            }

            keys[r] = k;
            status[r] = k is null ? CellStatus.Missing : CellStatus.Value;
        }

        var list = _columns.Where(c => c.Name != name).ToList();
        list.Insert(0, new ColumnData(name, ColumnKind.Key, status, null, keys, null));
        return new IndicatorTable(Source, [.. list], _lines, Report);
    }

    internal ColumnData Column(int index) => _columns[index];

    internal ColumnData Column(string name) => _columns[IndexOf(name)];

    internal int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_byName.TryGetValue(name, out var i))
        {
            return i;
        }

        throw new ArgumentException($"Column '{name}' not found in {Source}; columns are: {string.Join(", ", _columns.Select(c => c.Name))}.", nameof(name));
    }

    internal IndicatorTable Select(int[] rows)
    {
        var cols = new ColumnData[_columns.Length];
        for (var i = 0; i < cols.Length; i++)
        {
            cols[i] = _columns[i].Select(rows);
        }

        var lines = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            lines[i] = _lines[rows[i]];
        }

        return new IndicatorTable(Source, cols, lines, Report);
    }

    private static int[] CollectionsMarshalArray(List<int> rows) => [.. rows];

    private DataFrame BuildFrame()
    {
        var frameColumns = new List<DataFrameColumn>(_columns.Length);
        foreach (var c in _columns)
        {
            if (c.Values is not null)
            {
                var values = c.Values;
                var status = c.Status;
                frameColumns.Add(new DoubleDataFrameColumn(c.Name, Enumerable.Range(0, values.Length).Select(i => status[i] == CellStatus.Value ? values[i] : (double?)null)));
            }
            else
            {
                frameColumns.Add(new StringDataFrameColumn(c.Name, c.Text!));
            }
        }

        return new DataFrame(frameColumns);
    }
}

/// <summary>Storage of one typed column.</summary>
internal sealed class ColumnData
{
    public ColumnData(string name, ColumnKind kind, CellStatus[] status, double[]? values, string?[]? text, Dictionary<int, string>? raw)
    {
        Name = name;
        Kind = kind;
        Status = status;
        Values = values;
        Text = text;
        Raw = raw;
    }

    public string Name { get; }

    public ColumnKind Kind { get; }

    public CellStatus[] Status { get; }

    public double[]? Values { get; }

    public string?[]? Text { get; }

    public Dictionary<int, string>? Raw { get; }

    /// <summary>For text and key columns read from a file: an id per row, equal ids for equal texts (-1 missing).</summary>
    public int[]? TextIds { get; init; }

    public ColumnData Select(int[] rows)
    {
        int[]? ids = TextIds is null ? null : new int[rows.Length];
        var status = new CellStatus[rows.Length];
        double[]? values = Values is null ? null : new double[rows.Length];
        string?[]? text = Text is null ? null : new string?[rows.Length];
        Dictionary<int, string>? raw = null;
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            status[i] = Status[r];
            if (values is not null)
            {
                values[i] = Values![r];
            }

            if (text is not null)
            {
                text[i] = Text![r];
            }

            if (ids is not null)
            {
                ids[i] = TextIds![r];
            }

            if (Raw is not null && Raw.TryGetValue(r, out var s))
            {
                raw ??= [];
                raw[i] = s;
            }
        }

        return new ColumnData(Name, Kind, status, values, text, raw) { TextIds = ids };
    }
}
