using System.Globalization;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Collection;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Collection;

/// <summary>Accepting deliveries as immutable vintages, the delivery log and the atlas overlay.</summary>
[TestClass]
public sealed class DeliveryStoreTests
{
    private static readonly DateTimeOffset First = new(2027, 3, 2, 10, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Second = new(2027, 3, 5, 8, 0, 0, TimeSpan.Zero);

    private static DeliveryLogEntry Deliver(string atlasPath, string supplier, double factor, DateTimeOffset at, string? by = null)
    {
        var atlas = AtlasData.Load(atlasPath);
        var s = atlas.Manifest.FindSupplier(supplier)!;
        var file = Path.Combine(TestPaths.NewTempDirectory(), $"{supplier}_2026.xlsx");
        DeliveryFiles.WriteXlsx(file, DeliveryFiles.Header(atlas.Manifest, s), DeliveryFiles.Rows(atlas, s, 2025, 2026, factor));
        var result = IntakeCheck.Check(atlas, file);
        Assert.IsFalse(result.HasBlocking, string.Join("\n", result.Findings));
        return DeliveryStore.Accept(result, new DeliveryAcceptOptions { AcceptedAt = at, DeliveredBy = by });
    }

    private static double Base2025(AtlasData atlas, string column, string key) =>
        atlas.GetTableData("sozialraumdaten").TryGet(column, key, 2025, out var c) ? c.Value : double.NaN;

    [TestMethod]
    public void Accept_Twice_TwoVintagesLatestWinsFirstUntouched()
    {
        var atlasPath = DeliveryFiles.CopyDemoAtlas();
        var dir = Path.GetDirectoryName(atlasPath)!;
        var baseTable = DeliveryFiles.Snapshot(Path.Combine(dir, "indicators"));

        var e1 = Deliver(atlasPath, "jugendamt", 1.02, First, "Frau Beispiel");
        var firstFile = Path.Combine(dir, e1.File);
        var firstHash = DeliveryLog.Sha256Of(firstFile);
        var e2 = Deliver(atlasPath, "jugendamt", 1.10, Second);

        Assert.AreEqual("deliveries/sozialraumdaten/2026/jugendamt_20270302T101500Z.csv", e1.File);
        Assert.AreEqual("deliveries/sozialraumdaten/2026/jugendamt_20270305T080000Z.csv", e2.File);
        Assert.AreEqual(firstHash, DeliveryLog.Sha256Of(firstFile), "the first vintage is never rewritten");
        Assert.AreEqual(e1.Sha256, firstHash);
        var log = DeliveryLog.Read(dir);
        CollectionAssert.AreEqual(new[] { e1.Id, e2.Id }, log.Deliveries.Select(d => d.Id).ToArray());
        Assert.AreEqual("Frau Beispiel", log.Deliveries[0].DeliveredBy);
        Assert.AreEqual("jugendamt_2026.xlsx", log.Deliveries[0].SourceFile);
        Assert.AreEqual(54, log.Deliveries[0].Rows);
        CollectionAssert.AreEqual(new[] { "hze_faelle", "kita_u3" }, log.Deliveries[0].Columns.ToArray());
        CollectionAssert.AreEqual(baseTable.ToList(), DeliveryFiles.Snapshot(Path.Combine(dir, "indicators")).ToList(), "the base table is untouched");

        var atlas = AtlasData.Load(atlasPath);
        Assert.AreEqual(2026, atlas.Years[^1]);
        var key = "05570004-01";
        Assert.IsTrue(atlas.GetTableData("sozialraumdaten").TryGet("hze_faelle", key, 2026, out var cell));
        Assert.AreEqual(Math.Round(Base2025(atlas, "hze_faelle", key) * 1.10), cell.Value, "the later accepted delivery wins");
        var provenance = atlas.GetProvenance("hze", 2026);
        Assert.AreEqual("Datenstand 31.12.2026, Lieferung jugendamt 2027-03-05", provenance.Text);
        Assert.AreEqual(e2.Id, provenance.Vintages.Single().Id);
        Assert.AreEqual("Datenstand 31.12.2025, Grundtabelle sozialraeume_2015_2025.csv", atlas.GetProvenance("hze", 2025).Text);
        CollectionAssert.AreEqual(new[] { "sozialraeume_2015_2025.csv", e1.Id, e2.Id }, atlas.GetVintages("sozialraumdaten").Select(v => v.Id).ToArray());
    }

    [TestMethod]
    public void Accept_SameSecondTwice_SecondGetsSuffixFirstUntouchedLaterWins()
    {
        var atlasPath = DeliveryFiles.CopyDemoAtlas();
        var dir = Path.GetDirectoryName(atlasPath)!;
        var e1 = Deliver(atlasPath, "jobcenter", 1.02, First);
        var path = Path.Combine(dir, e1.File);
        var hash = DeliveryLog.Sha256Of(path);

        var e2 = Deliver(atlasPath, "jobcenter", 1.5, First.AddMilliseconds(300));
        var e3 = Deliver(atlasPath, "jobcenter", 1.2, First.AddMilliseconds(600));

        Assert.AreEqual("jobcenter_20270302T101500Z", e1.Id);
        Assert.AreEqual("jobcenter_20270302T101500Z_2", e2.Id);
        Assert.AreEqual("deliveries/sozialraumdaten/2026/jobcenter_20270302T101500Z_2.csv", e2.File);
        Assert.AreEqual("jobcenter_20270302T101500Z_3", e3.Id);
        Assert.AreEqual(hash, DeliveryLog.Sha256Of(path), "the first vintage is never rewritten");
        CollectionAssert.AreEqual(new[] { e1.Id, e2.Id, e3.Id }, DeliveryLog.Read(dir).Deliveries.Select(d => d.Id).ToArray());
        // The names sort in acceptance order, as ids and as file names (ordinal, like ls in the C locale).
        var names = Directory.GetFiles(Path.GetDirectoryName(path)!, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(new[] { e1.File, e2.File, e3.File }.Select(Path.GetFileName).ToArray(), names);
        Assert.IsEmpty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));

        // Same acceptance second: the log order decides, so the third delivery (factor 1.2) wins.
        var atlas = AtlasData.Load(atlasPath);
        var key = "05570004-01";
        Assert.IsTrue(atlas.GetTableData("sozialraumdaten").TryGet("kinder_u15_sgb2", key, 2026, out var cell));
        Assert.AreEqual(Math.Round(Base2025(atlas, "kinder_u15_sgb2", key) * 1.2), cell.Value);
        CollectionAssert.AreEqual(new[] { "sozialraeume_2015_2025.csv", e1.Id, e2.Id, e3.Id }, atlas.GetVintages("sozialraumdaten").Select(v => v.Id).ToArray());
    }

