using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GeoPrevention.Analytics.Joins;

/// <summary>
/// The outcome of <see cref="TableJoin"/>: matched pairs and every key that did not match cleanly. Nothing is
/// dropped silently: each layer feature and each considered table row is either in a pair or listed as unmatched
/// (or as missing its key).
/// </summary>
public sealed class JoinResult
{
    internal JoinResult(int layerCount, int tableRowsConsidered, int tableRowsOtherYears, IReadOnlyList<JoinPair> pairs, int[] firstRowByLayer,
        IReadOnlyList<UnmatchedKey> unmatchedLayer, IReadOnlyList<UnmatchedKey> unmatchedTable, IReadOnlyList<int> layerMissingKeys, IReadOnlyList<int> tableMissingKeys,
        IReadOnlyList<DuplicateKey> duplicates, IReadOnlyList<NearMatch> nearMatches, int? year)
    {
        LayerCount = layerCount;
        TableRowsConsidered = tableRowsConsidered;
        TableRowsOtherYears = tableRowsOtherYears;
        Pairs = pairs;
        _firstRowByLayer = firstRowByLayer;
        UnmatchedLayerKeys = unmatchedLayer;
        UnmatchedTableKeys = unmatchedTable;
        LayerFeaturesWithoutKey = layerMissingKeys;
        TableRowsWithoutKey = tableMissingKeys;
        DuplicateKeys = duplicates;
        NearMatches = nearMatches;
        Year = year;
        var matchedLayer = 0;
        foreach (var r in firstRowByLayer)
        {
            if (r >= 0)
            {
                matchedLayer++;
            }
        }

        // Distinct table rows among the pairs, with a flag per row instead of a hash set.
        var maxRow = -1;
        for (var i = 0; i < pairs.Count; i++)
        {
            maxRow = Math.Max(maxRow, pairs[i].TableRow);
        }

        var seen = new bool[maxRow + 1];
        var matchedRows = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            ref var s = ref seen[pairs[i].TableRow];
            if (!s)
            {
                s = true;
                matchedRows++;
            }
        }

