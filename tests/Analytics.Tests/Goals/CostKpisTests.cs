using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Goals;

namespace GeoPrevention.Analytics.Tests.Goals;

/// <summary>
/// Cost KPIs on the <see cref="GoalAtlasFixture"/> atlas: 5,000 inhabitants per Sozialraum (G1 = 4 Sozialräume =
/// 20,000; Kreis = 30,000); cases = numerator of "q" in 2025: G1 140 + 170 + 210 + 16 = 536, Kreis 536 + 2 + 30 = 568.
/// </summary>
[TestClass]
public sealed class CostKpisTests
{
    private static AtlasData Atlas() => GoalAtlasFixture.Load("[]", GoalAtlasFixture.CostsJson);

    [TestMethod]
    public void Compute_Gemeinde_PerCapitaAndPerCaseFromPublishedCounts()
    {
        var kpi = CostKpis.Load(Atlas()).Compute(new AtlasScope { Layer = "gem", Keys = ["G1"] }, 2025).Single();

        Assert.AreEqual(360000, kpi.Amount!.Value, 1e-6);
        Assert.AreEqual(18, kpi.PerCapita!.Value, 1e-9);          // 360,000 / 20,000
        Assert.AreEqual(360000.0 / 536, kpi.PerCase!.Value, 1e-9);
        Assert.AreEqual("Quote", kpi.CasesLabel);
        Assert.IsEmpty(kpi.Notes);
    }

    [TestMethod]
    public void Compute_Kreis_SumsTheGemeinden()
    {
        var kpi = CostKpis.Load(Atlas()).Compute(new AtlasScope { Layer = "kreis", Keys = ["K"] }, 2025).Single();

        Assert.AreEqual(400000, kpi.Amount!.Value, 1e-6);
        Assert.AreEqual(400000.0 / 30000, kpi.PerCapita!.Value, 1e-9);
        Assert.AreEqual(400000.0 / 568, kpi.PerCase!.Value, 1e-9);
    }

    [TestMethod]
    public void Compute_MissingPartOrFinerScope_NoAmountAndANote()
    {
        var costs = CostKpis.Load(Atlas());

        var kreis2020 = costs.Compute(new AtlasScope { Layer = "kreis", Keys = ["K"] }, 2020).Single(); // G2 has no 2020 row
        var sozialraum = costs.Compute(new AtlasScope { Layer = "sr", Keys = ["A"] }, 2025).Single();

        Assert.IsNull(kreis2020.Amount);
        Assert.IsNull(kreis2020.PerCapita);
        Assert.HasCount(1, kreis2020.Notes);
        Assert.IsNull(sozialraum.Amount);
        Assert.Contains("Gemeinden", sozialraum.Notes.Single());
    }

    [TestMethod]
    public void Compute_GemeindeWithSuppressedParts_UsesItsOwnPublishedTotal()
    {
        // G2's case count in 2025 is 2 + 30 = 32: E (2) is suppressed and F with it, but the G2 total is published,
        // so per case = 40,000 / 32 = 1,250 and per capita = 40,000 / 10,000 = 4.
        var kpi = CostKpis.Load(Atlas()).Compute(new AtlasScope { Layer = "gem", Keys = ["G2"] }, 2025).Single();

        Assert.AreEqual(1250, kpi.PerCase!.Value, 1e-9);
        Assert.AreEqual(4, kpi.PerCapita!.Value, 1e-9);
    }

    [TestMethod]
    public void Load_UnknownIndicator_ThrowsWithJsonPath()
    {
        var atlas = GoalAtlasFixture.Load("[]", GoalAtlasFixture.CostsJson.Replace("\"casesIndicator\": \"q\"", "\"casesIndicator\": \"nope\"", StringComparison.Ordinal));

        var ex = Assert.ThrowsExactly<AtlasValidationException>(() => CostKpis.Load(atlas));

        Assert.AreEqual("$.costs[0].casesIndicator", ex.Issues.Single().JsonPath);
    }

    [TestMethod]
    public void Load_UnknownRelatedIndicator_ThrowsWithJsonPath()
    {
        var atlas = GoalAtlasFixture.Load("[]", GoalAtlasFixture.CostsJson.Replace("\"casesIndicator\": \"q\"", "\"casesIndicator\": \"q\", \"indicators\": [\"q\", \"nope\"]", StringComparison.Ordinal));

        var ex = Assert.ThrowsExactly<AtlasValidationException>(() => CostKpis.Load(atlas));

        Assert.AreEqual("$.costs[0].indicators[1]", ex.Issues.Single().JsonPath);
    }

    [TestMethod]
    public void ComputeFor_GoalOfARelatedIndicator_ShowsTheCosts()
    {
        var atlas = GoalAtlasFixture.Load("[" + GoalAtlasFixture.Goal("g1", "gem", "\"G1\"", 10) + "]", GoalAtlasFixture.CostsJson.Replace("\"casesIndicator\": \"q\"", "\"casesIndicator\": \"q\", \"indicators\": [\"q\"]", StringComparison.Ordinal));

        var kpi = CostKpis.Load(atlas).ComputeFor(atlas.Manifest.Goals[0], 2025).Single();

        Assert.AreEqual(18, kpi.PerCapita!.Value, 1e-9);
    }

    [TestMethod]
    public void Load_NoCosts_IsEmpty()
    {
        var costs = CostKpis.Load(GoalAtlasFixture.Load("[]"));

        Assert.IsTrue(costs.IsEmpty);
        Assert.IsEmpty(costs.Compute(new AtlasScope { Layer = "gem", Keys = ["G1"] }, 2025));
    }
}