    [TestMethod]
    public void Accept_FileChangedAfterCheck_ThrowsGermanDeliveryChangedAndWritesNothing()
    {
        var atlasPath = DeliveryFiles.CopyDemoAtlas();
        var dir = Path.GetDirectoryName(atlasPath)!;
        var atlas = AtlasData.Load(atlasPath);
        var s = atlas.Manifest.FindSupplier("jugendamt")!;
        var file = Path.Combine(TestPaths.NewTempDirectory(), "jugendamt_2026.xlsx");
        DeliveryFiles.WriteXlsx(file, DeliveryFiles.Header(atlas.Manifest, s), DeliveryFiles.Rows(atlas, s, 2025, 2026));
        var result = IntakeCheck.Check(atlas, file);
        Assert.IsFalse(result.HasBlocking);
        var before = DeliveryFiles.Snapshot(dir);
        DeliveryFiles.WriteXlsx(file, DeliveryFiles.Header(atlas.Manifest, s), DeliveryFiles.Rows(atlas, s, 2025, 2026, factor: 10));

        var ex = Assert.ThrowsExactly<DeliveryChangedException>(() => DeliveryStore.Accept(result, new DeliveryAcceptOptions { AcceptedAt = First }));

        StringAssert.StartsWith(ex.Message, $"Die Lieferung '{file}' wurde nach der Eingangsprüfung verändert (SHA-256 bei der Prüfung {result.SourceSha256[..12]}…", StringComparison.Ordinal);
        StringAssert.EndsWith(ex.Message, "nichts wurde angenommen. Bitte die Datei erneut prüfen und annehmen.", StringComparison.Ordinal);
        Assert.AreEqual(DeliveryLog.Sha256Of(file), ex.CurrentSha256);
        CollectionAssert.AreEqual(before.ToList(), DeliveryFiles.Snapshot(dir).ToList(), "nothing was written to the atlas");

        File.Delete(file);
        var gone = Assert.ThrowsExactly<DeliveryChangedException>(() => DeliveryStore.Accept(result));
        Assert.IsNull(gone.CurrentSha256);
        StringAssert.Contains(gone.Message, "ist seit der Eingangsprüfung verschwunden", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Load_ChangedVintage_IsRejected()
    {
        var atlasPath = DeliveryFiles.CopyDemoAtlas();
        var e1 = Deliver(atlasPath, "jobcenter", 1.02, First);
        File.AppendAllText(Path.Combine(Path.GetDirectoryName(atlasPath)!, e1.File), "05570004-01;2026;1\r\n");

        var ex = Assert.ThrowsExactly<AtlasValidationException>(() => AtlasData.Load(atlasPath));

        StringAssert.Contains(ex.Message, "was changed after it was accepted", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Accept_VintageFile_InTableDialectWithSuppressedTokens()
    {
        var atlasPath = DeliveryFiles.CopyDemoAtlas();
        var atlas = AtlasData.Load(atlasPath);
        var s = atlas.Manifest.FindSupplier("jugendamt")!;
        var rows = DeliveryFiles.Rows(atlas, s, 2025, 2026);
        rows[0][3] = "<3";
        rows[1][4] = null;
        var file = Path.Combine(TestPaths.NewTempDirectory(), "j.xlsx");
        DeliveryFiles.WriteXlsx(file, DeliveryFiles.Header(atlas.Manifest, s), rows);

        var entry = DeliveryStore.Accept(IntakeCheck.Check(atlas, file), new DeliveryAcceptOptions { AcceptedAt = First });

        var vintage = Path.Combine(atlas.Manifest.BaseDirectory, entry.File);
        CollectionAssert.AreEqual(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(vintage)[..3], "UTF-8 with byte-order mark, like the base table");
        var lines = File.ReadAllLines(vintage);
        Assert.AreEqual("sozialraum;jahr;hze_faelle;kita_u3", lines[0]);
        Assert.AreEqual($"05570004-01;2026;<3;{Convert.ToDouble(rows[0][4], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)}", lines[1]);
        Assert.AreEqual($"{rows[1][0]};2026;{Convert.ToDouble(rows[1][3], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)};", lines[2]);
        Assert.HasCount(55, lines);
        var reloaded = AtlasData.Load(atlasPath);
        Assert.IsTrue(reloaded.GetTableData("sozialraumdaten").TryGet("hze_faelle", "05570004-01", 2026, out var hidden));
        Assert.AreEqual(CellStatus.SuppressedAtSource, hidden.Status);
        Assert.IsFalse(reloaded.GetTableData("sozialraumdaten").TryGet("kita_u3", (string)rows[1][0]!, 2026, out _), "an empty delivered cell adds nothing");
    }

    [TestMethod]
    public void Accept_AllFourSuppliers_AtlasGainsAPublishedYear()
    {
        var atlasPath = DeliveryFiles.CopyDemoAtlas();
        var at = First;
        foreach (var supplier in new[] { "einwohnermeldeaemter", "jobcenter", "gesundheitsamt", "jugendamt" })
        {
            Deliver(atlasPath, supplier, 1.02, at);
            at = at.AddDays(1);
        }

        var atlas = AtlasData.Load(atlasPath);

        CollectionAssert.AreEqual(Enumerable.Range(2015, 12).ToArray(), atlas.Years.ToArray());
        var ahlen = atlas.GetValues("gemeinden", "sgb2_u15", 2026).Values.Single(v => v.Key == "05570004");
        Assert.IsTrue(ahlen.Value.IsPublished);
        var before = atlas.GetValues("gemeinden", "sgb2_u15", 2025).Values.Single(v => v.Key == "05570004").Value.Value!.Value;
        Assert.AreEqual(before, ahlen.Value.Value!.Value, 0.2, "numerator and denominator both grew by 2 %, so the rate stays");
        Assert.AreEqual("Datenstand 31.12.2026, Lieferung einwohnermeldeaemter 2027-03-02 und Lieferung jobcenter 2027-03-03", atlas.GetProvenance("sgb2_u15", 2026).Text);
    }
}