        MatchedLayerCount = matchedLayer;
        MatchedTableRowCount = matchedRows;
    }

    private readonly int[] _firstRowByLayer;

    /// <summary>The number of layer features.</summary>
    public int LayerCount { get; }

    /// <summary>The table rows taken into account (after the year filter).</summary>
    public int TableRowsConsidered { get; }

    /// <summary>Table rows left out because they belong to another year than <see cref="Year"/>.</summary>
    public int TableRowsOtherYears { get; }

    /// <summary>The year joined, if one was requested.</summary>
    public int? Year { get; }

    /// <summary>All matched (feature, row) pairs, in layer order.</summary>
    public IReadOnlyList<JoinPair> Pairs { get; }

    /// <summary>Layer features with at least one matching row.</summary>
    public int MatchedLayerCount { get; }

    /// <summary>Table rows with at least one matching feature.</summary>
    public int MatchedTableRowCount { get; }

    /// <summary>Layer keys without table row.</summary>
    public IReadOnlyList<UnmatchedKey> UnmatchedLayerKeys { get; }

    /// <summary>Table keys without layer feature.</summary>
    public IReadOnlyList<UnmatchedKey> UnmatchedTableKeys { get; }

    /// <summary>Layer features (0-based) whose key is missing or blank.</summary>
    public IReadOnlyList<int> LayerFeaturesWithoutKey { get; }

    /// <summary>Table rows (0-based) whose key is missing or blank.</summary>
    public IReadOnlyList<int> TableRowsWithoutKey { get; }

    /// <summary>Keys occurring more than once on a side (table: per year).</summary>
    public IReadOnlyList<DuplicateKey> DuplicateKeys { get; }

    /// <summary>Suggestions for unmatched keys (leading zeros, ARS/AGS, umlauts, typos).</summary>
    public IReadOnlyList<NearMatch> NearMatches { get; }

    /// <summary>Share of layer features with a matching row (0–1).</summary>
    public double LayerCoverage => LayerCount == 0 ? 0 : MatchedLayerCount / (double)LayerCount;

    /// <summary>Share of considered table rows with a matching feature (0–1).</summary>
    public double TableCoverage => TableRowsConsidered == 0 ? 0 : MatchedTableRowCount / (double)TableRowsConsidered;

    /// <summary>Whether every feature and row matched exactly once per year and no key was missing or repeated.</summary>
    public bool IsClean => UnmatchedLayerKeys.Count == 0 && UnmatchedTableKeys.Count == 0 && LayerFeaturesWithoutKey.Count == 0
        && TableRowsWithoutKey.Count == 0 && DuplicateKeys.Count == 0;

    /// <summary>The first matching table row of a feature, or -1.</summary>
    /// <param name="layerIndex">0-based feature index.</param>
    public int TableRowOf(int layerIndex) => _firstRowByLayer[layerIndex];

    /// <summary>A readable summary (German, de-DE numbers) listing every problem key.</summary>
    /// <param name="maxListed">How many keys to list per category before "… und N weitere".</param>
    public string ToText(int maxListed = int.MaxValue)
    {
        var de = CultureInfo.GetCultureInfo("de-DE");
        var sb = new StringBuilder();
        sb.AppendLine(de, $"Verknüpfung{(Year is null ? string.Empty : " für " + Year.Value.ToString(CultureInfo.InvariantCulture))}: {MatchedLayerCount:N0} von {LayerCount:N0} Gebieten mit Daten ({LayerCoverage * 100:N1} %), {MatchedTableRowCount:N0} von {TableRowsConsidered:N0} Tabellenzeilen zugeordnet ({TableCoverage * 100:N1} %).");
        if (TableRowsOtherYears > 0)
        {
            sb.AppendLine(de, $"Zeilen anderer Jahre nicht betrachtet: {TableRowsOtherYears:N0}");
        }

        void List<T>(string title, IReadOnlyList<T> items, Func<T, string> line)
        {
            if (items.Count == 0)
            {
                return;
            }

            sb.AppendLine(de, $"{title}: {items.Count:N0}");
            foreach (var item in items.Take(maxListed))
            {
                sb.AppendLine("  " + line(item));
            }

            if (items.Count > maxListed)
            {
                sb.AppendLine(de, $"  … und {items.Count - maxListed:N0} weitere");
            }
        }

        List("Tabellenschlüssel ohne Gebiet", UnmatchedTableKeys, u => $"{u.Key} (Zeile {u.Line})");
        List("Gebiete ohne Tabellenzeile", UnmatchedLayerKeys, u => $"{u.Key} (Objekt {u.Index})");
        List("Doppelte Schlüssel", DuplicateKeys, d => $"{d.Key} ({(d.Side == JoinSide.Table ? "Tabelle, Zeilen " + string.Join(", ", d.Lines) : "Karte, Objekte " + string.Join(", ", d.Indices))})");
        List("Gebiete ohne Schlüssel", LayerFeaturesWithoutKey, i => $"Objekt {i}");
        List("Tabellenzeilen ohne Schlüssel", TableRowsWithoutKey, i => $"Zeile {i}");
        List("Ähnliche Schlüssel (Vorschläge)", NearMatches, n => $"{n.TableKey} (Zeile {n.TableLine}) ≈ {n.LayerKey} ({n.Reason}{(n.Distance > 0 ? ", Abstand " + n.Distance.ToString(CultureInfo.InvariantCulture) : string.Empty)})");
        return sb.ToString();
    }

    /// <summary>The diagnostics as indented JSON (invariant culture).</summary>
    public string ToJson()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            if (Year is { } y)
            {
                w.WriteNumber("year", y);
            }
            else
            {
                w.WriteNull("year");
            }

            w.WriteNumber("layerCount", LayerCount);
            w.WriteNumber("tableRowsConsidered", TableRowsConsidered);
            w.WriteNumber("tableRowsOtherYears", TableRowsOtherYears);
            w.WriteNumber("matchedLayerCount", MatchedLayerCount);
            w.WriteNumber("matchedTableRowCount", MatchedTableRowCount);
            w.WriteNumber("layerCoverage", LayerCoverage);
            w.WriteNumber("tableCoverage", TableCoverage);
            w.WriteBoolean("clean", IsClean);
            WriteUnmatched(w, "unmatchedTableKeys", UnmatchedTableKeys);
            WriteUnmatched(w, "unmatchedLayerKeys", UnmatchedLayerKeys);
            w.WriteStartArray("duplicateKeys");
            foreach (var d in DuplicateKeys)
            {
                w.WriteStartObject();
                w.WriteString("side", d.Side == JoinSide.Table ? "table" : "layer");
                w.WriteString("key", d.Key);
                w.WriteStartArray("indices");
                foreach (var i in d.Indices)
                {
                    w.WriteNumberValue(i);
                }

                w.WriteEndArray();
                w.WriteStartArray("lines");
                foreach (var l in d.Lines)
                {
                    w.WriteNumberValue(l);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("layerFeaturesWithoutKey");
            foreach (var i in LayerFeaturesWithoutKey)
            {
                w.WriteNumberValue(i);
            }

            w.WriteEndArray();
            w.WriteStartArray("tableRowsWithoutKey");
            foreach (var i in TableRowsWithoutKey)
            {
                w.WriteNumberValue(i);
            }

            w.WriteEndArray();
            w.WriteStartArray("nearMatches");
            foreach (var n in NearMatches)
            {
                w.WriteStartObject();
                w.WriteString("tableKey", n.TableKey);
                w.WriteNumber("tableLine", n.TableLine);
                w.WriteString("layerKey", n.LayerKey);
                w.WriteNumber("layerIndex", n.LayerIndex);
                w.WriteString("reason", n.Reason.ToString());
                w.WriteNumber("distance", n.Distance);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteUnmatched(Utf8JsonWriter w, string name, IReadOnlyList<UnmatchedKey> keys)
    {
        w.WriteStartArray(name);
        foreach (var u in keys)
        {
            w.WriteStartObject();
            w.WriteString("key", u.Key);
            w.WriteString("normalizedKey", u.NormalizedKey);
            w.WriteNumber("index", u.Index);
            if (u.Line is { } l)
            {
                w.WriteNumber("line", l);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
