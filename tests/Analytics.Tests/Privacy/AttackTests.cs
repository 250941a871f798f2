using System.Globalization;
using GeoPrevention.Analytics.Privacy;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Privacy;

[TestClass]
public sealed class AttackTests
{
    private const int Seed = 4711;
    private const int Year = 2023;

    public TestContext TestContext { get; set; } = null!;

    /// <summary>
    /// The synthetic N = 1000 districts of ../shared/bench/data/indicators_1000.csv, year 2023, grouped into 13 towns by
    /// contiguous id ranges (SR000001..SR000077 → town 00, …; town = (number − 1) × 13 / 1000) under one Kreis. Counts are
    /// sgb2_children_u15; in town t, t mod 4 districts drawn with Random(4711) are set to 1 or 2, so that some towns get a
    /// single confidential district (the case that leaks) and others several; population is the population column.
    /// </summary>
    internal static (Hierarchy Hierarchy, CountTable Counts, CountTable Population, int Injected) LoadBench()
    {
        var rows = File.ReadAllLines(TestPaths.Bench("data", "indicators_1000.csv"))
            .Skip(1)
            .Select(l => l.Split(';'))
            .Where(f => f[1] == "2023")
            .OrderBy(f => f[0], StringComparer.Ordinal)
            .ToList();
        Assert.HasCount(1000, rows);
        var units = new List<HierarchyUnit> { new("KREIS", null, HierarchyLevel.Kreis) };
        for (var t = 0; t < 13; t++)
        {
            units.Add(new HierarchyUnit(Town(t), "KREIS", HierarchyLevel.Gemeinde));
        }

        foreach (var f in rows)
        {
            var number = int.Parse(f[0].AsSpan(2), CultureInfo.InvariantCulture);
            units.Add(new HierarchyUnit(f[0], Town((number - 1) * 13 / 1000), HierarchyLevel.Sozialraum));
        }

        var h = Hierarchy.Create(units);
        var rng = new Random(Seed);
        var counts = rows.ToDictionary(f => f[0], f => long.Parse(f[4], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var injected = 0;
        for (var t = 0; t < 13; t++)
        {
            var members = h.ChildrenOf(Town(t));
            foreach (var key in members.OrderBy(_ => rng.Next()).Take(t % 4))
            {
                counts[key] = rng.Next(1, 3);
                injected++;
            }
        }

        var table = CountTable.FromRecords("sgb2_children_u15", h, counts.Select(p => new CountRecord(p.Key, Year, CountTable.DefaultCategory, p.Value)));
        var population = CountTable.FromRecords("population", h, rows.Select(f => new CountRecord(f[0], Year, CountTable.DefaultCategory, long.Parse(f[2], CultureInfo.InvariantCulture))));
        return (h, table, population, injected);

        static string Town(int t) => "TOWN" + t.ToString("00", CultureInfo.InvariantCulture);
    }

    [TestMethod]
    public void Protect_BenchHierarchyWithInjectedSmallCounts_NoSuppressedValueDerivableAndFewSecondary()
    {
        var (_, counts, population, injected) = LoadBench();
        Assert.AreEqual(18, injected, "0 + 1 + 2 + 3 per four towns: 3 × 6 + 0 = 18");
        var naive = StatisticalDisclosureControl.PrimaryOnly([counts, population], PrivacyRules.Default);
        var naiveLeaks = DisclosureAuditor.Audit(naive).Exact.Count();

        var result = StatisticalDisclosureControl.Protect([counts, population], PrivacyRules.Default);
        var report = DisclosureAuditor.Audit(result);

        // The exact auditor tries every linear combination of the published cells along all parent–children equations.
        Assert.IsEmpty(report.Disclosures, string.Join("; ", report.Disclosures));
        var stats = result.Statistics.Single(s => s.Table == "sgb2_children_u15");
        TestContext.WriteLine(
            $"primary {stats.Primary}, secondary {stats.Secondary}, single-unknown equations after primary {stats.SingleSuppressionEquations}, "
            + $"exact repairs {stats.ExactRepairs}, interval repairs {stats.IntervalRepairs}, naive exact leaks {naiveLeaks}, "
            + $"cells {counts.Hierarchy.Count}, equations {report.Equations}");

        Assert.IsGreaterThan(0, naiveLeaks, "primary suppression alone must leak on this data");
        Assert.IsGreaterThanOrEqualTo(injected, stats.Primary, "the injected counts (plus any 1s and 2s in the data) are primary");

        // Bound: each equation that has a single unknown after primary suppression needs one complement, and every
        // suppressed parent can open one more such equation one level down; so secondary ≤ primary + single-unknown
        // equations. The heuristic shares complements (rule 3b), so in practice it stays far below.
        Assert.IsLessThanOrEqualTo(stats.Primary + stats.SingleSuppressionEquations, stats.Secondary);
        Assert.IsLessThanOrEqualTo(stats.Primary, stats.Secondary, "at most one complement per primary cell on this data");

        // On this data (26 primary, 4 towns with a single confidential district) each leaking town equation costs
        // exactly one complement and no town total has to go: secondary = single-unknown equations = naive leaks = 4.
        Assert.AreEqual((4, 4, 4), (stats.Secondary, stats.SingleSuppressionEquations, naiveLeaks));
        Assert.AreEqual(26, stats.Primary);
    }
}
