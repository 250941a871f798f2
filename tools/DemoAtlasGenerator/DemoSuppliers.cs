using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GeoPrevention.DemoAtlasGenerator;

/// <summary>
/// The four data suppliers of the demo atlas (the <c>suppliers</c> block of data/atlas.json): every value column of
/// the Sozialraum table belongs to exactly one of them. The generator writes this block into an existing atlas.json
/// so that a regeneration keeps it in step with <see cref="DemoTables.Columns"/>.
/// </summary>
internal static class DemoSuppliers
{
    internal sealed record Column(string Name, string Label, string Unit, string Definition);

    internal sealed record Supplier(string Id, string Label, string Contact, string Due, IReadOnlyList<Column> Columns);

    public const string Table = "sozialraumdaten";

    public static readonly IReadOnlyList<Supplier> All =
    [
        new("einwohnermeldeaemter", "Einwohnermeldeämter der Städte und Gemeinden (Melderegister)", "meldewesen@example.invalid", "03-31",
        [
            new("einwohner", "Einwohnerinnen und Einwohner", "Personen",
                "Personen mit Hauptwohnsitz im Sozialraum am 31.12. des Jahres laut Melderegister"),
            new("einwohner_u21", "Einwohner unter 21 Jahren", "Personen",
                "Personen im Alter von 0 bis 20 Jahren mit Hauptwohnsitz im Sozialraum am 31.12. des Jahres"),
            new("kinder_u3", "Kinder unter 3 Jahren", "Kinder",
                "Kinder im Alter von 0 bis 2 Jahren mit Hauptwohnsitz im Sozialraum am 31.12. des Jahres"),
            new("kinder_u6", "Kinder unter 6 Jahren", "Kinder",
                "Kinder im Alter von 0 bis 5 Jahren mit Hauptwohnsitz im Sozialraum am 31.12. des Jahres"),
            new("kinder_u15", "Kinder unter 15 Jahren", "Kinder",
                "Kinder im Alter von 0 bis 14 Jahren mit Hauptwohnsitz im Sozialraum am 31.12. des Jahres"),
            new("haushalte", "Privathaushalte", "Haushalte",
                "Privathaushalte im Sozialraum am 31.12. des Jahres, gebildet mit dem Haushaltegenerierungsverfahren aus dem Melderegister"),
            new("haushalte_alleinerziehend", "Haushalte von Alleinerziehenden", "Haushalte",
                "Haushalte mit genau einer erwachsenen Person und mindestens einem minderjährigen Kind am 31.12. des Jahres (Haushaltegenerierung aus dem Melderegister)"),
        ]),
        new("jobcenter", "Jobcenter Kreis Warendorf", "jobcenter-statistik@example.invalid", "06-30",
        [
            new("kinder_u15_sgb2", "Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften", "Kinder",
                "Nicht erwerbsfähige Leistungsberechtigte unter 15 Jahren in Bedarfsgemeinschaften nach dem SGB II mit Wohnsitz im Sozialraum, Stichtag 31.12. des Jahres, Daten nach einer Wartezeit von drei Monaten"),
        ]),
        new("gesundheitsamt", "Gesundheitsamt Kreis Warendorf (Schuleingangsuntersuchung)", "gesundheitsamt@example.invalid", "04-30",
        [
            new("seu_untersucht", "Untersuchte Kinder", "Kinder",
                "Bei der Schuleingangsuntersuchung des Jahres untersuchte Kinder mit Wohnsitz im Sozialraum"),
            new("seu_sprache", "Kinder mit Sprachauffälligkeiten", "Kinder",
                "Untersuchte Kinder mit auffälligem Befund in der Sprachentwicklung (Befund auffällig oder bereits in Behandlung)"),
            new("seu_motorik", "Kinder mit motorischen Auffälligkeiten", "Kinder",
                "Untersuchte Kinder mit auffälligem Befund in der Körperkoordination (Befund auffällig oder bereits in Behandlung)"),
            new("seu_uebergewicht", "Kinder mit Übergewicht", "Kinder",
                "Untersuchte Kinder mit einem Body-Mass-Index über dem 90. Perzentil der Referenzwerte nach Kromeyer-Hauschild (Übergewicht einschließlich Adipositas)"),
        ]),
        new("jugendamt", "Jugendämter im Kreis Warendorf (Kreis, Ahlen, Beckum, Oelde)", "jugendhilfeplanung@example.invalid", "05-31",
        [
            new("hze_faelle", "Hilfen zur Erziehung", "Fälle",
                "Im Laufe des Jahres gewährte Hilfen zur Erziehung nach §§ 27 bis 35 SGB VIII und Hilfen für junge Volljährige nach § 41 SGB VIII (laufende und beendete Hilfen) für junge Menschen unter 21 Jahren mit Wohnsitz im Sozialraum"),
            new("kita_u3", "Betreute Kinder unter 3 Jahren", "Kinder",
                "Kinder unter 3 Jahren mit Wohnsitz im Sozialraum, die am 31.12. des Jahres in einer Kindertageseinrichtung oder in Kindertagespflege betreut werden"),
        ]),
    ];

