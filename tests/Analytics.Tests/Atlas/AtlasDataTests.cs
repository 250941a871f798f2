using System.Globalization;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Classification;
using GeoPrevention.Analytics.Privacy;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Atlas;

/// <summary>
/// The bundled demo atlas through <see cref="AtlasData"/>. Expected values are recomputed here independently from the
/// CSV with a plain split (sum of numerators over sum of denominators along the hierarchy).
/// </summary>
[TestClass]
public sealed class AtlasDataTests
{
    private static readonly Lazy<AtlasData> Demo = new(() => AtlasData.Load(TestPaths.Repo("data", "atlas.json")));

    private static List<Dictionary<string, string>> Csv()
    {
        var lines = File.ReadAllLines(TestPaths.Repo("data", "indicators", "sozialraeume_2015_2025.csv"));
        var header = lines[0].TrimStart('\uFEFF').Split(';');
        return lines.Skip(1).Select(l => header.Zip(l.Split(';')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    [TestMethod]
    public void Load_DemoAtlas_HasHierarchyAndYears()
    {
        var atlas = Demo.Value;

        Assert.AreEqual("sozialraeume", atlas.FinestLayerId);
        CollectionAssert.AreEqual(Enumerable.Range(2015, 11).ToArray(), atlas.Years.ToArray());
        Assert.HasCount(54, atlas.GetLayer("sozialraeume").Districts);
        Assert.HasCount(13, atlas.GetLayer("gemeinden").Districts);
        Assert.HasCount(4, atlas.GetLayer("jugendamtsbezirke").Districts);
        Assert.AreEqual(25832, atlas.GetLayer("kreis").Crs.Epsg);
        Assert.IsEmpty(atlas.Findings, string.Join("\n", atlas.Findings));
    }

    [TestMethod]
    public void GetValues_Gemeinde_IsRatioOfSums()
    {
        var rows = Csv().Where(r => r["jahr"] == "2023" && r["sozialraum"].StartsWith("05570004-", StringComparison.Ordinal)).ToList();
        var expected = rows.Sum(r => double.Parse(r["kinder_u15_sgb2"], CultureInfo.InvariantCulture)) / rows.Sum(r => double.Parse(r["kinder_u15"], CultureInfo.InvariantCulture)) * 100;

        var ahlen = Demo.Value.GetValues("gemeinden", "sgb2_u15", 2023).Values.Single(v => v.Key == "05570004");

        Assert.IsTrue(ahlen.Value.IsPublished);
        Assert.AreEqual(expected, ahlen.Value.Value!.Value, 1e-9);
        Assert.IsTrue(ahlen.CiLow < ahlen.Value.Value && ahlen.Value.Value < ahlen.CiHigh);
    }

    [TestMethod]
    public void GetValues_SmallVillage_HasNoRate()
    {
        // Tönnishäuschen has fewer than 300 inhabitants in every year of the demo data.
        var rows = Csv().Where(r => r["sozialraum"] == "05570004-09").ToList();
        Assert.IsTrue(rows.All(r => int.Parse(r["einwohner"], CultureInfo.InvariantCulture) < 300));

        foreach (var year in Demo.Value.Years)
        {
            var v = Demo.Value.GetValues("sozialraeume", "sgb2_u15", year).Values.Single(x => x.Key == "05570004-09");
            Assert.IsFalse(v.Value.IsPublished);
            Assert.IsNull(v.Value.Value);
            Assert.IsNull(v.CiLow);
        }
    }

    [TestMethod]
    public void GetValues_NoRateFromACountBelowThreshold()
    {
        var csv = Csv();
        var atlas = Demo.Value;
        var checkedCells = 0;
        foreach (var ind in atlas.Manifest.Indicators)
        {
            foreach (var r in csv.Where(r => int.Parse(r[ind.Numerator], CultureInfo.InvariantCulture) is > 0 and < 3))
            {
                var year = int.Parse(r["jahr"], CultureInfo.InvariantCulture);
                var v = atlas.GetValues("sozialraeume", ind.Id, year).Values.Single(x => x.Key == r["sozialraum"]);
                Assert.IsFalse(v.Value.IsPublished, $"{ind.Id} {r["sozialraum"]} {year}");
                checkedCells++;
            }
        }

        Assert.IsGreaterThan(0, checkedCells, "the demo data must contain small counts");
    }

    [TestMethod]
    public void Classify_PooledBreaks_AreSharedAcrossYears()
    {
        var options = new ClassificationOptions { Method = ClassificationMethod.Quantile, Classes = 5 };
        var a = Demo.Value.Classify("sozialraeume", "sgb2_u15", 2016, options);
        var b = Demo.Value.Classify("sozialraeume", "sgb2_u15", 2024, options);

        Assert.IsTrue(a.Pooled);
        CollectionAssert.AreEqual(a.Classification.Breaks.ToArray(), b.Classification.Breaks.ToArray());
        Assert.AreEqual(a.Snapshot.Values.Count(v => v.Value.IsPublished), a.Counts.Sum());
        for (var i = 0; i < a.Classes.Count; i++)
        {
            Assert.AreEqual(a.Snapshot.Values[i].Value.IsPublished, a.Classes[i] >= 0);
        }
    }

    [TestMethod]
    public void Lisa_OnlyPublishedDistrictsTakePart()
    {
        var lisa = Demo.Value.Lisa("sozialraeume", "sgb2_u15", 2023);
        var values = Demo.Value.GetValues("sozialraeume", "sgb2_u15", 2023).Values;

        Assert.HasCount(values.Count, lisa);
        for (var i = 0; i < values.Count; i++)
        {
            if (!values[i].Value.IsPublished)
            {
                Assert.IsNull(lisa[i]);
            }
        }

        Assert.IsTrue(lisa.Any(l => l is { Significant: true }));
    }

    [TestMethod]
    public void ReleaseManifest_ListsSuppressions()
    {
        var manifest = Demo.Value.CreateReleaseManifest(new DateOnly(2025, 12, 31));

        Assert.AreEqual(3, Demo.Value.View.Rules.Threshold);
        Assert.IsTrue(Demo.Value.View.Suppression.SuppressedCells.Any(c => c.Reason == CellStatus.Primary));
        Assert.IsNotNull(manifest);
    }
}
