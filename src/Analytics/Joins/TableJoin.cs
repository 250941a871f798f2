using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Geo;

namespace GeoPrevention.Analytics.Joins;

/// <summary>
/// Joins an <see cref="IndicatorTable"/> to a district layer on the key (and optionally one year), with full
/// diagnostics.
/// </summary>
/// <remarks>
/// Rules:
/// <list type="number">
/// <item>Both sides' keys are normalised with <see cref="JoinOptions.KeyNormalization"/> and compared ordinally.
/// Blank keys never match; they are listed (<see cref="JoinResult.LayerFeaturesWithoutKey"/>,
/// <see cref="JoinResult.TableRowsWithoutKey"/>).</item>
/// <item>With <see cref="JoinOptions.Year"/> only the rows of that year take part; the others are counted in
/// <see cref="JoinResult.TableRowsOtherYears"/>. Without it every row takes part (one pair per year).</item>
/// <item>Every feature is paired with every row of its key. A key repeated on the layer (e.g. a municipality split
/// into land and water parts) gives each part the row; a key repeated in the table within one year is listed in
/// <see cref="JoinResult.DuplicateKeys"/> and <see cref="JoinResult.TableRowOf(int)"/> gives the first row.</item>
/// <item>Keys without partner are listed on both sides with feature index or table line.</item>
/// <item>Near-matches are suggested for unmatched table keys against unmatched layer keys: equal after AGS
/// normalisation (leading zero, ARS → AGS, spaces, <c>.0</c>, case); equal after folding umlauts, accents, case and
/// punctuation (<c>Muessingen</c> = <c>Müssingen</c>); or, for keys containing letters, within
/// <see cref="JoinOptions.MaxEditDistance"/> (Levenshtein) after folding.</item>
/// <item>With <see cref="JoinOptions.Strict"/> any unmatched, missing or duplicate key throws
/// <see cref="JoinMismatchException"/> listing the keys.</item>
/// </list>
/// </remarks>
public static class TableJoin
{
    /// <summary>Joins a table to a vector layer on one attribute field.</summary>
    /// <param name="layer">The district layer.</param>
    /// <param name="layerKeyField">The key field of the layer (values are read as invariant text).</param>
    /// <param name="table">The indicator table.</param>
    /// <param name="options">Key column, year, normalisation, strictness.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The layer has no such field, or the table no such key or year column.</exception>
    /// <exception cref="JoinMismatchException">Strict mode and a mismatch.</exception>
    public static JoinResult Join(VectorLayer layer, string layerKeyField, IndicatorTable table, JoinOptions options)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentException.ThrowIfNullOrEmpty(layerKeyField);
        if (!layer.Fields.Contains(layerKeyField))
        {
            throw new ArgumentException($"Layer {layer.Source} has no field '{layerKeyField}'; fields are: {string.Join(", ", layer.Fields)}.", nameof(layerKeyField));
        }