    /// <summary>Checks that every value column of the demo table has exactly one supplier.</summary>
    /// <exception cref="InvalidOperationException">A column has no supplier or two.</exception>
    public static void CheckCoverage()
    {
        var claimed = All.SelectMany(s => s.Columns.Select(c => c.Name)).ToList();
        foreach (var column in DemoTables.Columns.Skip(2))
        {
            var n = claimed.Count(c => c == column);
            if (n != 1)
            {
                throw new InvalidOperationException($"Demo column '{column}' has {n} suppliers; it needs exactly one.");
            }
        }

        var unknown = claimed.Except(DemoTables.Columns.Skip(2), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"Supplier columns not in the demo table: {string.Join(", ", unknown)}.");
        }
    }

    /// <summary>
    /// Writes the <c>suppliers</c> block into atlas.json text: replaces an existing block (as written by this method)
    /// or inserts it before <c>"privacy"</c>. The rest of the file is left byte for byte.
    /// </summary>
    public static string Apply(string atlasJson)
    {
        var block = Render();
        const string Start = "\n  \"suppliers\": [";
        var start = atlasJson.IndexOf(Start, StringComparison.Ordinal);
        string result;
        if (start >= 0)
        {
            const string End = "\n  ],\n";
            var end = atlasJson.IndexOf(End, start, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new InvalidOperationException("atlas.json: the \"suppliers\" block does not end with a line \"  ],\"; remove it and run again.");
            }

            result = string.Concat(atlasJson.AsSpan(0, start + 1), block, atlasJson.AsSpan(end + End.Length));
        }
        else
        {
            var privacy = atlasJson.IndexOf("\n  \"privacy\":", StringComparison.Ordinal);
            if (privacy < 0)
            {
                throw new InvalidOperationException("atlas.json has no top-level \"privacy\" line to insert the suppliers before.");
            }

            result = string.Concat(atlasJson.AsSpan(0, privacy + 1), block, atlasJson.AsSpan(privacy + 1));
        }

        using var check = JsonDocument.Parse(result);
        if (check.RootElement.GetProperty("suppliers").GetArrayLength() != All.Count)
        {
            throw new InvalidOperationException("atlas.json: the suppliers block was not written correctly.");
        }

        return result;
    }

    private static string Render()
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        string Q(string s) => JsonSerializer.Serialize(s, options);
        var sb = new StringBuilder();
        sb.Append("  \"suppliers\": [\n");
        for (var i = 0; i < All.Count; i++)
        {
            var s = All[i];
            sb.Append("    {\n");
            sb.Append(CultureInfo.InvariantCulture, $"      \"id\": {Q(s.Id)}, \"label\": {Q(s.Label)}, \"contact\": {Q(s.Contact)},\n");
            sb.Append(CultureInfo.InvariantCulture, $"      \"table\": {Q(Table)}, \"due\": {Q(s.Due)}, \"previousYear\": true,\n");
            sb.Append("      \"columns\": [\n");
            for (var j = 0; j < s.Columns.Count; j++)
            {
                var c = s.Columns[j];
                sb.Append(CultureInfo.InvariantCulture, $"        {{ \"column\": {Q(c.Name)}, \"label\": {Q(c.Label)}, \"unit\": {Q(c.Unit)}, \"type\": \"count\",\n");
                sb.Append(CultureInfo.InvariantCulture, $"          \"definition\": {Q(c.Definition)} }}{(j + 1 < s.Columns.Count ? "," : "")}\n");
            }

            sb.Append("      ]\n");
            sb.Append(i + 1 < All.Count ? "    },\n" : "    }\n");
        }

        sb.Append("  ],\n");
        return sb.ToString();
    }
}
