using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GeoPrevention.Analytics.Collection;
using GeoPrevention.Analytics.Tables;

namespace GeoPrevention.Analytics.Atlas;

/// <summary>
/// Where the values of a table column come from: the base table file named in the manifest, or one accepted delivery
/// (an immutable vintage file registered in <c>deliveries/log.json</c>).
/// </summary>
/// <param name="Id">The base file name (e.g. <c>sozialraeume_2015_2025.csv</c>) or the delivery id (<c>jugendamt_20270302T101500Z</c>).</param>
/// <param name="File">The file, relative to the atlas folder, with forward slashes.</param>
/// <param name="Supplier">The supplier id of a delivery; <see langword="null"/> for the base table.</param>
/// <param name="DeliveredBy">Who delivered, if recorded.</param>
/// <param name="AcceptedUtc">When the delivery was accepted; <see langword="null"/> for the base table.</param>
public sealed record DataVintage(string Id, string File, string? Supplier, string? DeliveredBy, DateTimeOffset? AcceptedUtc)
{
    /// <summary>Whether this is the base table of the manifest rather than a delivery.</summary>
    public bool IsBase => Supplier is null;

    /// <summary>German label: <c>Lieferung jugendamt 2027-03-02</c> or <c>Grundtabelle sozialraeume_2015_2025.csv</c>.</summary>
    public string Label => IsBase
        ? "Grundtabelle " + Path.GetFileName(File)
        : "Lieferung " + Supplier + " " + AcceptedUtc!.Value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// The data date (Stichtag) and vintages behind one indicator in one year: the vintages of the cells of its numerator
/// and denominator columns in that year, base table first, then deliveries in acceptance order.
/// </summary>
/// <param name="IndicatorId">Indicator id.</param>
/// <param name="Year">Year.</param>
/// <param name="DataDate">The data date of the year (e.g. <c>31.12.2026</c> from the manifest's <c>31.12. des Jahres</c>), or <see langword="null"/>.</param>
/// <param name="Vintages">The vintages used (empty when the year has no cells for the indicator).</param>
public sealed record IndicatorProvenance(string IndicatorId, int Year, string? DataDate, IReadOnlyList<DataVintage> Vintages)
{
    /// <summary>German text for maps, reports and the web host, e.g. <c>Datenstand 31.12.2026, Lieferung jugendamt 2027-03-02</c>.</summary>
    public string Text
    {
        get
        {
            var parts = new List<string>();
            if (DataDate is not null)
            {
                parts.Add("Datenstand " + DataDate);
            }

            if (Vintages.Count > 0)
            {
                parts.Add(string.Join(" und ", Vintages.Select(v => v.Label)));
            }

            return string.Join(", ", parts);
        }
    }
}

/// <summary>One merged cell of an atlas table.</summary>
/// <param name="Value">The value (NaN unless <paramref name="Status"/> is <see cref="CellStatus.Value"/>).</param>
/// <param name="Status">Value or suppressed at source (missing cells are not stored).</param>
/// <param name="Vintage">Index into <see cref="AtlasTableData.Vintages"/>.</param>
internal readonly record struct MergedCell(double Value, CellStatus Status, int Vintage);

/// <summary>
/// The cells of one atlas table after the registered deliveries were laid over the base table. Rules:
/// 1. the base table is read with the manifest's dialect; every numeric column is kept;
/// 2. the deliveries of the table in <c>deliveries/log.json</c> are applied in acceptance order (then in log order), so per
///    (column, key, year) the latest accepted delivery wins; a delivery cell that is empty (missing) does not erase
///    an earlier value;
/// 3. a vintage file whose SHA-256 differs from the log, or that is missing, is an error (vintages are immutable);
/// 4. rows whose key is not a district of the table's layer, or without a year, are ignored here (the base table's
///    join findings are reported by <see cref="AtlasData"/>; deliveries were checked at intake).
/// </summary>
internal sealed partial class AtlasTableData
{
    private readonly Dictionary<string, Dictionary<(string Key, int Year), MergedCell>> _cells = new(StringComparer.Ordinal);

    private AtlasTableData(AtlasTable spec, IndicatorTable baseTable)
    {
        Spec = spec;
        BaseTable = baseTable;
    }

    public AtlasTable Spec { get; }

    /// <summary>The base table as read (for the join diagnostics).</summary>
    public IndicatorTable BaseTable { get; }

    /// <summary>The vintages: index 0 is the base table, then the applied deliveries.</summary>
    public List<DataVintage> Vintages { get; } = [];

    /// <summary>Years that have at least one cell.</summary>
    public SortedSet<int> Years { get; } = [];

    public bool HasColumn(string column) => _cells.ContainsKey(column);

    public bool TryGet(string column, string key, int year, out MergedCell cell)
    {
        cell = default;
        return _cells.TryGetValue(column, out var c) && c.TryGetValue((key, year), out cell);
    }

    public IEnumerable<KeyValuePair<(string Key, int Year), MergedCell>> Cells(string column) =>
        _cells.TryGetValue(column, out var c) ? c : [];

    /// <summary>The vintages of a column's cells in one year, in vintage order.</summary>
    public IEnumerable<int> VintagesOf(string column, int year) =>
        Cells(column).Where(kv => kv.Key.Year == year).Select(kv => kv.Value.Vintage).Distinct().Order();

