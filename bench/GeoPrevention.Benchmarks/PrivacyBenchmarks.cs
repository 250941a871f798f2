using BenchmarkDotNet.Attributes;
using GeoPrevention.Analytics.Privacy;

namespace GeoPrevention.Benchmarks;

/// <summary>
/// Primary + secondary suppression (with the interval audit, and for the categorised table the exact audit) for a
/// synthetic 3-level hierarchy: 100,000 Sozialräume in 1,000 Gemeinden (100 each) in 10 Kreise (100 Gemeinden each).
/// Counts are drawn with Random(42): 10 % are 1 or 2 (confidential), 5 % are 0, the rest 3..200. Target: ≤ 1 s.
/// See docs/performance.md, section "Confidentiality".
/// </summary>
[MemoryDiagnoser]
public class PrivacyBenchmarks
{
    private static readonly PrivacyRules Rules = new() { MinimumPopulation = 0 };
    private CountTable _single = null!;
    private CountTable _categories = null!;

    /// <summary>The number of Sozialräume.</summary>
    [Params(100_000)]
    public int Districts { get; set; }

    /// <summary>Builds the hierarchy and both tables (not timed).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var units = new List<HierarchyUnit>();
        var kreise = Math.Max(1, Districts / 10_000);
        var gemeinden = Math.Max(1, Districts / 100);
        for (var k = 0; k < kreise; k++)
        {
            units.Add(new HierarchyUnit("K" + k, null, HierarchyLevel.Kreis));
        }

        for (var g = 0; g < gemeinden; g++)
        {
            units.Add(new HierarchyUnit("G" + g, "K" + (g * kreise / gemeinden), HierarchyLevel.Gemeinde));
        }

        for (var s = 0; s < Districts; s++)
        {
            units.Add(new HierarchyUnit("S" + s, "G" + ((long)s * gemeinden / Districts), HierarchyLevel.Sozialraum));
        }

        var h = Hierarchy.Create(units);
        var rng = new Random(42);
        long Draw() => rng.NextDouble() switch
        {
            < 0.10 => rng.Next(1, 3),
            < 0.15 => 0,
            _ => rng.Next(3, 201),
        };

        var single = new long?[h.Count];
        var cats = new long?[h.Count * 3];
        for (var u = kreise + gemeinden; u < h.Count; u++)
        {
            single[u] = Draw();
            cats[(u * 3) + 1] = Draw();
            cats[(u * 3) + 2] = Draw();
        }

        _single = CountTable.FromArray("n", h, [2023], single);
        _categories = CountTable.FromArray("n", h, [2023], cats, new CountTableOptions { Categories = ["total", "female", "male"], TotalCategory = "total" });
    }

    /// <summary>One count per Sozialraum (tree-structured equations; no exact audit needed).</summary>
    /// <returns>The result.</returns>
    [Benchmark(Baseline = true)]
    public SuppressionResult Protect() => StatisticalDisclosureControl.Protect([_single], Rules);

    /// <summary>total = female + male per Sozialraum (3 × the cells; exact audit per connected component).</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public SuppressionResult ProtectWithCategories() => StatisticalDisclosureControl.Protect([_categories], Rules);
}
