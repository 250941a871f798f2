using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Geo;

namespace GeoPrevention.Analytics.Collection;

/// <summary>
/// Checks a supplier's delivery (a returned template, or any CSV/xlsx table in the supplier's columns) against the
/// atlas before it may enter the time series. The check reads only; it never writes. Rules, in order:
/// <list type="number">
/// <item>Reading: <c>.xlsx</c> files are read from the sheet <c>Daten</c> (the template), else from the first sheet
/// (info: not the template); every other file is read as CSV with full detection (UTF-8 or Windows-1252,
/// delimiter, decimal comma) and reported as „CSV statt Vorlage“ (info).</item>
/// <item>Supplier: the given one, else the supplier with the most of its columns in the file (blocking when no
/// supplier or several equally good ones match).</item>
/// <item>Columns: the table's key column and every supplier column must be present (blocking); the year column must be
/// present unless a year is given; <c>name</c> is ignored, other columns are reported (info) and ignored.</item>
/// <item>Year: the given year, else the most frequent year of the file; rows for another year or without a year are
/// blocking; a year already in the atlas is reported (info: the delivery becomes the newer vintage).</item>
/// <item>Keys: each row's key must be a district of the table's layer or of a layer above it (parent rows = totals,
/// used by rule 8); unknown keys are blocking and get a hint when a known key differs only by leading zeros, white
/// space or case, or by one character; empty and duplicate keys are blocking; every district without a row is
/// blocking.</item>
/// <item>Cells of the supplier columns: text that is no number, NA token or suppression token (<c>x</c>, <c>&lt;3</c>)
/// is blocking; counts must be whole and ≥ 0, amounts ≥ 0 (blocking); an empty cell is a warning, a column without any
/// value (an unfilled template) is blocking; a cell suppressed at source is info.</item>
/// <item>Numerator ≤ denominator for every indicator of the table whose numerator or denominator the supplier delivers:
/// the other column is taken from the same delivery, else from the atlas for that year (another supplier's earlier
/// delivery or the base table); a share above 100 % is blocking, a rate's numerator above its denominator a warning;
/// when the other column is not available yet the check is skipped (info).</item>
/// <item>Sums: for every parent row in the delivery and every count or amount column, the districts below it must add
/// up to its total (blocking); when some of them are suppressed, missing or invalid, only the known ones are added and
/// their sum must not exceed the total (a lower-bound check). The atlas itself holds no independent parent totals (its
/// tables are on the finest layer and parents are sums), so totals come from the delivery.</item>
/// <item>History: each delivered value is judged against the district's own past values of the column by
/// <see cref="PlausibilityRule"/> (k · MAD of the past year-on-year changes and a small-number allowance); an
/// implausible change is a warning.</item>
/// </list>
/// </summary>
public static class IntakeCheck
{
    /// <summary>The sheet the template's data are on (<see cref="SupplierTemplates.DataSheetName"/>).</summary>
    public const string DataSheet = SupplierTemplates.DataSheetName;

    /// <summary>The template's name column, ignored on intake (<see cref="SupplierTemplates.NameColumn"/>).</summary>
    public const string NameColumn = SupplierTemplates.NameColumn;

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Checks a delivery with default options (supplier and year detected).</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="path">The delivered file.</param>
    /// <returns>The findings and the parsed delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="atlas"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="GeoDataFormatException">The file cannot be read as a table.</exception>
    public static IntakeResult Check(AtlasData atlas, string path) => Check(atlas, path, new IntakeOptions());

    /// <summary>Checks a delivery (rules in the class summary).</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="path">The delivered file.</param>
    /// <param name="options">Supplier, year and plausibility parameters.</param>
    /// <returns>The findings and the parsed delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="atlas"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="KeyNotFoundException">The given supplier is not in the atlas.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="GeoDataFormatException">The file cannot be read as a table.</exception>
    public static IntakeResult Check(AtlasData atlas, string path, IntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        var m = atlas.Manifest;
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Delivery file '{path}' not found.", path);
        }

