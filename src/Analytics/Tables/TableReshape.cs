using System.Globalization;
using System.Text.RegularExpressions;

namespace GeoPrevention.Analytics.Tables;

/// <summary>Options for <see cref="TableReshape.WideToLong(IndicatorTable, WideToLongOptions)"/>.</summary>
public sealed class WideToLongOptions
{
    /// <summary>Columns carried to every output row (e.g. the key and the name).</summary>
    public required IReadOnlyList<string> IdColumns { get; init; }

    /// <summary>The name of the output year column (default <c>year</c>).</summary>
    public string YearColumn { get; init; } = "year";

    /// <summary>The output value column name for year columns without a stem (e.g. <c>2019</c>); default <c>value</c>.</summary>
    public string ValueColumn { get; init; } = "value";
}

/// <summary>Reshapes tables between the wide layout (one column per year) and the long layout (key, year, values).</summary>
public static partial class TableReshape
{
    /// <summary>
    /// Turns a wide table into a long one.
    /// </summary>
    /// <remarks>
    /// Rules:
    /// <list type="number">
    /// <item>Every column except <see cref="WideToLongOptions.IdColumns"/> whose name contains one four-digit year
    /// 1900–2100 (<c>2019</c>, <c>Einwohner 2019</c>, <c>einwohner_2019</c>) is a year column; its stem is the name
    /// without the year and surrounding spaces, <c>_</c> and <c>-</c>. Other columns are dropped and listed in the
    /// exception message only if no year column exists.</item>
    /// <item>Each stem becomes one numeric output column (empty stem → <see cref="WideToLongOptions.ValueColumn"/>).</item>
    /// <item>Output rows: every input row × every year, years ascending; a stem without a column for a year gives
    /// missing cells. Cell statuses (missing, suppressed at source) and source lines are kept.</item>
    /// </list>
    /// </remarks>
    /// <param name="table">The wide table.</param>
    /// <param name="options">Id columns and output names.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An id column is missing, a year column is not numeric, or there are no year columns.</exception>
    public static IndicatorTable WideToLong(IndicatorTable table, WideToLongOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var id in options.IdColumns)
        {
            table.IndexOf(id);
        }

        var groups = new SortedDictionary<string, SortedDictionary<int, string>>(StringComparer.Ordinal);
        var years = new SortedSet<int>();
        foreach (var c in table.Columns)
        {
            if (options.IdColumns.Contains(c.Name))
            {
                continue;
            }

            var m = YearPattern().Matches(c.Name);
            if (m.Count != 1)
            {
                continue;
            }

            if (c.Kind != ColumnKind.Numeric)
            {
                throw new ArgumentException($"Year column '{c.Name}' of {table.Source} is {c.Kind.ToString().ToLowerInvariant()}, not numeric; declare it in NumericColumns to see the offending cell.", nameof(table));
            }

            var year = int.Parse(m[0].Value, CultureInfo.InvariantCulture);
            var stem = (c.Name[..m[0].Index] + " " + c.Name[(m[0].Index + m[0].Length)..]).Trim(' ', '_', '-', '.');
            if (stem.Length == 0)
            {
                stem = options.ValueColumn;
            }

            if (!groups.TryGetValue(stem, out var byYear))
            {
                groups[stem] = byYear = [];
            }

            byYear[year] = c.Name;
            years.Add(year);
        }

        if (years.Count == 0)
        {
            throw new ArgumentException($"No year columns (names containing a year 1900–2100) in {table.Source}; columns are: {string.Join(", ", table.Columns.Select(c => c.Name))}.", nameof(table));
        }

        var yearList = years.ToArray();
        var n = table.RowCount * yearList.Length;
        var lines = new int[n];
        var columns = new List<ColumnData>();
        foreach (var id in options.IdColumns)
        {
            var src = table.Column(id);
            var rows = new int[n];
            for (var r = 0; r < table.RowCount; r++)
            {
                for (var y = 0; y < yearList.Length; y++)
                {
                    rows[(r * yearList.Length) + y] = r;
                }
            }

            columns.Add(src.Select(rows));
        }

        var yearValues = new double[n];
        var yearStatus = new CellStatus[n];
        for (var i = 0; i < n; i++)
        {
            yearValues[i] = yearList[i % yearList.Length];
            lines[i] = table.GetLine(i / yearList.Length);
        }

        columns.Add(new ColumnData(options.YearColumn, ColumnKind.Numeric, yearStatus, yearValues, null, null));
        foreach (var (stem, byYear) in groups)
        {
            var values = new double[n];
            var status = new CellStatus[n];
            Dictionary<int, string>? raw = null;
            for (var y = 0; y < yearList.Length; y++)
            {
                if (!byYear.TryGetValue(yearList[y], out var colName))
                {
                    for (var r = 0; r < table.RowCount; r++)
                    {
                        values[(r * yearList.Length) + y] = double.NaN;
                        status[(r * yearList.Length) + y] = CellStatus.Missing;
                    }

                    continue;
                }

                var src = table.Column(colName);
                for (var r = 0; r < table.RowCount; r++)
                {
                    var i = (r * yearList.Length) + y;
                    values[i] = src.Values![r];
                    status[i] = src.Status[r];
                    if (src.Raw is not null && src.Raw.TryGetValue(r, out var s))
                    {
                        (raw ??= [])[i] = s;
                    }
                }
            }

            columns.Add(new ColumnData(stem, ColumnKind.Numeric, status, values, null, raw));
        }

        return new IndicatorTable(table.Source, [.. columns], lines, table.Report);
    }

    [GeneratedRegex(@"(?<!\d)(19\d\d|20\d\d|2100)(?!\d)")]
    private static partial Regex YearPattern();
}
