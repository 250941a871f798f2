using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Goals;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Goals;

/// <summary>The goals of the bundled demo atlas (data/atlas.json).</summary>
[TestClass]
public sealed class AtlasGoalsDemoTests
{
    private static readonly Lazy<AtlasData> Demo = new(() => AtlasData.Load(TestPaths.Repo("data", "atlas.json")));

    [TestMethod]
    [DataRow(2024)]
    [DataRow(2025)]
    public void Evaluate_DemoAtlas_HasAllThreeStatusesInYear(int year)
    {
        var statuses = AtlasGoals.Evaluate(Demo.Value).Select(r => r.For(year)!.Status).ToHashSet();

        Assert.Contains(GoalStatus.OnTrack, statuses);
        Assert.Contains(GoalStatus.AtRisk, statuses);
        Assert.Contains(GoalStatus.OffTrack, statuses);
    }

    [TestMethod]
    public void Evaluate_DemoAtlas_ScopeValueIsThePublishedGemeindeRate()
    {
        var report = AtlasGoals.Evaluate(Demo.Value, new AtlasGoalOptions { GoalIds = ["kinderarmut_ahlen"] }).Single();
        var published = Demo.Value.GetValues("gemeinden", "sgb2_u15", 2024).Values.Single(v => v.Key == "05570004");
        var baseline = Demo.Value.GetValues("gemeinden", "sgb2_u15", 2018).Values.Single(v => v.Key == "05570004").Value.Value!.Value;

        var e = report.For(2024)!;

        Assert.AreEqual("Ahlen", report.ScopeLabel);
        Assert.IsTrue(report.BaselineFromData);
        Assert.AreEqual(baseline, report.BaselineValue!.Value, 1e-12);
        Assert.AreEqual(published.Value.Value!.Value, e.Value!.Value, 1e-12);
        Assert.AreEqual(published.CiLow!.Value, e.CiLow!.Value, 1e-12);
        // Linear path: baseline + (2024 − 2018) / (2030 − 2018) · (14 − baseline).
        Assert.AreEqual(baseline + (6.0 / 12 * (14 - baseline)), e.Expected!.Value, 1e-12);
        Assert.AreEqual(e.Value.Value - baseline, e.ChangeSinceBaseline!.Value, 1e-12);
        Assert.HasCount(8, report.Evaluations); // 2018–2025
    }
}