        AtlasSupplier? given = null;
        if (options.Supplier is { } sid)
        {
            given = m.FindSupplier(sid) ?? throw new KeyNotFoundException($"Unknown supplier '{sid}'; the atlas has: {string.Join(", ", m.Suppliers.Select(s => s.Id))}.");
        }

        var sha = DeliveryLog.Sha256Of(full);
        var received = new DateTimeOffset(File.GetLastWriteTimeUtc(full), TimeSpan.Zero);
        var f = new List<IntakeFinding>();

        // Rule 1: reading (a first pass only for the column names).
        var isXlsx = full.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        string? sheet = null;
        if (isXlsx)
        {
            var sheets = SheetNames(full);
            sheet = sheets.Contains(DataSheet) ? DataSheet : sheets.FirstOrDefault();
            if (sheet != DataSheet)
            {
                f.Add(Info(IntakeFindingKind.ForeignFormat, $"Keine GeoPrevention-Vorlage: die Arbeitsmappe hat kein Blatt „{DataSheet}“; gelesen wurde das Blatt „{sheet}“."));
            }
        }

        var probe = Read(full, isXlsx, sheet, new TableColumnOptions { DetectKeyColumns = false, MaxInvalidShare = 1 });
        var names = probe.Columns.Select(c => c.Name).ToList();
        var format = isXlsx ? (sheet == DataSheet ? "XLSX (Vorlage)" : $"XLSX (Blatt „{sheet}“)") : $"CSV ({probe.Report.Dialect.Encoding}, Trennzeichen „{probe.Report.Dialect.Delimiter}“)";
        if (!isXlsx)
        {
            var encoding = probe.Report.Dialect.Encoding == "windows-1252" ? "Windows-1252 (ANSI)" : probe.Report.Dialect.Encoding;
            f.Add(Info(IntakeFindingKind.ForeignFormat, $"CSV statt Vorlage: die Datei wurde als CSV gelesen (Kodierung {encoding}, Trennzeichen „{probe.Report.Dialect.Delimiter}“). Bitte künftig die xlsx-Vorlage verwenden."));
        }

        // Rule 2: supplier.
        var supplier = given ?? DetectSupplier(m, names, f);
        if (supplier is null)
        {
            return Result(m, full, sha, received, format, null, null, options.Year, [], [], f);
        }

        var spec = m.FindTable(supplier.Table)!;

        // Rule 3: columns.
        var supplierColumns = supplier.Columns.Where(c => names.Contains(c.Column, StringComparer.Ordinal)).ToList();
        foreach (var c in supplier.Columns.Where(c => !names.Contains(c.Column, StringComparer.Ordinal)))
        {
            f.Add(new IntakeFinding(IntakeSeverity.Blocking, IntakeFindingKind.MissingColumn, null, null, c.Column, null, null, $"Die Spalte „{c.Column}“ ({c.Label}) fehlt in der Lieferung."));
        }

        if (!names.Contains(spec.Key, StringComparer.Ordinal))
        {
            f.Add(new IntakeFinding(IntakeSeverity.Blocking, IntakeFindingKind.MissingColumn, null, null, spec.Key, null, null, $"Die Schlüsselspalte „{spec.Key}“ fehlt; ohne sie lassen sich die Zeilen keinem Sozialraum zuordnen. Spalten der Datei: {string.Join(", ", names)}."));
            return Result(m, full, sha, received, format, supplier, spec, options.Year, [], [], f);
        }

        var hasYear = names.Contains(spec.Year, StringComparer.Ordinal);
        if (!hasYear && options.Year is null)
        {
            f.Add(new IntakeFinding(IntakeSeverity.Blocking, IntakeFindingKind.MissingColumn, null, null, spec.Year, null, null, $"Die Jahresspalte „{spec.Year}“ fehlt und kein Jahr wurde angegeben (--year)."));
            return Result(m, full, sha, received, format, supplier, spec, null, [], [], f);
        }

