using System.Text.Json;

namespace GeoPrevention.Tests.Shared;

/// <summary>
/// Reference values of the R peer (R 4.2: sf 1.0.9, classInt 0.4.9, spdep 1.2.7, GEOS 3.11.1) from
/// ../shared/bench/results/peers-2026-11-28.json (shared by all test projects).
/// </summary>
internal static class PeerResults
{
    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(File.ReadAllText(TestPaths.Bench("results", "peers-2026-11-28.json"))));

    /// <summary><c>runs.r_N.results</c>.</summary>
    public static JsonElement R(int n) => Document.Value.RootElement.GetProperty("runs").GetProperty($"r_{n}").GetProperty("results");

    /// <summary>Per-id values of a <c>first20</c> array, e.g. ("weights", "first20_neighbour_counts", "n_neighbours").</summary>
    public static IReadOnlyList<(string Id, double Value)> First20(int n, string section, string array, string field) =>
        R(n).GetProperty(section).GetProperty(array).EnumerateArray()
            .Select(e => (e.GetProperty("sr_id").GetString()!, e.GetProperty(field).GetDouble()))
            .ToArray();
}
