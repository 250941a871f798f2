using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Collection;
using GeoPrevention.MapHost.Cli;

namespace GeoPrevention.MapHost.Tests.Cli;

/// <summary>
/// Issue 11, "the reports show, per indicator, the data date and the vintage used": on a copy of the demo atlas with one
/// accepted Jugendamt delivery for 2026, the report's provenance table and <c>validate</c> name the delivery for 2026
/// and the base table for the earlier years.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ProvenanceOutputTests
{
    private static readonly DateTimeOffset Accepted = new(2027, 3, 2, 10, 15, 0, TimeSpan.Zero);

    /// <summary>Accepts the Jugendamt's columns for 2026 (<see cref="IntakeCommandTests.JugendamtCsv"/>); returns the atlas path.</summary>
    private static string AtlasWithJugendamtDelivery()
    {
        var atlasPath = CliRunner.CopyDemoAtlas();
        var result = IntakeCheck.Check(AtlasData.Load(atlasPath), IntakeCommandTests.JugendamtCsv(atlasPath));
        Assert.IsFalse(result.HasBlocking, string.Join("\n", result.Findings));
        DeliveryStore.Accept(result, new DeliveryAcceptOptions { AcceptedAt = Accepted, DeliveredBy = "Testlauf" });
        return atlasPath;
    }

    [TestMethod]
    public void BuildProvenance_DeliveredYear_NamesDeliveryAndBaseYearsNameBaseTable()
    {
        var atlas = AtlasData.Load(AtlasWithJugendamtDelivery());

        var (header, rows) = ReportTables.BuildProvenance(atlas);

        CollectionAssert.AreEqual(new[] { "indikator", "bezeichnung", "tabelle", "jahr", "datenstand", "herkunft", "staende", "text" }, header.ToArray());
        Assert.HasCount(atlas.Manifest.Indicators.Count * 12, rows, "every indicator × the years 2015–2026");
        var hze2026 = rows.Single(r => (string)r[0]! == "hze" && (int)r[3]! == 2026);
        CollectionAssert.AreEqual(
            new object?[] { "hze", atlas.Manifest.FindIndicator("hze")!.Label, "sozialraumdaten", 2026, "31.12.2026", "Lieferung jugendamt 2027-03-02", "jugendamt_20270302T101500Z", "Datenstand 31.12.2026, Lieferung jugendamt 2027-03-02" },
            hze2026);
        var hze2025 = rows.Single(r => (string)r[0]! == "hze" && (int)r[3]! == 2025);
        Assert.AreEqual("Datenstand 31.12.2025, Grundtabelle sozialraeume_2015_2025.csv", hze2025[7]);
        Assert.AreEqual("sozialraeume_2015_2025.csv", hze2025[6]);
    }

    [TestMethod]
    public void Validate_AtlasWithDelivery_ListsBaseTableAndDeliveryAsVintages()
    {
        var atlasPath = AtlasWithJugendamtDelivery();

        var (exit, stdout, stderr) = CliRunner.Run("validate", atlasPath);

        Assert.AreEqual(ExitCodes.Ok, exit, stdout + stderr);
        Assert.Contains("Vintages of table sozialraumdaten: 2", stdout);
        Assert.Contains("  sozialraeume_2015_2025.csv: base table indicators/sozialraeume_2015_2025.csv", stdout);
        Assert.Contains("  jugendamt_20270302T101500Z: delivery of jugendamt, accepted 2027-03-02T10:15:00Z, delivered by Testlauf (deliveries/sozialraumdaten/2026/jugendamt_20270302T101500Z.csv)", stdout);

        var (_, json, _) = CliRunner.Run("validate", atlasPath, "--json");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var vintages = doc.RootElement.GetProperty("vintages").EnumerateArray().ToList();
        CollectionAssert.AreEqual(
            new[] { "sozialraeume_2015_2025.csv", "jugendamt_20270302T101500Z" },
            vintages.Where(v => v.GetProperty("table").GetString() == "sozialraumdaten").Select(v => v.GetProperty("id").GetString()).ToArray());
        Assert.AreEqual("Lieferung jugendamt 2027-03-02", vintages[1].GetProperty("label").GetString());
    }
}
