using System.Text.Json;
using GeoPrevention.MapHost.Cli;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.MapHost.Tests.Cli;

[TestClass]
public sealed class JoinCommandTests
{
    private static JoinCommand.Settings Settings(bool ags, bool json = false) => new()
    {
        Layer = TestPaths.RealData("bkg-vg250-gem-topojson", "kreis_warendorf_gem_vg250_wgs84.geojson"),
        Table = TestPaths.RealData("zensus2022-gemeinden-bevoelkerung", "kreis_warendorf_1000A-0000_flat.csv"),
        LayerKey = "AGS",
        TableKey = "1_variable_attribute_code",
        Ags = ags,
        Json = json,
    };

    [TestMethod]
    public void Run_KreisWarendorfWithAgsNormalization_MatchesAll13()
    {
        var (text, clean) = JoinCommand.Run(Settings(ags: true, json: true));
        Assert.IsTrue(clean);
        using var doc = JsonDocument.Parse(text);
        Assert.AreEqual(13, doc.RootElement.GetProperty("matchedLayerCount").GetInt32());
        Assert.AreEqual(1.0, doc.RootElement.GetProperty("layerCoverage").GetDouble());
    }

    [TestMethod]
    public void Run_ArsAgainstAgsWithoutNormalization_ListsKeysAndNearMatches()
    {
        var (text, clean) = JoinCommand.Run(Settings(ags: false));
        Assert.IsFalse(clean);
        StringAssert.Contains(text, "Tabellenschlüssel ohne Gebiet: 13", StringComparison.Ordinal);
        StringAssert.Contains(text, "055700004004 (Zeile 4) ≈ 05570004 (KeyNormalization)", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Execute_StrictMismatch_ReturnsFindingsExitCode()
        => Assert.AreEqual(ExitCodes.Findings, new JoinCommand().Execute(null!, new JoinCommand.Settings
        {
            Layer = TestPaths.RealData("bkg-vg250-gem-topojson", "kreis_warendorf_gem_vg250_wgs84.geojson"),
            Table = TestPaths.RealData("zensus2022-gemeinden-bevoelkerung", "kreis_warendorf_1000A-0000_flat.csv"),
            LayerKey = "AGS",
            TableKey = "1_variable_attribute_code",
            Strict = true,
        }, CancellationToken.None));
}
