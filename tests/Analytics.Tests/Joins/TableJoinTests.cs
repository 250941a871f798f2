using System.Text;
using System.Text.Json;
using GeoPrevention.Analytics.Joins;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Geo;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Joins;

[TestClass]
public sealed class TableJoinTests
{
    private static IndicatorTable Csv(string content)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "t.csv");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return TableReader.ReadCsv(path);
    }

    private static List<string> Vg250Ags()
    {
        // The Geo reader is built elsewhere; read the AGS property directly.
        using var stream = File.OpenRead(TestPaths.RealData("bkg-vg250-gem-topojson", "germany_gem_vg250_wgs84.geojson"));
        using var doc = JsonDocument.Parse(stream);
        return [.. doc.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("AGS").GetString()!)];
    }

    [TestMethod]
    public void Join_Zensus2022ToVg250_ReportsDriftNotDrops()
    {
        var zensus = TableReader.ReadCsv(TestPaths.RealData("zensus2022-gemeinden-bevoelkerung", "1000A-0000_de_flat.csv"));
        Assert.AreEqual(10_787, zensus.RowCount);
        Assert.AreEqual(ColumnKind.Key, zensus.GetColumn("1_variable_attribute_code").Kind);
        var layer = Vg250Ags();
        Assert.AreEqual(11_103, layer.Count);

        var r = TableJoin.Join(layer, zensus, new JoinOptions { TableKeyColumn = "1_variable_attribute_code", KeyNormalization = KeyNormalizationOptions.Ags });

        // README (zensus2022 and bkg-vg250): 37 municipalities of Gebietsstand 2022 have no 2024 polygon, plus the
        // Germany total row "DG"; 200 gemeindefreie Gebiete have no statistics row; 154 AGS occur twice in VG250.
        var unmatchedMunicipalities = r.UnmatchedTableKeys.Where(u => u.Key != "DG").ToList();
        Assert.HasCount(37, unmatchedMunicipalities);
        Assert.IsTrue(r.UnmatchedTableKeys.Any(u => u.Key == "DG"));
        Assert.AreEqual(10_786 - 37, r.MatchedTableRowCount);
        var unmatchedAgs = r.UnmatchedLayerKeys.Select(u => u.Key).Distinct().ToList();
        Assert.HasCount(200, unmatchedAgs);
        CollectionAssert.Contains(unmatchedAgs, "03457501");
        Assert.AreEqual(154, r.DuplicateKeys.Count(d => d.Side == JoinSide.Layer));
        Assert.AreEqual(0, r.DuplicateKeys.Count(d => d.Side == JoinSide.Table));
        // Every feature is matched or listed; every row is matched or listed.
        Assert.AreEqual(r.LayerCount, r.MatchedLayerCount + r.UnmatchedLayerKeys.Count + r.LayerFeaturesWithoutKey.Count);
        Assert.AreEqual(r.TableRowsConsidered, r.MatchedTableRowCount + r.UnmatchedTableKeys.Count + r.TableRowsWithoutKey.Count);
        // Ahlen: 52,669 persons (README).
        var ahlen = layer.IndexOf("05570004");
        Assert.AreEqual(52_669.0, zensus.GetValue("value", r.TableRowOf(ahlen)));
        StringAssert.Contains(r.ToText(), "Tabellenschlüssel ohne Gebiet: 38", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Join_LeadingZeroAndUmlautDifferences_SuggestNearMatches()
    {
        var table = Csv("key;n\n5570004;1\n05570008;2\nMuessingen;3\nWarendorf;4\nEnigerloh;5\n");
        var layer = new[] { "05570004", "05570008", "Müssingen", "Warendorf", "Ennigerloh", "05570012" };

        var r = TableJoin.Join(layer, table, new JoinOptions { TableKeyColumn = "key" });

        Assert.AreEqual(3, r.UnmatchedTableKeys.Count);
        Assert.HasCount(3, r.NearMatches);
        var zero = r.NearMatches.Single(n => n.TableKey == "5570004");
        Assert.AreEqual("05570004", zero.LayerKey);
        Assert.AreEqual(NearMatchReason.KeyNormalization, zero.Reason);
        Assert.AreEqual(2, zero.TableLine);
        var umlaut = r.NearMatches.Single(n => n.TableKey == "Muessingen");
        Assert.AreEqual("Müssingen", umlaut.LayerKey);
        Assert.AreEqual(NearMatchReason.Transliteration, umlaut.Reason);
        var typo = r.NearMatches.Single(n => n.TableKey == "Enigerloh");
        Assert.AreEqual(NearMatchReason.EditDistance, typo.Reason);
        Assert.AreEqual(1, typo.Distance);
        Assert.AreEqual(2.0 / 6, r.LayerCoverage, 1e-12); // 05570008 and Warendorf
        using var json = JsonDocument.Parse(r.ToJson());
        Assert.AreEqual(3, json.RootElement.GetProperty("nearMatches").GetArrayLength());
    }

    [TestMethod]
    public void Join_AgsNormalization_MatchesSevenDigitKeys()
    {
        var table = Csv("key;n\n5570004;1\n055700008008;2\n");
        var r = TableJoin.Join(["05570004", "05570008"], table, new JoinOptions { TableKeyColumn = "key", KeyNormalization = KeyNormalizationOptions.Ags });
        Assert.IsTrue(r.IsClean);
        Assert.AreEqual(1, r.TableRowOf(1));
    }

    [TestMethod]
    public void Join_YearFilterAndDuplicates_Reported()
    {
        var table = Csv("ags;year;n\n05570004;2022;1\n05570004;2023;2\n05570008;2023;3\n05570008;2023;4\n");
        var r = TableJoin.Join(["05570004", "05570008"], table, new JoinOptions { TableKeyColumn = "ags", Year = 2023 });
        Assert.AreEqual(1, r.TableRowsOtherYears);
        Assert.AreEqual(3, r.TableRowsConsidered);
        Assert.AreEqual(1, r.TableRowOf(0));
        var dup = r.DuplicateKeys.Single();
        Assert.AreEqual(JoinSide.Table, dup.Side);
        CollectionAssert.AreEqual(new[] { 4, 5 }, dup.Lines.ToArray());
        Assert.IsFalse(r.IsClean);

        var all = TableJoin.Join(["05570004", "05570008"], table, new JoinOptions { TableKeyColumn = "ags" });
        Assert.HasCount(4, all.Pairs);
        Assert.HasCount(1, all.DuplicateKeys, "05570004 appears in two different years: not a duplicate");
    }

    [TestMethod]
    public void Join_RepeatedLayerKeys_MatchedAndUnmatched_ListedWithAllFeatures()
    {
        // Hand-made: layer features 0..5 with keys A, B, A, C, C, A; table rows A (line 2), D (line 3), A (line 4).
        var table = Csv("id;n\nA;1\nD;2\nA;3\n");
        var r = TableJoin.Join(["A", "B", "A", "C", "C", "A"], table, new JoinOptions { TableKeyColumn = "id", FindNearMatches = false });

        // Every A feature pairs with both A rows, in layer order.
        CollectionAssert.AreEqual(
            new[] { new JoinPair(0, 0), new JoinPair(0, 2), new JoinPair(2, 0), new JoinPair(2, 2), new JoinPair(5, 0), new JoinPair(5, 2) },
            r.Pairs.ToArray());
        CollectionAssert.AreEqual(new[] { 0, -1, 0, -1, -1, 0 }, Enumerable.Range(0, 6).Select(r.TableRowOf).ToArray());
        Assert.AreEqual(3, r.MatchedLayerCount);
        Assert.AreEqual(2, r.MatchedTableRowCount);
        CollectionAssert.AreEqual(new[] { 1, 3, 4 }, r.UnmatchedLayerKeys.Select(u => u.Index).ToArray());
        var unmatchedTable = r.UnmatchedTableKeys.Single();
        Assert.AreEqual("D", unmatchedTable.Key);
        Assert.AreEqual(3, unmatchedTable.Line);
        // Duplicates, sorted by side then key: layer A (0, 2, 5), layer C (3, 4), table A (lines 2, 4).
        Assert.HasCount(3, r.DuplicateKeys);
        Assert.AreEqual("A", r.DuplicateKeys[0].Key);
        CollectionAssert.AreEqual(new[] { 0, 2, 5 }, r.DuplicateKeys[0].Indices.ToArray());
        Assert.AreEqual("C", r.DuplicateKeys[1].Key);
        CollectionAssert.AreEqual(new[] { 3, 4 }, r.DuplicateKeys[1].Indices.ToArray());
        Assert.AreEqual(JoinSide.Table, r.DuplicateKeys[2].Side);
        CollectionAssert.AreEqual(new[] { 2, 4 }, r.DuplicateKeys[2].Lines.ToArray());
    }

    [TestMethod]
    public void Join_Strict_ThrowsListingKeys()
    {
        var table = Csv("ags;n\n05570004;1\n05570099;2\n");
        var ex = Assert.ThrowsExactly<JoinMismatchException>(() => TableJoin.Join(["05570004", "05570008"], table, new JoinOptions { TableKeyColumn = "ags", Strict = true }));
        StringAssert.Contains(ex.Message, "05570099 (line 3)", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "05570008", StringComparison.Ordinal);
        Assert.HasCount(1, ex.Result.UnmatchedLayerKeys);
    }

    [TestMethod]
    public void Join_VectorLayer_UsesKeyFieldAndListsMissingKeys()
    {
        var features = new List<VectorFeature>
        {
            new(0, null, new Dictionary<string, object?> { ["AGS"] = "05570004" }),
            new(1, null, new Dictionary<string, object?> { ["AGS"] = null }),
            new(2, null, new Dictionary<string, object?> { ["AGS"] = "05570008" }),
        };
        var layer = new VectorLayer("mem", "GeoJSON", new CrsInfo(4326, "WGS 84", default), ["AGS"], features);
        var table = Csv("ags;n\n05570004;1\n05570008;2\n");
        var r = TableJoin.Join(layer, "AGS", table, new JoinOptions { TableKeyColumn = "ags" });
        CollectionAssert.AreEqual(new[] { 1 }, r.LayerFeaturesWithoutKey.ToArray());
        Assert.AreEqual(1, r.TableRowOf(2));
        Assert.ThrowsExactly<ArgumentException>(() => TableJoin.Join(layer, "GEN", table, new JoinOptions { TableKeyColumn = "ags" }));
    }

    [TestMethod]
    public void EditDistance_KnownPairs()
    {
        Assert.AreEqual(3, TableJoin.EditDistance("kitten", "sitting", 5));
        Assert.AreEqual(3, TableJoin.EditDistance("kitten", "sitting", 2), "capped at max + 1");
        Assert.AreEqual("muessingenstadt", TableJoin.Fold("Müssingen, Stadt"));
    }
}
