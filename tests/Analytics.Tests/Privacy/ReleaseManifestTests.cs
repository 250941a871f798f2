using System.Globalization;
using System.Reflection;
using System.Text.Json;
using GeoPrevention.Analytics.Privacy;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Privacy;

[TestClass]
public sealed class ReleaseManifestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 30, 0, TimeSpan.Zero);

    private static ReleaseManifest Manifest()
    {
        var view = PublishableView.Create(PublishableViewTests.Dataset(twoYears: false).Tables);
        return ReleaseManifest.Create(view.Suppression, new DateOnly(2023, 12, 31), new ReleaseManifestOptions { Clock = new FixedClock(Now) });
    }

    [TestMethod]
    public void Create_SmallDataset_HasEveryFieldRight()
    {
        var m = Manifest();

        Assert.AreEqual(1, m.SchemaVersion);
        Assert.AreEqual(Now, m.CreatedUtc);
        Assert.AreEqual(new DateOnly(2023, 12, 31), m.DataDate);
        Assert.AreEqual(typeof(ReleaseManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion, m.SoftwareVersion);
        Assert.StartsWith("0.1.0", m.SoftwareVersion);
        Assert.AreEqual(new ManifestRules(3, false, 300, "population", null, true), m.Rules);
        Assert.HasCount(2, m.Tables);

        var sgb2 = m.Tables[0];
        Assert.AreEqual("sgb2_children_u15", sgb2.Name);
        CollectionAssert.AreEqual(new[] { "total" }, sgb2.Categories.ToArray());
        Assert.IsNull(sgb2.TotalCategory);
        CollectionAssert.AreEqual(new[] { 2023 }, sgb2.Years.ToArray());
        Assert.AreEqual((1, 1, 0), (sgb2.Primary, sgb2.Secondary, sgb2.SuppressedAtSource));
        Assert.HasCount(2, sgb2.Levels);
        var sr = sgb2.Levels[0];
        Assert.AreEqual((2023, HierarchyLevel.Sozialraum, 3, 1, 1, 1, 0), (sr.Year, sr.Level, sr.Cells, sr.Published, sr.Primary, sr.Secondary, sr.SuppressedAtSource));
        CollectionAssert.AreEqual(
            new[] { new ManifestCell("S1", "total", CellStatus.Secondary), new ManifestCell("S2", "total", CellStatus.Primary) },
            sr.Suppressed.ToArray());
        var gem = sgb2.Levels[1];
        Assert.AreEqual((2023, HierarchyLevel.Gemeinde, 1, 1, 0, 0, 0), (gem.Year, gem.Level, gem.Cells, gem.Published, gem.Primary, gem.Secondary, gem.SuppressedAtSource));
        Assert.IsEmpty(gem.Suppressed);

        var population = m.Tables[1];
        Assert.AreEqual(("population", 0, 0), (population.Name, population.Primary, population.Secondary));
        CollectionAssert.AreEqual(new[] { new ManifestUnitYear("S1", 2023) }, m.BelowMinimumPopulation.ToArray());
        Assert.IsEmpty(m.Issues);
    }

    [TestMethod]
    public void ToJson_SmallDataset_IsInvariantCamelCaseAndRoundTrips()
    {
        var m = Manifest();
        var json = m.ToJson();

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.AreEqual("2023-12-31", root.GetProperty("dataDate").GetString());
        Assert.AreEqual("2026-11-28T12:30:00+00:00", root.GetProperty("createdUtc").GetString());
        Assert.AreEqual(3, root.GetProperty("rules").GetProperty("threshold").GetInt32());
        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("rules").GetProperty("roundingBase").ValueKind);
        var cell = root.GetProperty("tables")[0].GetProperty("levels")[0].GetProperty("suppressed")[1];
        Assert.AreEqual("S2", cell.GetProperty("key").GetString());
        Assert.AreEqual("Primary", cell.GetProperty("reason").GetString());
        Assert.AreEqual("Sozialraum", root.GetProperty("tables")[0].GetProperty("levels")[0].GetProperty("level").GetString());
        Assert.DoesNotContain("\"value\"", json, "a manifest holds no count values");

        Assert.AreEqual(json, ReleaseManifest.FromJson(json).ToJson());
    }

    [TestMethod]
    public void ToText_GermanAndEnglish_NameRulesAndSuppressions()
    {
        var m = Manifest();

        var de = m.ToText(CultureInfo.GetCultureInfo("de-DE"));
        var en = m.ToText(CultureInfo.InvariantCulture);

        Assert.Contains("Datenstand (Stichtag): 31.12.2023\n", de);
        Assert.Contains("Erstellt: 28.11.2026 12:30:00 UTC\n", de);
        Assert.Contains("Regeln: Fallzahlen 1 bis 2 werden gesperrt (Schwelle 3); Nullen werden veröffentlicht;", de);
        Assert.Contains("Mindestbevölkerung für Quoten und Indizes: 300 (Tabelle population)\n", de);
        Assert.Contains("    gesperrt: S1/total (sekundär), S2/total (primär)\n", de);
        Assert.Contains("Ohne Quoten (unter der Mindestbevölkerung): S1 (2023)\n", de);
        Assert.Contains("Data date: 2023-12-31\n", en);
        Assert.Contains("  2023 Sozialraum: 3 cells, 1 published, 1 primary, 1 secondary, 0 suppressed at source\n", en);
    }

    [TestMethod]
    public void Save_WritesJsonAtomically()
    {
        var dir = TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "manifest.json");
        var m = Manifest();

        m.Save(path);
        m.Save(path);

        Assert.AreEqual(m.ToJson(), File.ReadAllText(path));
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(dir));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