    /// <summary>The data date of a year from a manifest text: <c>31.12. des Jahres</c> → <c>31.12.2026</c>; other texts unchanged.</summary>
    public static string? DataDateOf(string? text, int year)
    {
        if (text is null)
        {
            return null;
        }

        var m = DayMonthOfYear().Match(text);
        return m.Success ? m.Groups[1].Value + year.ToString(CultureInfo.InvariantCulture) : text;
    }

    /// <summary>Reads the base table and lays the registered deliveries over it (rules in the class summary).</summary>
    public static AtlasTableData Load(AtlasManifest manifest, AtlasTable spec, IReadOnlyCollection<string> districtKeys, IReadOnlyList<string> countColumns, DeliveryLog log, List<AtlasIssue> errors)
    {
        var options = ReadOptions(spec, countColumns);
        var table = TableReader.ReadCsv(manifest.ResolvePath(spec.File), options);
        var data = new AtlasTableData(spec, table);
        data.Vintages.Add(new DataVintage(Path.GetFileName(spec.File), spec.File.Replace('\\', '/'), null, null, null));
        var known = districtKeys as IReadOnlySet<string> ?? districtKeys.ToHashSet(StringComparer.Ordinal);
        if (table.HasColumn(spec.Key) && table.HasColumn(spec.Year))
        {
            data.Add(table, 0, known);
        }

        var deliveries = log.Deliveries
            .Select((d, i) => (Entry: d, Index: i))
            .Where(d => string.Equals(d.Entry.Table, spec.Id, StringComparison.Ordinal))
            .OrderBy(d => d.Entry.AcceptedUtc).ThenBy(d => d.Index);
        foreach (var (entry, index) in deliveries)
        {
            var where = $"deliveries/log.json[{index.ToString(CultureInfo.InvariantCulture)}]";
            var full = manifest.ResolvePath(entry.File);
            var root = Path.TrimEndingDirectorySeparator(Path.Combine(manifest.BaseDirectory, DeliveryLog.FolderName)) + Path.DirectorySeparatorChar;
            if (!full.StartsWith(root, StringComparison.Ordinal))
            {
                errors.Add(new AtlasIssue(where, $"Delivery '{entry.Id}' names the file '{entry.File}', which is not inside the deliveries folder."));
                continue;
            }

            if (!File.Exists(full))
            {
                errors.Add(new AtlasIssue(where, $"The vintage file '{entry.File}' of delivery '{entry.Id}' is missing."));
                continue;
            }

            if (!string.Equals(DeliveryLog.Sha256Of(full), entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new AtlasIssue(where, $"The vintage file '{entry.File}' of delivery '{entry.Id}' was changed after it was accepted (SHA-256 differs from the log); vintages are immutable."));
                continue;
            }

            var vintageOptions = ReadOptions(spec, [.. entry.Columns.Where(countColumns.Contains)]);
            var delivered = TableReader.ReadCsv(full, new CsvReadOptions
            {
                Delimiter = vintageOptions.Delimiter,
                DecimalSeparator = vintageOptions.DecimalSeparator,
                Encoding = vintageOptions.Encoding,
                Columns = new TableColumnOptions { KeyColumns = [spec.Key], YearColumn = spec.Year, NumericColumns = [spec.Year, .. entry.Columns], CountColumns = vintageOptions.Columns.CountColumns },
            });
            data.Vintages.Add(new DataVintage(entry.Id, entry.File, entry.Supplier, entry.DeliveredBy, entry.AcceptedUtc));
            data.Add(delivered, data.Vintages.Count - 1, known);
        }

        return data;
    }

    /// <summary>The read options of a table file or one of its vintages (the manifest's dialect).</summary>
    public static CsvReadOptions ReadOptions(AtlasTable spec, IReadOnlyList<string> countColumns) => new()
    {
        Delimiter = spec.Delimiter is { Length: 1 } d ? d[0] : null,
        DecimalSeparator = spec.DecimalSeparator is { Length: 1 } s ? s[0] : null,
        Encoding = spec.Encoding is null ? null : Encoding.GetEncoding(spec.Encoding),
        Columns = new TableColumnOptions { KeyColumns = [spec.Key], YearColumn = spec.Year, CountColumns = countColumns },
    };

    private void Add(IndicatorTable table, int vintage, IReadOnlySet<string> known)
    {
        var keys = table.GetText(Spec.Key);
        var years = table.Columns.First(c => c.Name == Spec.Year).Kind == ColumnKind.Numeric ? table.GetNumbers(Spec.Year).ToArray() : null;
        foreach (var column in table.Columns)
        {
            if (column.Kind != ColumnKind.Numeric || column.Name == Spec.Year)
            {
                continue;
            }

            if (!_cells.TryGetValue(column.Name, out var cells))
            {
                cells = [];
                _cells[column.Name] = cells;
            }

            var values = table.GetNumbers(column.Name);
            var status = table.GetStatuses(column.Name);
            for (var r = 0; r < table.RowCount; r++)
            {
                if (keys[r] is not { } key || !known.Contains(key) || years is null || double.IsNaN(years[r]) || status[r] is CellStatus.Missing or CellStatus.Invalid)
                {
                    continue;
                }

                var year = (int)years[r];
                cells[(key, year)] = new MergedCell(status[r] == CellStatus.Value ? values[r] : double.NaN, status[r], vintage);
                Years.Add(year);
            }
        }
    }

    [GeneratedRegex(@"^\s*(\d{1,2}\.\d{1,2}\.)\s*des\s+(Berichts)?[Jj]ahres\s*$")]
    private static partial Regex DayMonthOfYear();
}
