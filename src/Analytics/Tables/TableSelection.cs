using System.Globalization;
using GeoPrevention.Geo;

namespace GeoPrevention.Analytics.Tables;

/// <summary>
/// The resolved <see cref="TableColumnOptions.SelectColumns"/> and <see cref="TableColumnOptions.RowFilter"/> for one
/// file: which file columns are stored, and which rows are kept.
/// </summary>
internal sealed class TableSelection
{
    private static readonly string[] YearNames = ["year", "jahr", "berichtsjahr"];

    private readonly string[] _values;

    private TableSelection(int[] columnMap, string[] names, int filterColumn, string[] values, string reason)
    {
        ColumnMap = columnMap;
        Names = names;
        FilterColumn = filterColumn;
        _values = values;
        Reason = reason;
        StoredColumns = [.. Enumerable.Range(0, columnMap.Length).Where(c => columnMap[c] >= 0)];
    }

    /// <summary>For every file column its index among the stored columns, or -1 when it is not read.</summary>
    public int[] ColumnMap { get; }

    /// <summary>The file columns that are stored, in file order.</summary>
    public int[] StoredColumns { get; }

    /// <summary>The names of the stored columns.</summary>
    public string[] Names { get; }

    /// <summary>The file column of the row filter, or -1.</summary>
    public int FilterColumn { get; }

    /// <summary>A sentence for the dialect reasons.</summary>
    public string Reason { get; }

    /// <summary>
    /// Resolves the options against the header names; <see langword="null"/> when neither a row filter nor a column
    /// selection is set. Unknown columns throw <see cref="GeoDataFormatException"/> at the header line.
    /// </summary>
    public static TableSelection? Create(string source, string[] names, TableColumnOptions options, int headerLine)
    {
        if (options.RowFilter is null && options.SelectColumns is null)
        {
            return null;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < names.Length; c++)
        {
            index[names[c]] = c;
        }

        int Find(string column, string option) => index.TryGetValue(column, out var c)
            ? c
            : throw new GeoDataFormatException(source, $"column '{column}' (requested by option {option}) not found; columns are: {string.Join(", ", names)}", headerLine == 0 ? 1 : headerLine);

        var keep = new bool[names.Length];
        string reason;
        if (options.SelectColumns is { } select)
        {
            foreach (var col in select)
            {
                keep[Find(col, nameof(TableColumnOptions.SelectColumns))] = true;
            }

            void Also(IEnumerable<string> cols, string option)
            {
                foreach (var col in cols)
                {
                    keep[Find(col, option)] = true;
                }
            }

            Also(options.KeyColumns, nameof(TableColumnOptions.KeyColumns));
            Also(options.TextColumns, nameof(TableColumnOptions.TextColumns));
            Also(options.NumericColumns, nameof(TableColumnOptions.NumericColumns));
            Also(options.CountColumns, nameof(TableColumnOptions.CountColumns));
            foreach (var d in options.Indicators)
            {
                Also([d.NumeratorColumn, d.DenominatorColumn], $"Indicators ({d.Id})");
            }

            if (options.YearColumn is not null)
            {
                Also([options.YearColumn], nameof(TableColumnOptions.YearColumn));
            }

            if (options.RowFilter is not null)
            {
                Also([options.RowFilter.Column], nameof(TableColumnOptions.RowFilter));
            }

            for (var c = 0; c < names.Length; c++)
            {
                if (YearNames.Contains(names[c].Trim().ToLowerInvariant()))
                {
                    keep[c] = true;
                }
            }

            reason = $"columns: {keep.Count(k => k)} of {names.Length} read (option SelectColumns)";
        }
        else
        {
            Array.Fill(keep, true);
            reason = string.Empty;
        }

        var map = new int[names.Length];
        var stored = new List<string>();
        for (var c = 0; c < names.Length; c++)
        {
            map[c] = keep[c] ? stored.Count : -1;
            if (keep[c])
            {
                stored.Add(names[c]);
            }
        }

        var filterColumn = -1;
        string[] values = [];
        if (options.RowFilter is { } filter)
        {
            ArgumentNullException.ThrowIfNull(filter.Values);
            filterColumn = Find(filter.Column, nameof(TableColumnOptions.RowFilter));
            values = [.. filter.Values.Select(v => GermanNumber.Trim((v ?? string.Empty).AsSpan()).ToString()).Distinct(StringComparer.Ordinal)];
            var rowReason = $"rows: only those with '{filter.Column}' = {string.Join(" or ", values.Select(v => "'" + v + "'"))} (option RowFilter)";
            reason = reason.Length == 0 ? rowReason : reason + "; " + rowReason;
        }

        return new TableSelection(map, [.. stored], filterColumn, values, reason);
    }

    /// <summary>Whether a cell text (raw, as stored in the file; <paramref name="escapedQuotes"/> when it holds <c>""</c>) passes the row filter.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool Matches(ReadOnlySpan<char> cell, bool escapedQuotes)
    {
        if (escapedQuotes)
        {
            return Matches(cell.ToString().Replace("\"\"", "\"", StringComparison.Ordinal), false);
        }

        var s = GermanNumber.Trim(cell);
        foreach (var v in _values)
        {
            if (s.SequenceEqual(v))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether row <paramref name="row"/> of a table holding every file column passes the row filter (always without one).</summary>
    public bool Keeps(RawTable raw, int row)
    {
        if (FilterColumn < 0)
        {
            return true;
        }

        return raw.IsNative(row, FilterColumn, out var v) ? Matches(v) : Matches(raw.Span(row, FilterColumn), raw.HasEscapedQuotes(row, FilterColumn));
    }

    /// <summary>The row filter for a native (Excel) number: compared in its invariant text form.</summary>
    public bool Matches(double value) => Matches(value.ToString("R", CultureInfo.InvariantCulture), false);
}
