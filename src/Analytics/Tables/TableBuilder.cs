using System.Globalization;
using System.Runtime.InteropServices;
using GeoPrevention.Geo;

namespace GeoPrevention.Analytics.Tables;

/// <summary>Types the columns of a <see cref="RawTable"/> and builds the <see cref="IndicatorTable"/> and its report.</summary>
internal static class TableBuilder
{
    private static readonly string[] KeyNames = ["ags", "ars", "gkz", "id", "key", "schluessel", "schlüssel", "kennziffer", "gemeindeschluessel", "gemeindeschlüssel", "regionalschluessel", "regionalschlüssel", "ags8", "ars12"];
    private static readonly string[] YearNames = ["year", "jahr", "berichtsjahr"];

    /// <summary>Decides whether the first row of <paramref name="raw"/> is a header.</summary>
    public static (bool HasHeader, string Reason) DetectHeader(RawTable raw)
    {
        if (raw.RowCount == 0)
        {
            return (false, "no rows");
        }

        var sample = Math.Min(raw.RowCount, 51);
        var allText = true;
        for (var c = 0; c < raw.ColumnCount; c++)
        {
            var first = GermanNumber.Trim(raw.Span(0, c));
            var firstNumeric = raw.IsNative(0, c, out _) || GermanNumber.Classify(first) != DecimalEvidence.NotNumber;
            if (first.IsEmpty || firstNumeric)
            {
                allText = false;
            }

            if (firstNumeric || first.IsEmpty || sample < 2)
            {
                continue;
            }

            var numeric = 0;
            var nonEmpty = 0;
            for (var r = 1; r < sample; r++)
            {
                var s = GermanNumber.Trim(raw.Span(r, c));
                if (s.IsEmpty)
                {
                    continue;
                }

                nonEmpty++;
                if (raw.IsNative(r, c, out _) || GermanNumber.Classify(s) != DecimalEvidence.NotNumber)
                {
                    numeric++;
                }
            }

            if (nonEmpty > 0 && numeric * 2 >= nonEmpty)
            {
                return (true, $"first row: '{first.ToString()}' in column {c + 1} is text above numbers");
            }
        }

        return allText
            ? (true, "first row: every cell is non-empty text")
            : (false, "first row looks like data (numbers or empty cells where a header would have names)");
    }

    /// <summary>Builds header names: trimmed, empty ones named <c>ColumnN</c>, repeated ones suffixed.</summary>
    public static string[] MakeNames(RawTable raw, bool hasHeader, List<ImportFinding> findings, int headerLine)
    {
        var names = new string[raw.ColumnCount];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < names.Length; c++)
        {
            var name = hasHeader ? raw.GetString(0, c).Trim().Trim('\uFEFF') : string.Empty;
            var original = name;
            if (name.Length == 0)
            {
                name = "Column" + (c + 1).ToString(CultureInfo.InvariantCulture);
            }

            var unique = name;
            for (var k = 2; !seen.Add(unique); k++)
            {
                unique = name + "_" + k.ToString(CultureInfo.InvariantCulture);
            }

            if (hasHeader && unique != original)
            {
                findings.Add(new ImportFinding(ImportFindingKind.RenamedColumn, headerLine, unique, null, $"header {c + 1} '{original}' was renamed to '{unique}' (empty or repeated)"));
            }

            names[c] = unique;
        }

