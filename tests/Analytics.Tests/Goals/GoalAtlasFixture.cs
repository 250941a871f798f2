using System.Globalization;
using System.Text;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Goals;

/// <summary>
/// A tiny atlas written to a temp folder: six 1 km squares (Sozialräume A–F, EPSG:25832) in two Gemeinden
/// (G1 = A–D, G2 = E–F) in one Kreis; data for 2020 and 2025 only; indicator "q" = num / den × 100 (share).
/// Sozialraum E has 2 cases in 2025 (below the threshold 3), so E is suppressed in 2025 (and F with it, secondary).
/// </summary>
internal static class GoalAtlasFixture
{
    /// <summary>(key, gemeinde, num 2020, den 2020, num 2025, den 2025).</summary>
    private static readonly (string Key, string Gem, int N0, int D0, int N1, int D1)[] Rows =
    [
        ("A", "G1", 200, 1000, 140, 1000), // 20 % → 14 %: on track
        ("B", "G1", 200, 1000, 170, 1000), // 20 % → 17 %: at risk
        ("C", "G1", 200, 1000, 210, 1000), // 20 % → 21 %: off track
        ("D", "G1", 20, 100, 16, 100),     // 20 % → 16 % on 100 children: uncertain
        ("E", "G2", 40, 200, 2, 200),      // 2 cases in 2025: suppressed
        ("F", "G2", 40, 200, 30, 200),
    ];

    /// <summary>Costs per Gemeinde (German CSV): G1 360.000,00 € in 2025, G2 40.000,00 € in 2025; G2 has no 2020 row.</summary>
    public const string CostsJson = """
        [ { "id": "hze_kosten", "label": "Ausgaben Hilfen zur Erziehung", "file": "kosten.csv", "layer": "gem", "key": "gemeinde", "year": "jahr", "column": "euro", "casesIndicator": "q", "delimiter": ";", "decimal": "," } ]
        """;

    public static AtlasData Load(string goalsJson, string costsJson = "[]")
    {
        var dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "kosten.csv"), "gemeinde;jahr;euro\nG1;2020;300000,00\nG1;2025;360000,00\nG2;2025;40000,00\n");
        var sr = new StringBuilder();
        for (var i = 0; i < Rows.Length; i++)
        {
            sr.Append(i == 0 ? "" : ",").Append(Square(Rows[i].Key, "Bezirk " + Rows[i].Key, Rows[i].Gem, i, 0));
        }

        File.WriteAllText(Path.Combine(dir, "sr.geojson"), Collection(sr.ToString()));
        File.WriteAllText(Path.Combine(dir, "gem.geojson"), Collection(Rect("G1", "Gemeinde Eins", "K", 0, 4) + "," + Rect("G2", "Gemeinde Zwei", "K", 4, 2)));
        File.WriteAllText(Path.Combine(dir, "kreis.geojson"), Collection(Rect("K", "Testkreis", null, 0, 6)));
        var csv = new StringBuilder("sozialraum;jahr;num;den;einwohner\n");
        foreach (var r in Rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Key};2020;{r.N0};{r.D0};5000\n");
            csv.Append(CultureInfo.InvariantCulture, $"{r.Key};2025;{r.N1};{r.D1};5000\n");
        }

        File.WriteAllText(Path.Combine(dir, "t.csv"), csv.ToString());
        var atlas = """
            {
              "title": "Testatlas",
              "layers": [
                { "id": "sr", "label": "Sozialräume", "file": "sr.geojson", "key": "key", "name": "name", "parent": "parent", "parentLayer": "gem" },
                { "id": "gem", "label": "Gemeinden", "file": "gem.geojson", "key": "key", "name": "name", "parent": "parent", "parentLayer": "kreis" },
                { "id": "kreis", "label": "Kreis", "file": "kreis.geojson", "key": "key", "name": "name" }
              ],
              "tables": [ { "id": "t", "file": "t.csv", "layer": "sr", "key": "sozialraum", "year": "jahr", "delimiter": ";" } ],
              "indicators": [ { "id": "q", "label": "Quote", "table": "t", "numerator": "num", "denominator": "den", "unit": "%", "polarity": "higherIsWorse" } ],
              "goals": GOALS,
              "costs": COSTS,
              "privacy": { "threshold": 3, "minPopulation": 300, "populationColumn": "einwohner" }
            }
            """.Replace("GOALS", goalsJson, StringComparison.Ordinal).Replace("COSTS", costsJson, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "atlas.json"), atlas);
        return AtlasData.Load(Path.Combine(dir, "atlas.json"));
    }

    public static string Goal(string id, string layer, string keys, double target, string extra = "") =>
        string.Create(CultureInfo.InvariantCulture, $$"""{ "id": "{{id}}", "label": "Ziel {{id}}", "indicator": "q", "scope": { "layer": "{{layer}}", "keys": [{{keys}}] }, "baselineYear": 2020, "target": {{target}}, "deadline": 2030{{extra}} }""");

    private static string Collection(string features) =>
        """{ "type": "FeatureCollection", "crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::25832" } }, "features": [ """ + features + " ] }";

    private static string Square(string key, string name, string parent, int x, int y) => Rect(key, name, parent, x, 1, y);

    private static string Rect(string key, string name, string? parent, int x, int width, int y = 0)
    {
        double x0 = 400000 + (x * 1000), x1 = x0 + (width * 1000), y0 = 5750000 + (y * 1000), y1 = y0 + 1000;
        var p = parent is null ? "" : $", \"parent\": \"{parent}\"";
        return string.Create(CultureInfo.InvariantCulture, $$"""{ "type": "Feature", "properties": { "key": "{{key}}", "name": "{{name}}"{{p}} }, "geometry": { "type": "Polygon", "coordinates": [[[{{x0}}, {{y0}}], [{{x1}}, {{y0}}], [{{x1}}, {{y1}}], [{{x0}}, {{y1}}], [{{x0}}, {{y0}}]]] } }""");
    }
}