        var others = m.Suppliers.SelectMany(s => s.Columns.Select(c => (c.Column, Supplier: s))).ToLookup(p => p.Column, p => p.Supplier, StringComparer.Ordinal);
        foreach (var name in names.Where(n => n != spec.Key && n != spec.Year && n != NameColumn && supplier.Columns.All(c => c.Column != n)))
        {
            var owner = others[name].FirstOrDefault();
            f.Add(new IntakeFinding(IntakeSeverity.Info, IntakeFindingKind.ExtraColumn, null, null, name, null, null,
                owner is null ? $"Die Spalte „{name}“ gehört nicht zur Lieferung und wird nicht übernommen." : $"Die Spalte „{name}“ liefert {owner.Label} ({owner.Id}); sie wird mit dieser Lieferung nicht übernommen."));
        }

        // Second pass with the roles known.
        var table = Read(full, isXlsx, sheet, new TableColumnOptions
        {
            KeyColumns = [spec.Key],
            TextColumns = names.Contains(NameColumn, StringComparer.Ordinal) ? [NameColumn] : [],
            YearColumn = hasYear ? spec.Year : null,
            DetectKeyColumns = false,
            MaxInvalidShare = 1,
        });

        // Rule 4: year.
        var year = options.Year ?? MostFrequentYear(table, spec.Year);
        if (year is null)
        {
            f.Add(new IntakeFinding(IntakeSeverity.Blocking, IntakeFindingKind.WrongYear, null, null, spec.Year, null, null, $"Die Jahresspalte „{spec.Year}“ enthält kein gültiges Jahr."));
            return Result(m, full, sha, received, format, supplier, spec, null, [], [], f);
        }

        if (atlas.Years.Contains(year.Value))
        {
            f.Add(Info(IntakeFindingKind.KnownYear, $"Das Jahr {Year(year.Value)} ist bereits im Atlas. Nach der Annahme gilt diese Lieferung als neuester Stand; die bisherigen Werte bleiben als älterer Stand erhalten."));
        }