        return names;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static IndicatorTable Build(RawTable raw, string[] names, TableDialect dialect, TableColumnOptions options, char? decimalOverride, char defaultDecimal, List<ImportFinding> findings)
    {
        var source = raw.Source;
        var nameSet = new HashSet<string>(names, StringComparer.Ordinal);
        void Require(IEnumerable<string> cols, string option)
        {
            foreach (var col in cols)
            {
                if (!nameSet.Contains(col))
                {
                    throw new GeoDataFormatException(source, $"column '{col}' (requested by option {option}) not found; columns are: {string.Join(", ", names)}", dialect.HeaderLine == 0 ? 1 : dialect.HeaderLine);
                }
            }
        }

        Require(options.KeyColumns, nameof(TableColumnOptions.KeyColumns));
        Require(options.TextColumns, nameof(TableColumnOptions.TextColumns));
        Require(options.NumericColumns, nameof(TableColumnOptions.NumericColumns));
        Require(options.CountColumns, nameof(TableColumnOptions.CountColumns));
        if (options.YearColumn is not null)
        {
            Require([options.YearColumn], nameof(TableColumnOptions.YearColumn));
        }

        foreach (var def in options.Indicators)
        {
            Require([def.NumeratorColumn, def.DenominatorColumn], $"Indicators ({def.Id})");
        }

        var na = new HashSet<string>(options.NaTokens, StringComparer.OrdinalIgnoreCase);
        var suppressed = new HashSet<string>(options.SuppressedTokens, StringComparer.OrdinalIgnoreCase);
        var naLookup = na.GetAlternateLookup<ReadOnlySpan<char>>();
        var suppressedLookup = suppressed.GetAlternateLookup<ReadOnlySpan<char>>();

        var rows = raw.RowCount;
        var columns = new ColumnData[names.Length];
        var reports = new ColumnReport[names.Length];
        var plans = new ColumnPlan[names.Length];

        // Pass 1: statuses and evidence per column, row by row (the cells of a row share cache lines).
        for (var c = 0; c < names.Length; c++)
        {
            plans[c] = new ColumnPlan(rows);
        }

        // Cells longer than every token cannot be one: no hash lookup for them.
        var maxTokenLength = 0;
        foreach (var t in options.NaTokens.Concat(options.SuppressedTokens))
        {
            maxTokenLength = Math.Max(maxTokenLength, t?.Length ?? 0);
        }

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < names.Length; c++)
            {
                var plan = plans[c];
                if (raw.IsNative(r, c, out _))
                {
                    plan.Status[r] = CellStatus.Value;
                    plan.Native++;
                    continue;
                }

                var s = GermanNumber.Trim(raw.Span(r, c));
                if (s.IsEmpty)
                {
                    plan.Status[r] = CellStatus.Missing;
                    plan.Empty++;
                    continue;
                }

                if (s.Length <= 15 && IsAllDigits(s))
                {
                    plan.Integers++;
                    if (s.Length > 1 && s[0] == '0')
                    {
                        plan.LeadingZero++;
                    }

                    // Parsed here once; pass 2 only parses the cells that are not plain integers.
                    long v = 0;
                    foreach (var ch in s)
                    {
                        v = (v * 10) + (ch - '0');
                    }

                    plan.Values[r] = v;
                    plan.Parsed[r] = true;
                    continue;
                }

                var token = s.Length <= maxTokenLength;
                if (token && naLookup.Contains(s))
                {
                    plan.Status[r] = CellStatus.Missing;
                    plan.NaTokens++;
                    continue;
                }

                if ((token && suppressedLookup.Contains(s)) || GermanNumber.IsCensoringBound(s))
                {
                    plan.Status[r] = CellStatus.SuppressedAtSource;
                    plan.Suppressed++;
                    continue;
                }

                switch (GermanNumber.Classify(s))
                {
                    case DecimalEvidence.Integer: plan.Integers++; break;
                    case DecimalEvidence.Comma: plan.Comma++; break;
                    case DecimalEvidence.Point: plan.Point++; break;
                    case DecimalEvidence.Ambiguous: plan.Ambiguous++; break;
                    default: plan.Text++; break;
                }
            }
        }

        // File-level default for ambiguous columns: unambiguous evidence in other columns, else the dialect default.
        var fileComma = plans.Count(p => p.Comma > p.Point);
        var filePoint = plans.Count(p => p.Point > p.Comma);
        var fallbackDecimal = decimalOverride ?? (fileComma > filePoint ? ',' : filePoint > fileComma ? '.' : defaultDecimal);
        var fallbackReason = decimalOverride is not null
            ? "option DecimalSeparator"
            : fileComma != filePoint
                ? $"other columns of the file use '{fallbackDecimal}'"
                : $"default for this dialect ('{fallbackDecimal}')";

        for (var c = 0; c < names.Length; c++)
        {
            var name = names[c];
            var plan = plans[c];
            var numbers = plan.Native + plan.Integers + plan.Comma + plan.Point + plan.Ambiguous;
            var nonMissing = numbers + plan.Text + plan.Suppressed;
            ColumnKind kind;
            string reason;
            if (options.KeyColumns.Contains(name))
            {
                (kind, reason) = (ColumnKind.Key, "option KeyColumns");
            }
            else if (options.TextColumns.Contains(name))
            {
                (kind, reason) = (ColumnKind.Text, "option TextColumns");
            }
            else if (options.NumericColumns.Contains(name))
            {
                (kind, reason) = (ColumnKind.Numeric, "option NumericColumns");
            }
            else if (options.DetectKeyColumns && plan.LeadingZero > 0 && plan.Comma + plan.Point + plan.Ambiguous == 0)
            {
                (kind, reason) = (ColumnKind.Key, $"detected: {plan.LeadingZero} value(s) with a leading zero");
            }
            else if (options.DetectKeyColumns && LooksLikeKeyName(name) && plan.Comma + plan.Point + plan.Ambiguous == 0)
            {
                (kind, reason) = (ColumnKind.Key, "detected: key-like column name");
            }
            else if (numbers > 0 && plan.Text <= options.MaxInvalidShare * nonMissing)
            {
                (kind, reason) = (ColumnKind.Numeric, plan.Text > 0 ? $"detected: {numbers} number(s), {plan.Text} text cell(s) reported" : $"detected: {numbers} number(s)");
            }
            else
            {
                (kind, reason) = (ColumnKind.Text, numbers == 0 ? "detected: no numbers" : $"detected: {plan.Text} of {nonMissing} cell(s) are text");
            }

            if (kind != ColumnKind.Numeric)
            {
                // Equal texts share one string instance and get one id (used for duplicate checks).
                var text = new string?[rows];
                var ids = new int[rows];
                var status = new CellStatus[rows];
                var missing = 0;
                var comparer = new PoolComparer();
                var pool = new Dictionary<string, int>(comparer);
                var poolLookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
                var distinct = new List<string>();
                for (var r = 0; r < rows; r++)
                {
                    string? str = null;
                    ReadOnlySpan<char> span;
                    if (raw.IsNative(r, c, out var v))
                    {
                        str = v.ToString("R", CultureInfo.InvariantCulture);
                        span = str;
                    }
                    else if (raw.HasEscapedQuotes(r, c))
                    {
                        str = raw.GetString(r, c);
                        if (kind == ColumnKind.Key)
                        {
                            str = str.Trim();
                        }

                        span = str;
                    }
                    else
                    {
                        span = raw.Span(r, c);
                        if (kind == ColumnKind.Key)
                        {
                            span = span.Trim();
                        }
                    }

                    if (GermanNumber.Trim(span).IsEmpty)
                    {
                        status[r] = CellStatus.Missing;
                        ids[r] = -1;
                        missing++;
                        continue;
                    }

                    // One hash lookup per cell: the pool adds the string itself when the text is new.
                    ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(poolLookup, span, out var exists);
                    if (!exists)
                    {
                        slot = distinct.Count;
                        distinct.Add(comparer.LastCreated!);
                    }

                    ids[r] = slot;
                    text[r] = distinct[slot];
                }

                columns[c] = new ColumnData(name, kind, status, null, text, null) { TextIds = ids };
                reports[c] = new ColumnReport(name, kind, rows - missing, missing, 0, 0, null, null, null, null, reason);
                continue;
            }

            // Numeric column: choose the decimal separator.
            char dec;
            if (decimalOverride is { } o)
            {
                dec = o;
                reason += "; decimal: option DecimalSeparator";
            }
            else if (plan.Comma > 0 && plan.Comma >= plan.Point)
            {
                dec = ',';
                reason += $"; decimal ',': {plan.Comma} value(s) only readable with a decimal comma" + (plan.Point > 0 ? $", {plan.Point} with a point reported" : string.Empty);
            }
            else if (plan.Point > 0)
            {
                dec = '.';
                reason += $"; decimal '.': {plan.Point} value(s) only readable with a decimal point" + (plan.Comma > 0 ? $", {plan.Comma} with a comma reported" : string.Empty);
            }
            else
            {
                dec = fallbackDecimal;
                reason += plan.Ambiguous > 0 ? $"; decimal '{dec}' for {plan.Ambiguous} ambiguous value(s) like 1.234: {fallbackReason}" : string.Empty;
            }

            var strict = options.NumericColumns.Contains(name);
            var values = plan.Values;
            var st = plans[c].Status;
            Dictionary<int, string>? rawText = null;
            int valueCount = 0, missingCount = 0, suppressedCount = 0, invalidCount = 0;
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            var sawSpace = false;
            var sawThousands = false;
            var thousandsChar = dec == ',' ? '.' : ',';
            for (var r = 0; r < rows; r++)
            {
                double v;
                switch (st[r])
                {
                    case CellStatus.Missing:
                        values[r] = double.NaN;
                        missingCount++;
                        continue;
                    case CellStatus.SuppressedAtSource:
                        values[r] = double.NaN;
                        suppressedCount++;
                        (rawText ??= [])[r] = GermanNumber.Trim(raw.Span(r, c)).ToString();
                        continue;
                }

                if (plan.Parsed[r])
                {
                    v = plan.Values[r];
                }
                else if (raw.IsNative(r, c, out v))
                {
                    // taken as is
                }
                else
                {
                    var s = GermanNumber.Trim(raw.Span(r, c));
                    if (!GermanNumber.TryParse(s, dec, out v))
                    {
                        if (strict)
                        {
                            var (line, col) = raw.Position(r, c);
                            throw new GeoDataFormatException(source, $"text '{s.ToString()}' in numeric column '{name}' (declared by option NumericColumns; decimal separator '{dec}')", line, col);
                        }

                        values[r] = double.NaN;
                        st[r] = CellStatus.Invalid;
                        invalidCount++;
                        var text = s.ToString();
                        (rawText ??= [])[r] = text;
                        findings.Add(new ImportFinding(ImportFindingKind.TextInNumericColumn, raw.Lines[r], name, null, $"'{text}' in numeric column '{name}' is not a number (decimal separator '{dec}'); read as invalid"));
                        continue;
                    }

                    if (!sawSpace && s.IndexOfAny(' ', '\u00A0', '\u202F') >= 0)
                    {
                        sawSpace = true;
                    }

                    if (!sawThousands && s.Contains(thousandsChar))
                    {
                        sawThousands = true;
                    }
                }

                values[r] = v;
                st[r] = CellStatus.Value;
                valueCount++;
                if (v < min)
                {
                    min = v;
                }

                if (v > max)
                {
                    max = v;
                }
            }

            var thousands = (sawThousands ? thousandsChar.ToString() : string.Empty) + (sawSpace ? " " : string.Empty);
            columns[c] = new ColumnData(name, ColumnKind.Numeric, st, values, null, rawText);
            reports[c] = new ColumnReport(name, ColumnKind.Numeric, valueCount, missingCount, suppressedCount, invalidCount, valueCount > 0 ? min : null, valueCount > 0 ? max : null, dec, thousands.Length > 0 ? thousands : null, reason);
        }

        var lines = raw.Lines.AsSpan(0, rows).ToArray();
        var report0 = new ImportReport(source, dialect, rows, reports, findings) { RowsSkipped = raw.RowsSkipped };
        var table = new IndicatorTable(source, columns, lines, report0);
        Check(table, options, reports, findings);
        findings.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Kind.CompareTo(b.Kind));
        return table;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Check(IndicatorTable table, TableColumnOptions options, ColumnReport[] reports, List<ImportFinding> findings)
    {
        var keyName = options.KeyColumns.Count > 0 ? options.KeyColumns[0] : table.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Key)?.Name;
        var yearName = options.YearColumn ?? table.Columns.FirstOrDefault(c => YearNames.Contains(c.Name.Trim().ToLowerInvariant()))?.Name;
        var keys = keyName is null ? null : table.GetText(keyName);
        string? KeyOf(int r) => keys?[r];

        // Count columns: declared, from indicator definitions, or detected (integers, at most 1 % exceptions).
        var counts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in options.CountColumns)
        {
            counts[c] = "option CountColumns";
        }

        foreach (var d in options.Indicators)
        {
            counts[d.NumeratorColumn] = $"numerator of {d.Id}";
            counts[d.DenominatorColumn] = $"denominator of {d.Id}";
        }

        for (var i = 0; i < reports.Length; i++)
        {
            var rep = reports[i];
            if (rep.Kind != ColumnKind.Numeric || counts.ContainsKey(rep.Name) || rep.Name == yearName || rep.ValueCount < 20)
            {
                continue;
            }

            var v = table.GetNumbers(rep.Name);
            var st = table.GetStatuses(rep.Name);
            int negative = 0, fractional = 0;
            for (var r = 0; r < v.Length; r++)
            {
                if (st[r] != CellStatus.Value)
                {
                    continue;
                }

                if (v[r] < 0)
                {
                    negative++;
                }
                else if (v[r] != Math.Floor(v[r]))
                {
                    fractional++;
                }
            }

            var limit = rep.ValueCount / 100;
            if ((negative == 0 && fractional > 0 && fractional <= limit) || (fractional == 0 && negative > 0 && negative <= limit))
            {
                counts[rep.Name] = "detected: integers with at most 1 % exceptions";
            }
        }

        foreach (var (name, why) in counts)
        {
            var v = table.GetNumbers(name);
            var st = table.GetStatuses(name);
            for (var r = 0; r < v.Length; r++)
            {
                if (st[r] != CellStatus.Value)
                {
                    continue;
                }

                if (v[r] < 0)
                {
                    findings.Add(new ImportFinding(ImportFindingKind.NegativeCount, table.GetLine(r), name, KeyOf(r), $"negative count {v[r].ToString("R", CultureInfo.InvariantCulture)} in '{name}' ({why})"));
                }
                else if (v[r] != Math.Floor(v[r]))
                {
                    findings.Add(new ImportFinding(ImportFindingKind.NonIntegerCount, table.GetLine(r), name, KeyOf(r), $"non-integer count {v[r].ToString("R", CultureInfo.InvariantCulture)} in '{name}' ({why})"));
                }
            }
        }

        foreach (var d in options.Indicators)
        {
            var num = table.GetNumbers(d.NumeratorColumn);
            var den = table.GetNumbers(d.DenominatorColumn);
            var sn = table.GetStatuses(d.NumeratorColumn);
            var sd = table.GetStatuses(d.DenominatorColumn);
            for (var r = 0; r < num.Length; r++)
            {
                if (sn[r] == CellStatus.Value && sd[r] == CellStatus.Value && num[r] > den[r])
                {
                    findings.Add(new ImportFinding(ImportFindingKind.NumeratorExceedsDenominator, table.GetLine(r), d.NumeratorColumn, KeyOf(r),
                        $"numerator '{d.NumeratorColumn}' = {num[r].ToString("R", CultureInfo.InvariantCulture)} exceeds denominator '{d.DenominatorColumn}' = {den[r].ToString("R", CultureInfo.InvariantCulture)} ({d.Id})"));
                }
            }
        }

        if (keys is null)
        {
            return;
        }

        double[]? yearNumbers = null;
        IReadOnlyList<string?>? yearTexts = null;
        ReadOnlySpan<CellStatus> yearStatus = default;
        if (yearName is not null)
        {
            var yc = table.GetColumn(yearName);
            if (yc.Kind == ColumnKind.Numeric)
            {
                yearNumbers = table.GetNumbers(yearName).ToArray();
                yearStatus = table.GetStatuses(yearName);
            }
            else
            {
                yearTexts = table.GetText(yearName);
            }
        }

        // (key id, year id) packed into one long: one hash per row instead of hashing strings.
        var keyIds = table.Column(keyName!).TextIds ?? Ids(keys);
        var yearIds = new int[table.RowCount];
        if (yearName is not null)
        {
            if (yearNumbers is not null)
            {
                // Few distinct years: a linear scan of the years seen so far beats hashing. NaN (no year) is its own id.
                var seenYears = new List<double>();
                for (var r = 0; r < yearIds.Length; r++)
                {
                    var y = yearStatus[r] == CellStatus.Value ? yearNumbers[r] : double.NaN;
                    var id = -1;
                    for (var j = 0; j < seenYears.Count; j++)
                    {
                        if (seenYears[j].Equals(y))
                        {
                            id = j;
                            break;
                        }
                    }

                    if (id < 0)
                    {
                        id = seenYears.Count;
                        seenYears.Add(y);
                    }

                    yearIds[r] = id;
                }
            }
            else
            {
                yearIds = Ids(yearTexts!);
                for (var r = 0; r < yearIds.Length; r++)
                {
                    yearIds[r]++; // missing year (-1) becomes id 0
                }
            }
        }

        // A flat (key id × year id) table when small enough, else a dictionary on the packed pair.
        var keyCount = 0;
        var yearCount = 1;
        for (var r = 0; r < keyIds.Length; r++)
        {
            keyCount = Math.Max(keyCount, keyIds[r] + 1);
            yearCount = Math.Max(yearCount, yearIds[r] + 1);
        }

        var flat = (long)keyCount * yearCount <= 16_000_000 ? new int[keyCount * yearCount] : null;
        var firstRow = flat is null ? new Dictionary<long, int>(table.RowCount) : null;
        for (var r = 0; r < table.RowCount; r++)
        {
            var k = keys[r];
            if (k is null)
            {
                findings.Add(new ImportFinding(ImportFindingKind.MissingKey, table.GetLine(r), keyName, null, $"row has no key in '{keyName}'"));
                continue;
            }

            int first;
            if (flat is not null)
            {
                // Stores row + 1 so that 0 means "not seen".
                ref var slot = ref flat[(keyIds[r] * yearCount) + yearIds[r]];
                first = slot - 1;
                if (slot == 0)
                {
                    slot = r + 1;
                }
            }
            else
            {
                var code = ((long)keyIds[r] << 32) | (uint)yearIds[r];
                first = firstRow!.TryAdd(code, r) ? -1 : firstRow[code];
            }

            if (first >= 0)
            {
                var yearText = yearName is null ? string.Empty : $", {yearName} {(yearTexts?[r] ?? yearNumbers![r].ToString(CultureInfo.InvariantCulture))}";
                findings.Add(new ImportFinding(ImportFindingKind.DuplicateKey, table.GetLine(r), keyName, k, $"duplicate ({keyName} {k}{yearText}): first on line {table.GetLine(first)}"));
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int[] Ids(IReadOnlyList<string?> keys)
    {
        var pool = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[keys.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            var k = keys[i];
            if (k is null)
            {
                ids[i] = -1;
                continue;
            }

            if (!pool.TryGetValue(k, out var id))
            {
                pool[k] = id = pool.Count;
            }

            ids[i] = id;
        }

        return ids;
    }

    private static bool LooksLikeKeyName(string name)
    {
        var n = name.Trim().ToLowerInvariant();
        return KeyNames.Contains(n) || n.EndsWith("_id", StringComparison.Ordinal) || n.StartsWith("ags_", StringComparison.Ordinal) || n.StartsWith("ars_", StringComparison.Ordinal);
    }

    private static bool IsAllDigits(ReadOnlySpan<char> s)
    {
        foreach (var ch in s)
        {
            if (ch is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Ordinal string comparison for the text pool that remembers the string it created for a new span key, so that a
    /// cell costs one hash lookup whether its text is new or not.
    /// </summary>
    private sealed class PoolComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
    {
        public string? LastCreated { get; private set; }

        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode(string obj) => string.GetHashCode(obj.AsSpan(), StringComparison.Ordinal);

        public bool Equals(ReadOnlySpan<char> alternate, string other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<char> alternate) => string.GetHashCode(alternate, StringComparison.Ordinal);

        public string Create(ReadOnlySpan<char> alternate) => LastCreated = alternate.ToString();
    }

    private sealed class ColumnPlan(int rows)
    {
        public CellStatus[] Status { get; } = new CellStatus[rows];

        public double[] Values { get; } = new double[rows];

        public bool[] Parsed { get; } = new bool[rows];

        public int Native { get; set; }

        public int Empty { get; set; }

        public int NaTokens { get; set; }

        public int Suppressed { get; set; }

        public int Integers { get; set; }

        public int LeadingZero { get; set; }

        public int Comma { get; set; }

        public int Point { get; set; }

        public int Ambiguous { get; set; }

        public int Text { get; set; }
    }
}
