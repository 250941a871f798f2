using System.Globalization;
using System.Text.Json;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Statistics;

/// <summary>
/// The N = 1000 peer rates (<c>../shared/bench/data/indicators_1000.csv</c>): year 2023,
/// <c>rate = sgb2_children_u15 / children_u15 * 100</c>, sorted by sr_id; and the trimmed R oracle fixture.
/// </summary>
internal static class BenchRates
{
    private static readonly Lazy<(string[] Ids, double[] Rates, double[] Population)> Data = new(Load);
    private static readonly Lazy<JsonElement> OracleData = new(() =>
        JsonDocument.Parse(File.ReadAllText(TestPaths.Repo("tests", "Analytics.Tests", "TestData", "peers_n1000_2023.json"))).RootElement);

    /// <summary>sr_id ascending.</summary>
    public static string[] Ids => Data.Value.Ids;

    /// <summary>Rates per 100 in sr_id order.</summary>
    public static double[] Rates => Data.Value.Rates;

    /// <summary>Children under 15 (the rate's denominator) in sr_id order.</summary>
    public static double[] Children => Data.Value.Population;

    /// <summary>The oracle fixture (tests/Analytics.Tests/TestData/peers_n1000_2023.json).</summary>
    public static JsonElement Oracle => OracleData.Value;

    /// <summary>A numeric array from the fixture.</summary>
    public static double[] Doubles(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetDouble())];

    /// <summary>An integer array from the fixture.</summary>
    public static int[] Ints(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetInt32())];

    private static (string[], double[], double[]) Load()
    {
        var lines = File.ReadAllLines(TestPaths.Bench("data", "indicators_1000.csv"));
        var head = lines[0].Split(';');
        int iId = Array.IndexOf(head, "sr_id"), iYear = Array.IndexOf(head, "year"),
            iDen = Array.IndexOf(head, "children_u15"), iNum = Array.IndexOf(head, "sgb2_children_u15");
        var rows = new List<(string Id, double Rate, double Den)>();
        foreach (var line in lines.Skip(1))
        {
            var c = line.Split(';');
            if (c[iYear] != "2023")
            {
                continue;
            }

            var num = int.Parse(c[iNum], CultureInfo.InvariantCulture);
            var den = int.Parse(c[iDen], CultureInfo.InvariantCulture);
            rows.Add((c[iId], (double)num / den * 100, den));
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return ([.. rows.Select(r => r.Id)], [.. rows.Select(r => r.Rate)], [.. rows.Select(r => r.Den)]);
    }
}