        var keys = new string?[layer.Features.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var v = layer.Features[i].Attributes.TryGetValue(layerKeyField, out var o) ? o : null;
            keys[i] = v switch
            {
                null => null,
                double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("F0", CultureInfo.InvariantCulture),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture),
            };
        }

        return Join(keys, table, options);
    }

    /// <summary>Joins a table to a list of layer keys (one per feature, in feature order).</summary>
    /// <param name="layerKeys">The layer keys; null or blank for features without key.</param>
    /// <param name="table">The indicator table.</param>
    /// <param name="options">Key column, year, normalisation, strictness.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The table has no such key or year column.</exception>
    /// <exception cref="JoinMismatchException">Strict mode and a mismatch.</exception>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static JoinResult Join(IReadOnlyList<string?> layerKeys, IndicatorTable table, JoinOptions options)
    {
        ArgumentNullException.ThrowIfNull(layerKeys);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var norm = options.KeyNormalization;

        // Table side: keys (numeric key columns are read as invariant integers) and the year filter.
        var keyInfo = table.GetColumn(options.TableKeyColumn);
        var tableKeys = keyInfo.Kind == ColumnKind.Numeric ? NumericKeys(table, options.TableKeyColumn) : table.GetText(options.TableKeyColumn);
        var yearName = options.YearColumn ?? table.Columns.FirstOrDefault(c => c.Name.Trim().ToLowerInvariant() is "year" or "jahr" or "berichtsjahr")?.Name;
        if (options.YearColumn is not null)
        {
            table.GetColumn(options.YearColumn);
        }

        if (options.Year is not null && yearName is null)
        {
            throw new ArgumentException($"A year was requested, but {table.Source} has no year column; set JoinOptions.YearColumn.", nameof(options));
        }

        var yearOf = YearReader(table, yearName);
        var rows = new List<int>(table.RowCount);
        var otherYears = 0;
        for (var r = 0; r < table.RowCount; r++)
        {
            if (options.Year is { } y && yearOf(r) != y)
            {
                otherYears++;
                continue;
            }

            rows.Add(r);
        }

        // Index the table side: first row per key plus a "next with the same key" chain (no list per key). Every row
        // knows the first row of its key (its head), so that the layer side needs no dictionary of its own.
        var tableNorm = new string?[table.RowCount];
        var tableFirst = new KeyIndex(rows.Count, tableNorm);
        var tableNext = new int[table.RowCount];
        var tableHead = new int[table.RowCount];
        var tableLast = new Dictionary<string, int>(StringComparer.Ordinal);
        var tableMissing = new List<int>();
        for (var j = 0; j < rows.Count; j++)
        {
            var r = rows[j];
            var k = KeyNormalizer.Normalize(tableKeys[r], norm);
            tableNorm[r] = k;
            tableNext[r] = -1;
            if (k is null)
            {
                tableMissing.Add(r);
                continue;
            }

            var head = tableFirst.GetOrAdd(k, r, out var exists);
            if (exists)
            {
                // Repeated key: append to its chain (rare; the last element is tracked separately).
                var last = tableLast.TryGetValue(k, out var l) ? l : head;
                tableNext[last] = r;
                tableLast[k] = r;
            }

            tableHead[r] = head;
        }

        // Layer side, one lookup per feature: pairs, the first feature of every matched table key (by its head row),
        // and a dictionary only for the keys without partner (to find their repeats).
        var layerCount = layerKeys.Count;
        var layerOfHead = new int[table.RowCount];
        Array.Fill(layerOfHead, -1);
        var layerNext = new int[layerCount];
        var layerLast = new Dictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, int>? unmatchedFirst = null;
        var layerMissing = new List<int>();
        var pairs = new List<JoinPair>(Math.Min(layerCount, rows.Count) + 16);
        var first = new int[layerCount];
        var unmatchedLayer = new List<UnmatchedKey>();
        for (var i = 0; i < layerCount; i++)
        {
            first[i] = -1;
            layerNext[i] = -1;
            var k = KeyNormalizer.Normalize(layerKeys[i], norm);
            if (k is null)
            {
                layerMissing.Add(i);
                continue;
            }

            int firstFeature;
            var r0 = tableFirst.Find(k);
            if (r0 >= 0)
            {
                first[i] = r0;
                for (var r = r0; r >= 0; r = tableNext[r])
                {
                    pairs.Add(new JoinPair(i, r));
                }

                ref var slot = ref layerOfHead[r0];
                if (slot < 0)
                {
                    slot = i;
                    continue;
                }

                firstFeature = slot;
            }
            else
            {
                unmatchedLayer.Add(new UnmatchedKey(JoinSide.Layer, layerKeys[i]!, k, i, null));
                unmatchedFirst ??= new Dictionary<string, int>(StringComparer.Ordinal);
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(unmatchedFirst, k, out var seen);
                if (!seen)
                {
                    slot = i;
                    continue;
                }

                firstFeature = slot;
            }

            // Repeated layer key: append to its chain.
            var last = layerLast.TryGetValue(k, out var l) ? l : firstFeature;
            layerNext[last] = i;
            layerLast[k] = i;
        }

        var unmatchedTable = new List<UnmatchedKey>();
        for (var j = 0; j < rows.Count; j++)
        {
            var r = rows[j];
            if (tableNorm[r] is { } k && layerOfHead[tableHead[r]] < 0)
            {
                unmatchedTable.Add(new UnmatchedKey(JoinSide.Table, tableKeys[r]!, k, r, table.GetLine(r)));
            }
        }

        // Duplicates: layer keys; table keys per year.
        var duplicates = new List<DuplicateKey>();
        foreach (var (k, _) in layerLast)
        {
            var list = new List<int>();
            var head = tableFirst.Find(k);
            var start = head >= 0 ? layerOfHead[head] : unmatchedFirst![k];
            for (var i = start; i >= 0; i = layerNext[i])
            {
                list.Add(i);
            }

            duplicates.Add(new DuplicateKey(JoinSide.Layer, k, list, []));
        }

        foreach (var (k, _) in tableLast)
        {
            var list = new List<int>();
            for (var r = tableFirst.Find(k); r >= 0; r = tableNext[r])
            {
                list.Add(r);
            }

            foreach (var group in list.GroupBy(yearOf))
            {
                var g = group.ToList();
                if (g.Count > 1)
                {
                    duplicates.Add(new DuplicateKey(JoinSide.Table, k, g, [.. g.Select(table.GetLine)]));
                }
            }
        }

        duplicates.Sort((a, b) => a.Side != b.Side ? a.Side.CompareTo(b.Side) : string.CompareOrdinal(a.Key, b.Key));
        var near = options.FindNearMatches ? FindNearMatches(unmatchedTable, unmatchedLayer, table, options.MaxEditDistance) : [];
        var result = new JoinResult(layerCount, rows.Count, otherYears, pairs, first, unmatchedLayer, unmatchedTable, layerMissing, tableMissing, duplicates, near, options.Year);
        if (options.Strict && !result.IsClean)
        {
            throw new JoinMismatchException(result, StrictMessage(result, table.Source));
        }

        return result;
    }

    /// <summary>Folds a name for comparison: lower case, umlauts and ß transliterated (ä → ae), accents removed, only letters and digits kept.</summary>
    /// <param name="s">The text.</param>
    public static string Fold(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder(s.Length + 4);
        foreach (var ch in s.ToLowerInvariant())
        {
            switch (ch)
            {
                case 'ä': sb.Append("ae"); break;
                case 'ö': sb.Append("oe"); break;
                case 'ü': sb.Append("ue"); break;
                case 'ß': sb.Append("ss"); break;
                default:
                    foreach (var d in ch.ToString().Normalize(NormalizationForm.FormD))
                    {
                        if (char.IsLetterOrDigit(d))
                        {
                            sb.Append(d);
                        }
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>The Levenshtein distance between two strings (unit costs), or <c>max + 1</c> once it exceeds <paramref name="max"/>.</summary>
    /// <param name="a">First string.</param>
    /// <param name="b">Second string.</param>
    /// <param name="max">The largest distance of interest.</param>
    public static int EditDistance(string a, string b, int max)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                rowMin = Math.Min(rowMin, cur[j]);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (prev, cur) = (cur, prev);
        }

        return Math.Min(prev[b.Length], max + 1);
    }

    private static List<NearMatch> FindNearMatches(List<UnmatchedKey> table, List<UnmatchedKey> layer, IndicatorTable t, int maxDistance)
    {
        var result = new List<NearMatch>();
        if (table.Count == 0 || layer.Count == 0)
        {
            return result;
        }

        var strong = new KeyNormalizationOptions { StripDecimalZero = true, PadAgs = true, ArsToAgs = true, RemoveInnerSpaces = true, UpperCase = true };
        var byStrong = new Dictionary<string, UnmatchedKey>(StringComparer.Ordinal);
        var byFold = new Dictionary<string, UnmatchedKey>(StringComparer.Ordinal);
        foreach (var u in layer)
        {
            byStrong.TryAdd(KeyNormalizer.Normalize(u.Key, strong) ?? string.Empty, u);
            byFold.TryAdd(Fold(u.Key), u);
        }

        var namedLayer = layer.Where(u => u.Key.Any(char.IsLetter)).Select(u => (u, Fold(u.Key))).ToList();
        var editBudget = (long)table.Count * namedLayer.Count <= 4_000_000;
        foreach (var u in table)
        {
            var line = u.Line ?? t.GetLine(u.Index);
            if (byStrong.TryGetValue(KeyNormalizer.Normalize(u.Key, strong) ?? string.Empty, out var m))
            {
                result.Add(new NearMatch(u.Key, line, m.Key, m.Index, NearMatchReason.KeyNormalization, 0));
                continue;
            }

            var folded = Fold(u.Key);
            if (folded.Length > 0 && byFold.TryGetValue(folded, out m))
            {
                result.Add(new NearMatch(u.Key, line, m.Key, m.Index, NearMatchReason.Transliteration, 0));
                continue;
            }

            if (!editBudget || folded.Length < 4 || !u.Key.Any(char.IsLetter))
            {
                continue;
            }

            var limit = Math.Min(maxDistance, folded.Length / 3);
            var best = limit + 1;
            UnmatchedKey? bestKey = null;
            foreach (var (cand, candFold) in namedLayer)
            {
                var d = EditDistance(folded, candFold, limit);
                if (d < best)
                {
                    best = d;
                    bestKey = cand;
                }
            }

            if (bestKey is not null)
            {
                result.Add(new NearMatch(u.Key, line, bestKey.Key, bestKey.Index, NearMatchReason.EditDistance, best));
            }
        }

        return result;
    }

    private static string StrictMessage(JoinResult r, string source)
    {
        static string Keys(IEnumerable<string> keys)
        {
            var list = keys.ToList();
            return string.Join(", ", list.Take(50)) + (list.Count > 50 ? $" … and {list.Count - 50} more" : string.Empty);
        }

        var parts = new List<string>();
        if (r.UnmatchedTableKeys.Count > 0)
        {
            parts.Add($"{r.UnmatchedTableKeys.Count} table key(s) without layer feature: {Keys(r.UnmatchedTableKeys.Select(u => $"{u.Key} (line {u.Line})"))}");
        }

        if (r.UnmatchedLayerKeys.Count > 0)
        {
            parts.Add($"{r.UnmatchedLayerKeys.Count} layer key(s) without table row: {Keys(r.UnmatchedLayerKeys.Select(u => u.Key))}");
        }

        if (r.DuplicateKeys.Count > 0)
        {
            parts.Add($"{r.DuplicateKeys.Count} duplicate key(s): {Keys(r.DuplicateKeys.Select(d => $"{d.Key} ({d.Side.ToString().ToLowerInvariant()})"))}");
        }

        if (r.LayerFeaturesWithoutKey.Count > 0)
        {
            parts.Add($"{r.LayerFeaturesWithoutKey.Count} layer feature(s) without key: {Keys(r.LayerFeaturesWithoutKey.Select(i => i.ToString(CultureInfo.InvariantCulture)))}");
        }

        if (r.TableRowsWithoutKey.Count > 0)
        {
            parts.Add($"{r.TableRowsWithoutKey.Count} table row(s) without key");
        }

        return $"Strict join of {source} failed: " + string.Join("; ", parts) + ".";
    }

    private static string?[] NumericKeys(IndicatorTable table, string column)
    {
        var v = table.GetNumbers(column);
        var st = table.GetStatuses(column);
        var keys = new string?[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            keys[i] = st[i] == CellStatus.Value ? v[i].ToString("R", CultureInfo.InvariantCulture) : null;
        }

        return keys;
    }

    private static Func<int, int?> YearReader(IndicatorTable table, string? yearName)
    {
        if (yearName is null)
        {
            return _ => null;
        }

        if (table.GetColumn(yearName).Kind == ColumnKind.Numeric)
        {
            var values = table.GetNumbers(yearName).ToArray();
            var status = table.GetStatuses(yearName).ToArray();
            return r => status[r] == CellStatus.Value ? (int)values[r] : null;
        }

        var text = table.GetText(yearName);
        return r => int.TryParse(text[r], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : null;
    }
}