        var context = new Context(atlas, spec, supplierColumns, table, year.Value, f, options.Plausibility);
        var rows = context.Run(hasYear);
        return Result(m, full, sha, received, format, supplier, spec, year, [.. supplierColumns.Select(c => c.Column)], rows, f);
    }

    /// <summary>Spreadsheet column letters of a 1-based column number (1 → A, 27 → AA).</summary>
    /// <param name="column">1-based column number.</param>
    /// <returns>The letters.</returns>
    internal static string ColumnLetters(int column)
    {
        var s = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            s = (char)('A' + ((c - 1) % 26)) + s;
        }

        return s;
    }

    internal static string Number(double v) => v.ToString(v == Math.Floor(v) ? "N0" : "N2", German);

    private static string Year(int y) => y.ToString(CultureInfo.InvariantCulture);

    private static IntakeFinding Info(IntakeFindingKind kind, string message) => new(IntakeSeverity.Info, kind, null, null, null, null, null, message);

    private static IntakeResult Result(AtlasManifest m, string path, string sha, DateTimeOffset received, string format, AtlasSupplier? supplier, AtlasTable? table, int? year, IReadOnlyList<string> columns, IReadOnlyList<DeliveredRow> rows, List<IntakeFinding> findings)
    {
        var ordered = findings.Select((x, i) => (x, i)).OrderBy(p => p.x.Severity).ThenBy(p => p.x.Line ?? 0).ThenBy(p => p.i).Select(p => p.x).ToList();
        return new IntakeResult(m, path, sha, received, format, supplier, table, year, columns, rows, ordered);
    }

    private static IndicatorTable Read(string path, bool isXlsx, string? sheet, TableColumnOptions columns) => isXlsx
        ? TableReader.ReadExcel(path, new ExcelReadOptions { SheetName = sheet, HasHeader = true, Columns = columns })
        : TableReader.ReadCsv(path, new CsvReadOptions { HasHeader = true, Columns = columns });

    private static List<string> SheetNames(string path)
    {
        try
        {
            using var doc = SpreadsheetDocument.Open(path, false);
            return doc.WorkbookPart?.Workbook.Sheets?.Elements<Sheet>().Select(s => s.Name?.Value ?? "").ToList() ?? [];
        }
        catch (Exception ex) when (ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or System.Xml.XmlException)
        {
            throw new GeoDataFormatException(path, $"not a readable .xlsx workbook ({ex.Message})", innerException: ex);
        }
    }

    private static AtlasSupplier? DetectSupplier(AtlasManifest m, List<string> names, List<IntakeFinding> f)
    {
        var scored = m.Suppliers.Select(s => (Supplier: s, Hits: s.Columns.Count(c => names.Contains(c.Column, StringComparer.Ordinal)))).Where(p => p.Hits > 0).OrderByDescending(p => p.Hits).ToList();
        if (scored.Count == 0)
        {
            f.Add(new IntakeFinding(IntakeSeverity.Blocking, IntakeFindingKind.Supplier, null, null, null, null, null, $"Kein Lieferant erkennbar: keine Spalte der Datei ({string.Join(", ", names)}) gehört zu einem Lieferanten des Atlas. Bitte --supplier angeben oder die Vorlage verwenden."));
            return null;
        }

        var best = scored.Where(p => p.Hits == scored[0].Hits).ToList();
        if (best.Count > 1)
        {
            f.Add(new IntakeFinding(IntakeSeverity.Blocking, IntakeFindingKind.Supplier, null, null, null, null, null, $"Mehrere Lieferanten passen gleich gut ({string.Join(", ", best.Select(p => p.Supplier.Id))}); bitte --supplier angeben."));
            return null;
        }

        var s = scored[0].Supplier;
        f.Add(Info(IntakeFindingKind.Supplier, $"Lieferant erkannt: {s.Label} ({s.Id}), anhand von {scored[0].Hits} der {s.Columns.Count} Spalten."));
        return s;
    }

    private static int? MostFrequentYear(IndicatorTable table, string yearColumn)
    {
        if (!table.HasColumn(yearColumn) || table.GetColumn(yearColumn).Kind != ColumnKind.Numeric)
        {
            return null;
        }

        var years = table.GetNumbers(yearColumn).ToArray().Where(y => !double.IsNaN(y) && y == Math.Floor(y) && y is > 1900 and < 2200).Select(y => (int)y).ToList();
        return years.Count == 0 ? null : years.GroupBy(y => y).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
    }

    /// <summary>The state of one check (rules 4–9 row by row).</summary>
    private sealed class Context(AtlasData atlas, AtlasTable spec, List<AtlasSupplierColumn> columns, IndicatorTable table, int year, List<IntakeFinding> f, PlausibilityOptions plausibility)
    {
        private readonly Dictionary<string, (string Layer, string Name, Dictionary<string, string> Ancestors)> _districts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Layer, string LayerLabel, string Name)> _parents = new(StringComparer.Ordinal);

        public List<DeliveredRow> Run(bool hasYear)
        {
            BuildHierarchy();
            var keys = table.GetText(spec.Key);
            var names = table.HasColumn(NameColumn) ? table.GetText(NameColumn) : null;
            var yearKind = hasYear ? table.GetColumn(spec.Year).Kind : ColumnKind.Text;
            var districtRows = new Dictionary<string, int>(StringComparer.Ordinal);
            var parentRows = new Dictionary<string, int>(StringComparer.Ordinal);
            var order = new List<(string Key, int Row)>();
            for (var r = 0; r < table.RowCount; r++)
            {
                var line = table.GetLine(r);
                var key = keys[r]?.Trim();
                if (key is null or "")
                {
                    f.Add(new IntakeFinding(IntakeSeverity.Blocking, IntakeFindingKind.EmptyKey, null, names?[r], spec.Key, line, Cell(spec.Key, line), $"Zeile {line} hat keinen Schlüssel in „{spec.Key}“."));
                    continue;
                }

                var districtName = _districts.TryGetValue(key, out var d) ? d.Name : _parents.TryGetValue(key, out var p) ? p.Name : names?[r];
                if (hasYear)
                {
                    var y = yearKind == ColumnKind.Numeric ? table.GetValue(spec.Year, r) : null;
                    if (y != year)
                    {
                        var text = y is { } yy ? yy.ToString(CultureInfo.InvariantCulture) : table.GetSourceText(spec.Year, r) ?? "leer";
                        f.Add(new IntakeFinding(IntakeSeverity.Blocking, IntakeFindingKind.WrongYear, key, districtName, spec.Year, line, Cell(spec.Year, line), $"Falsches Jahr: „{text}“ statt {Year(year)}."));
                        continue;
                    }
                }

                if (_districts.ContainsKey(key) || _parents.ContainsKey(key))
                {
                    var seen = _districts.ContainsKey(key) ? districtRows : parentRows;
                    if (seen.TryGetValue(key, out var first))
                    {
                        f.Add(new IntakeFinding(IntakeSeverity.Blocking, IntakeFindingKind.DuplicateKey, key, districtName, spec.Key, line, Cell(spec.Key, line), $"Der Schlüssel {key} kommt doppelt vor (schon in Zeile {table.GetLine(first)}); nur eine Zeile je Schlüssel ist erlaubt."));
                        continue;
                    }

                    seen[key] = r;
                    if (_districts.ContainsKey(key))
                    {
                        order.Add((key, r));
                    }

                    continue;
                }

                f.Add(new IntakeFinding(IntakeSeverity.Blocking, IntakeFindingKind.UnknownKey, key, names?[r], spec.Key, line, Cell(spec.Key, line), $"Unbekannter Schlüssel {key}: kein Sozialraum dieses Atlas.{Hint(key)}"));
            }

            var layer = atlas.GetLayer(spec.Layer);
            foreach (var district in layer.Districts.Where(x => !districtRows.ContainsKey(x.Key)))
            {
                f.Add(new IntakeFinding(IntakeSeverity.Blocking, IntakeFindingKind.MissingDistrict, district.Key, district.Name, spec.Key, null, null, $"{district.Name} ({district.Key}) fehlt in der Lieferung."));
            }

            if (parentRows.Count > 0)
            {
                var labels = parentRows.Keys.Select(k => _parents[k].LayerLabel).Distinct().ToList();
                f.Add(Info(IntakeFindingKind.ParentRows, $"{parentRows.Count} Summenzeile(n) ({string.Join(", ", labels)}) erkannt; sie werden nur für die Summenprüfung genutzt."));
            }

            // Rule 6: cells.
            var cells = new Dictionary<string, DeliveredCell[]>(StringComparer.Ordinal);
            foreach (var c in columns)
            {
                var array = new DeliveredCell[table.RowCount];
                for (var r = 0; r < table.RowCount; r++)
                {
                    array[r] = ReadCell(c.Column, r);
                }

                cells[c.Column] = array;
            }

            // An unfilled column is one blocking finding, not one warning per empty cell.
            var empty = columns.Where(c => order.Count > 0 && order.All(o => cells[c.Column][o.Row].Status == CellStatus.Missing)).Select(c => c.Column).ToHashSet(StringComparer.Ordinal);
            foreach (var c in columns.Where(c => empty.Contains(c.Column)))
            {
                f.Add(new IntakeFinding(IntakeSeverity.Blocking, IntakeFindingKind.EmptyColumn, null, null, c.Column, null, null, $"Die Spalte „{c.Column}“ ({c.Label}) ist leer: für keinen Sozialraum wurde ein Wert eingetragen."));
            }

            var result = new List<DeliveredRow>(order.Count);
            foreach (var (key, r) in order)
            {
                var line = table.GetLine(r);
                foreach (var c in columns.Where(c => !empty.Contains(c.Column)))
                {
                    CheckCell(c, key, _districts[key].Name, line, cells[c.Column][r]);
                }

                result.Add(new DeliveredRow(key, line, [.. columns.Select(c => cells[c.Column][r])]));
            }

            foreach (var (key, r) in parentRows)
            {
                foreach (var c in columns)
                {
                    CheckCell(c, key, _parents[key].Name, table.GetLine(r), cells[c.Column][r]);
                }
            }

            CheckRatios(result);
            CheckSums(result, parentRows, cells);
            CheckHistory(result);
            return result;
        }

        private void BuildHierarchy()
        {
            var m = atlas.Manifest;
            var chain = new List<AtlasLayer>();
            for (var l = m.FindLayer(spec.Layer); l is not null && chain.Count < 8; l = l.ParentLayer is null ? null : m.FindLayer(l.ParentLayer))
            {
                chain.Add(l);
            }

            foreach (var upper in chain.Skip(1))
            {
                foreach (var d in atlas.GetLayer(upper.Id).Districts)
                {
                    _parents.TryAdd(d.Key, (upper.Id, upper.Label, d.Name));
                }
            }

            foreach (var d in atlas.GetLayer(spec.Layer).Districts)
            {
                var ancestors = new Dictionary<string, string>(StringComparer.Ordinal);
                var parentKey = d.ParentKey;
                foreach (var upper in chain.Skip(1))
                {
                    if (parentKey is null || atlas.GetLayer(upper.Id).Find(parentKey) is not { } parent)
                    {
                        break;
                    }

                    ancestors[upper.Id] = parent.Key;
                    parentKey = parent.ParentKey;
                }

                _districts[d.Key] = (spec.Layer, d.Name, ancestors);
            }
        }

        private string Hint(string key)
        {
            var all = _districts.Keys.Concat(_parents.Keys).ToList();
            var zeros = all.Where(k => k.TrimStart('0') == key.TrimStart('0') && k != key).ToList();
            if (zeros.Count == 1)
            {
                return $" Führende Null verloren? Gemeint ist wohl {zeros[0]} ({NameOf(zeros[0])}). Schlüssel bitte als Text eingeben.";
            }

            var squeezed = Squeeze(key);
            var loose = all.Where(k => Squeeze(k) == squeezed).ToList();
            if (loose.Count == 1)
            {
                return $" Gemeint ist wohl {loose[0]} ({NameOf(loose[0])}); der Schlüssel unterscheidet sich nur in Leerzeichen, Trennzeichen oder Groß-/Kleinschreibung.";
            }

            var near = all.Where(k => k.Length == key.Length && k.Zip(key).Count(p => p.First != p.Second) == 1).ToList();
            return near.Count == 1 ? $" Tippfehler? Ähnlich ist {near[0]} ({NameOf(near[0])})." : "";

            static string Squeeze(string s) => new([.. s.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
        }

        private string NameOf(string key) => _districts.TryGetValue(key, out var d) ? d.Name : _parents[key].Name;

        private string Cell(string column, int line) => ColumnLetters(table.GetColumn(column).Index + 1) + line.ToString(CultureInfo.InvariantCulture);

        private DeliveredCell ReadCell(string column, int r)
        {
            if (table.GetColumn(column).Kind == ColumnKind.Numeric)
            {
                var status = table.GetStatus(column, r);
                return new DeliveredCell(status == CellStatus.Value ? table.GetNumbers(column)[r] : double.NaN, status, status is CellStatus.SuppressedAtSource or CellStatus.Invalid ? table.GetSourceText(column, r) : null);
            }

            // A column without a single number was read as text: classify each cell like the table reader would.
            var text = table.GetText(column)[r]?.Trim();
            if (text is null or "" || TableColumnOptions.DefaultNaTokens.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                return new DeliveredCell(double.NaN, CellStatus.Missing, null);
            }

            return TableColumnOptions.DefaultSuppressedTokens.Contains(text, StringComparer.OrdinalIgnoreCase) || GermanNumber.IsCensoringBound(text)
                ? new DeliveredCell(double.NaN, CellStatus.SuppressedAtSource, text)
                : new DeliveredCell(double.NaN, CellStatus.Invalid, text);
        }

        private void CheckCell(AtlasSupplierColumn c, string key, string name, int line, DeliveredCell cell)
        {
            var where = Cell(c.Column, line);
            void Add(IntakeSeverity s, IntakeFindingKind k, string message) => f.Add(new IntakeFinding(s, k, key, name, c.Column, line, where, message));
            switch (cell.Status)
            {
                case CellStatus.Invalid:
                    Add(IntakeSeverity.Blocking, IntakeFindingKind.NonNumeric, $"Keine Zahl in „{c.Column}“: „{cell.SourceText}“. Erlaubt sind Zahlen, „x“ oder „<3“ für an der Quelle geheim gehaltene Werte und eine leere Zelle für „nicht bekannt“.");
                    return;
                case CellStatus.Missing:
                    Add(IntakeSeverity.Warning, IntakeFindingKind.MissingValue, $"Kein Wert in „{c.Column}“ (leere Zelle).");
                    return;
                case CellStatus.SuppressedAtSource:
                    Add(IntakeSeverity.Info, IntakeFindingKind.SuppressedAtSource, $"An der Quelle geheim gehalten: „{cell.SourceText}“.");
                    return;
            }

            if (c.Type != AtlasValueType.Number && cell.Value < 0)
            {
                Add(IntakeSeverity.Blocking, IntakeFindingKind.Negative, $"Negativer Wert in „{c.Column}“: {Number(cell.Value)}; erlaubt sind nur Werte ab 0.");
            }
            else if (c.Type == AtlasValueType.Count && cell.Value != Math.Floor(cell.Value))
            {
                Add(IntakeSeverity.Blocking, IntakeFindingKind.Fractional, $"„{c.Column}“ ist eine Anzahl, aber {Number(cell.Value)} ist keine ganze Zahl.");
            }
        }

        private void CheckRatios(List<DeliveredRow> rows)
        {
            var index = columns.Select((c, i) => (c.Column, i)).ToDictionary(p => p.Column, p => p.i, StringComparer.Ordinal);
            var data = atlas.GetTableData(spec.Id);
            var pairs = atlas.Manifest.Indicators.Where(i => i.Table == spec.Id && i.Denominator is not null && i.Denominator != i.Numerator && (index.ContainsKey(i.Numerator) || index.ContainsKey(i.Denominator!)))
                .GroupBy(i => (i.Numerator, Denominator: i.Denominator!));
            foreach (var pair in pairs)
            {
                var (num, den) = pair.Key;
                var share = pair.Any(i => i.Kind == AtlasRateKind.Share);
                var labels = string.Join(", ", pair.Select(i => i.ShortLabel ?? i.Label));
                var delivered = index.ContainsKey(num) ? num : den;
                var compared = 0;
                foreach (var row in rows)
                {
                    var n = Value(row, num);
                    var d = Value(row, den);
                    if (n is not { } nv || d is not { } dv)
                    {
                        continue;
                    }

                    compared++;
                    if (nv > dv)
                    {
                        var origin = index.ContainsKey(num) && index.ContainsKey(den) ? "beide aus dieser Lieferung" : index.ContainsKey(num) ? "Nenner aus dem Atlas" : "Zähler aus dem Atlas";
                        f.Add(new IntakeFinding(share ? IntakeSeverity.Blocking : IntakeSeverity.Warning, IntakeFindingKind.NumeratorAboveDenominator, row.Key, _districts[row.Key].Name, delivered, row.Line, Cell(delivered, row.Line),
                            $"Zähler „{num}“ = {Number(nv)} ist größer als der Nenner „{den}“ = {Number(dv)} ({labels}; {origin})." + (share ? "" : " Bei einer Rate ist das möglich, aber ungewöhnlich.")));
                    }
                }

                if (compared == 0)
                {
                    var missing = index.ContainsKey(num) ? den : num;
                    f.Add(new IntakeFinding(IntakeSeverity.Info, IntakeFindingKind.DenominatorUnavailable, null, null, delivered, null, null, $"Prüfung „{num}“ ≤ „{den}“ ({labels}) entfällt: „{missing}“ liegt für {Year(year)} weder in dieser Lieferung noch im Atlas vor."));
                }
            }

            double? Value(DeliveredRow row, string column)
            {
                if (index.TryGetValue(column, out var i))
                {
                    return row.Cells[i].Status == CellStatus.Value ? row.Cells[i].Value : null;
                }

                return data.TryGet(column, row.Key, year, out var cell) && cell.Status == CellStatus.Value ? cell.Value : null;
            }
        }

        private void CheckSums(List<DeliveredRow> rows, Dictionary<string, int> parentRows, Dictionary<string, DeliveredCell[]> cells)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var c = columns[i];
                if (c.Type == AtlasValueType.Number)
                {
                    continue;
                }

                foreach (var (parentKey, pr) in parentRows)
                {
                    var total = cells[c.Column][pr];
                    if (total.Status != CellStatus.Value)
                    {
                        continue;
                    }

                    var parent = _parents[parentKey];
                    var children = rows.Where(r => _districts[r.Key].Ancestors.TryGetValue(parent.Layer, out var a) && a == parentKey).ToList();
                    var expected = atlas.GetLayer(spec.Layer).Districts.Count(d => _districts[d.Key].Ancestors.TryGetValue(parent.Layer, out var a) && a == parentKey);
                    var known = children.Where(r => r.Cells[i].Status == CellStatus.Value).ToList();
                    var sum = known.Sum(r => r.Cells[i].Value);
                    var unknown = expected - known.Count;
                    var tolerance = c.Type == AtlasValueType.Count ? 0.5 : 0.005 + (1e-9 * Math.Abs(total.Value));
                    var line = table.GetLine(pr);
                    if (unknown == 0 && Math.Abs(sum - total.Value) > tolerance)
                    {
                        f.Add(new IntakeFinding(IntakeSeverity.Blocking, IntakeFindingKind.ChildrenSum, parentKey, parent.Name, c.Column, line, Cell(c.Column, line),
                            $"Die {children.Count} Sozialräume von {parent.Name} ergeben in „{c.Column}“ zusammen {Number(sum)}, die Summenzeile nennt {Number(total.Value)} (Differenz {Number(sum - total.Value)})."));
                    }
                    else if (unknown > 0 && sum > total.Value + tolerance)
                    {
                        f.Add(new IntakeFinding(IntakeSeverity.Blocking, IntakeFindingKind.ChildrenSum, parentKey, parent.Name, c.Column, line, Cell(c.Column, line),
                            $"Schon die {known.Count} bekannten Sozialräume von {parent.Name} ergeben in „{c.Column}“ {Number(sum)}, mehr als die Summenzeile ({Number(total.Value)}); {unknown} Werte sind geheim gehalten oder fehlen (Prüfung als Untergrenze)."));
                    }
                }
            }
        }

        private void CheckHistory(List<DeliveredRow> rows)
        {
            var data = atlas.GetTableData(spec.Id);
            var first = data.Years.Count > 0 ? data.Years.Min : year;
            for (var i = 0; i < columns.Count; i++)
            {
                var c = columns[i];
                if (!data.HasColumn(c.Column))
                {
                    continue;
                }

                foreach (var row in rows)
                {
                    var cell = row.Cells[i];
                    if (cell.Status != CellStatus.Value || year <= first)
                    {
                        continue;
                    }

                    var history = new double[year - first];
                    for (var y = first; y < year; y++)
                    {
                        history[y - first] = data.TryGet(c.Column, row.Key, y, out var h) && h.Status == CellStatus.Value ? h.Value : double.NaN;
                    }

                    var p = PlausibilityRule.Evaluate(history, cell.Value, c.Type == AtlasValueType.Count, plausibility);
                    if (p.IsImplausible)
                    {
                        var factor = p.Previous > 0 ? $" (Faktor {(cell.Value / p.Previous).ToString("0.##", German)})" : "";
                        f.Add(new IntakeFinding(IntakeSeverity.Warning, IntakeFindingKind.ImplausibleChange, row.Key, _districts[row.Key].Name, c.Column, row.Line, Cell(c.Column, row.Line),
                            $"Auffällige Änderung in „{c.Column}“: {Year(year - 1)} {Number(p.Previous)}, {Year(year)} {Number(cell.Value)}{factor}. Üblich war eine Änderung um {Signed(p.MedianChange)} (MAD {p.Mad.ToString("0.#", German)}); "
                            + $"die Abweichung {Number(Math.Abs(p.Change - p.MedianChange))} liegt über der robusten Grenze {p.RobustLimit.ToString("0.#", German)} und über dem Zählrauschen {p.NoiseAllowance.ToString("0.#", German)}. Bitte prüfen."));
                    }
                }
            }
        }

        private static string Signed(double v) => (v > 0 ? "+" : "") + v.ToString("0.#", German);
    }
}
