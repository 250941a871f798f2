using GeoPrevention.Analytics.Privacy;
using static GeoPrevention.Analytics.Tests.Privacy.PrivacyFixtures;

namespace GeoPrevention.Analytics.Tests.Privacy;

[TestClass]
public sealed class SuppressionPropertyTests
{
    private const int Seed = 13;

    [TestMethod]
    public void Protect_ManyRandomSmallHierarchies_AuditorFindsNoLeakWhileNaiveSuppressionLeaks()
    {
        var rng = new Random(Seed);
        var naiveLeaking = 0;
        var withCategories = 0;
        const int Runs = 400;
        for (var run = 0; run < Runs; run++)
        {
            var table = RandomTable(rng, out var categories);
            withCategories += categories ? 1 : 0;
            var rules = NoMinimumPopulation;

            var naive = StatisticalDisclosureControl.PrimaryOnly([table], rules);
            if (DisclosureAuditor.Audit(naive).Exact.Any())
            {
                naiveLeaking++;
            }

            var result = StatisticalDisclosureControl.Protect([table], rules);
            var report = DisclosureAuditor.Audit(result);
            Assert.IsEmpty(report.Disclosures, $"run {run}: " + string.Join("; ", report.Disclosures));

            // Primary suppression is exactly the confidential cells; nothing confidential is published.
            for (var u = 0; u < table.Hierarchy.Count; u++)
            {
                foreach (var category in table.Categories)
                {
                    var key = table.Hierarchy.Units[u].Key;
                    var value = table.Values[table.CellIndex(u, 0, table.CategoryIndexOf(category))]!.Value;
                    var status = result.Status("n", key, 2023, category);
                    Assert.AreEqual(rules.IsConfidential(value), status == CellStatus.Primary, $"run {run}, {key}/{category} = {value}: {status}");
                }
            }
        }

        Assert.IsGreaterThan(100, withCategories, "both shapes must be exercised");
        Assert.IsGreaterThan(Runs / 4, naiveLeaking, "primary suppression alone must leak in many of the hierarchies");
    }

    internal static CountTable RandomTable(Random rng, out bool categories)
    {
        var units = new List<HierarchyUnit> { Kreis("K") };
        var leaves = new List<string>();
        var jab = rng.Next(3) == 0;
        if (jab)
        {
            units.Add(Jab("J0", "K"));
            units.Add(Jab("J1", "K"));
        }

        var gemeinden = rng.Next(1, 5);
        for (var g = 0; g < gemeinden; g++)
        {
            var gk = "G" + g;
            units.Add(Gem(gk, jab ? "J" + (g % 2) : "K"));
            var srs = rng.Next(1, 5);
            for (var s = 0; s < srs; s++)
            {
                units.Add(Sr(gk + "S" + s, gk));
                leaves.Add(gk + "S" + s);
            }
        }

        if (jab && gemeinden == 1)
        {
            // J1 would be a parent without children; give it a Gemeinde with one Sozialraum.
            units.Add(Gem("GX", "J1"));
            units.Add(Sr("GXS0", "GX"));
            leaves.Add("GXS0");
        }

        var h = Hierarchy.Create(units);
        categories = rng.Next(2) == 0;
        long Draw() => rng.NextDouble() switch
        {
            < 0.35 => rng.Next(1, 3),
            < 0.45 => 0,
            _ => rng.Next(3, 60),
        };

        var records = new List<CountRecord>();
        foreach (var leaf in leaves)
        {
            if (categories)
            {
                records.Add(new CountRecord(leaf, 2023, "female", Draw()));
                records.Add(new CountRecord(leaf, 2023, "male", Draw()));
            }
            else
            {
                records.Add(new CountRecord(leaf, 2023, CountTable.DefaultCategory, Draw()));
            }
        }

        var options = categories
            ? new CountTableOptions { Categories = ["total", "female", "male"], TotalCategory = "total" }
            : new CountTableOptions();
        return CountTable.FromRecords("n", h, records, options);
    }
}
