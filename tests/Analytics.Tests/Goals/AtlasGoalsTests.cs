using GeoPrevention.Analytics.Goals;
using GeoPrevention.Analytics.Privacy;

namespace GeoPrevention.Analytics.Tests.Goals;

/// <summary>
/// Goal evaluation on the tiny atlas of <see cref="GoalAtlasFixture"/>: baseline 2020 = 20 %, target 10 % by 2030, so
/// the linear path expects 15 % in 2025 (half-way). Expected values are computed by hand in the comments; the 95 %
/// intervals are Wilson score intervals recomputed here from the formula (Wilson 1927; R prop.test(correct = FALSE)).
/// </summary>
[TestClass]
public sealed class AtlasGoalsTests
{
    private const double Tol = 1e-9;

    private static (double Lo, double Hi) Wilson(double x, double n)
    {
        const double z = 1.959963984540054;
        var centre = (x + (z * z / 2)) / (n + (z * z));
        var half = z / (n + (z * z)) * Math.Sqrt((x * (n - x) / n) + (z * z / 4));
        return ((centre - half) * 100, (centre + half) * 100);
    }

    private static GoalReport One(string goalJson) => AtlasGoals.Evaluate(GoalAtlasFixture.Load("[" + goalJson + "]")).Single();

    [TestMethod]
    public void Evaluate_ValueBelowPath_OnTrackWithHandComputedProgress()
    {
        // A: 200/1000 = 20 % → 140/1000 = 14 %; path 15 % ≥ 14 % → on track; progress (20 − 14) / (20 − 10) = 0.6.
        var e = One(GoalAtlasFixture.Goal("a", "sr", "\"A\"", 10)).For(2025)!;

        Assert.AreEqual(GoalStatus.OnTrack, e.Status);
        Assert.AreEqual(14, e.Value!.Value, Tol);
        Assert.AreEqual(15, e.Expected!.Value, Tol);
        Assert.AreEqual(0.6, e.Progress!.Value, Tol);
        Assert.AreEqual(0.5, e.ExpectedProgress!.Value, Tol);
        Assert.AreEqual(-6, e.ChangeSinceBaseline!.Value, Tol);
        var (lo, hi) = Wilson(140, 1000);
        Assert.AreEqual(lo, e.CiLow!.Value, 1e-9);
        Assert.AreEqual(hi, e.CiHigh!.Value, 1e-9);
        Assert.IsFalse(e.TargetReached);
    }

    [TestMethod]
    public void Evaluate_ProgressBehindPath_AtRisk()
    {
        // B: 20 % → 17 %: better than the baseline, worse than the path (15 %); CI upper ≈ 19.45 < 20 → not uncertain.
        var e = One(GoalAtlasFixture.Goal("b", "sr", "\"B\"", 10)).For(2025)!;

        Assert.AreEqual(GoalStatus.AtRisk, e.Status);
        Assert.AreEqual(17, e.Value!.Value, Tol);
        Assert.AreEqual(0.3, e.Progress!.Value, Tol);
        Assert.IsLessThan(20, Wilson(170, 1000).Hi);
    }

    [TestMethod]
    public void Evaluate_WorseThanBaseline_OffTrack()
    {
        // C: 20 % → 21 %: progress (20 − 21) / 10 = −0.1.
        var e = One(GoalAtlasFixture.Goal("c", "sr", "\"C\"", 10)).For(2025)!;

        Assert.AreEqual(GoalStatus.OffTrack, e.Status);
        Assert.AreEqual(-0.1, e.Progress!.Value, Tol);
        Assert.AreEqual(1, e.ChangeSinceBaseline!.Value, Tol);
    }

    [TestMethod]
    public void Evaluate_SmallDenominator_UncertainNotATrend()
    {
        // D: 20/100 → 16/100 = 16 %: the Wilson interval ≈ [10.1; 24.4] reaches the path (15) and the baseline (20).
        var e = One(GoalAtlasFixture.Goal("d", "sr", "\"D\"", 10)).For(2025)!;

        Assert.AreEqual(GoalStatus.Uncertain, e.Status);
        Assert.AreEqual(16, e.Value!.Value, Tol);
        var (lo, hi) = Wilson(16, 100);
        Assert.AreEqual(lo, e.CiLow!.Value, 1e-9);
        Assert.AreEqual(hi, e.CiHigh!.Value, 1e-9);
        Assert.IsTrue(lo <= 15 && hi >= 20);
    }

    [TestMethod]
    public void Evaluate_SuppressedValue_NotPublishableWithoutNumber()
    {
        // E has 2 cases in 2025 (below the threshold 3).
        var report = One(GoalAtlasFixture.Goal("e", "sr", "\"E\"", 10));
        var e = report.For(2025)!;

        Assert.AreEqual(GoalStatus.NotPublishable, e.Status);
        Assert.IsNull(e.Value);
        Assert.IsNull(e.CiLow);
        Assert.IsNull(e.CiHigh);
        Assert.IsNull(e.Progress);
        Assert.IsNull(e.ChangeSinceBaseline);
        Assert.AreEqual(CellStatus.Primary, report.Series.Single(s => s.Year == 2025).Status);
        Assert.IsTrue(report.Notes.Any(n => n.Contains("2025", StringComparison.Ordinal)), string.Join("\n", report.Notes));
        Assert.AreEqual(20, report.BaselineValue!.Value, Tol); // 40/200 in 2020 is published
    }

    [TestMethod]
    public void Evaluate_SeveralKeys_RollsUpPublishedCounts()
    {
        // A + B: (140 + 170) / (1000 + 1000) = 15.5 %; baseline 400/2000 = 20 %; path 15 % → at risk.
        var e = One(GoalAtlasFixture.Goal("ab", "sr", "\"A\", \"B\"", 10)).For(2025)!;

        Assert.AreEqual(15.5, e.Value!.Value, Tol);
        var (lo, hi) = Wilson(310, 2000);
        Assert.AreEqual(lo, e.CiLow!.Value, 1e-9);
        Assert.AreEqual(hi, e.CiHigh!.Value, 1e-9);
        Assert.AreEqual(GoalStatus.AtRisk, e.Status);
        Assert.AreEqual("Bezirk A, Bezirk B", e.ScopeLabel);
    }

    [TestMethod]
    public void Evaluate_SeveralKeysWithSuppressedPart_NotPublishable()
    {
        // A + E: E's 2025 count is suppressed, so the roll-up is withheld in 2025; 2020: (200 + 40) / 1200 = 20 %.
        var report = One(GoalAtlasFixture.Goal("ae", "sr", "\"A\", \"E\"", 10));

        Assert.AreEqual(GoalStatus.NotPublishable, report.For(2025)!.Status);
        Assert.IsNull(report.For(2025)!.Value);
        Assert.AreEqual(20, report.For(2020)!.Value!.Value, Tol);
    }

    [TestMethod]
    public void Evaluate_BaselineFromManifest_UsedForPath()
    {
        // Baseline 18 → path in 2025: 18 + 0.5 · (10 − 18) = 14; value 14 → on track, progress (18 − 14) / 8 = 0.5.
        var report = One(GoalAtlasFixture.Goal("a", "sr", "\"A\"", 10, ", \"baselineValue\": 18"));
        var e = report.For(2025)!;

        Assert.IsFalse(report.BaselineFromData);
        Assert.AreEqual(14, e.Expected!.Value, Tol);
        Assert.AreEqual(0.5, e.Progress!.Value, Tol);
        Assert.AreEqual(GoalStatus.OnTrack, e.Status);
    }

    [TestMethod]
    public void Evaluate_Milestones_CheckedAgainstPublishedValues()
    {
        var report = One(GoalAtlasFixture.Goal("a", "sr", "\"A\"", 10, ", \"milestones\": [ { \"year\": 2028, \"value\": 12 }, { \"year\": 2025, \"value\": 15 } ]"));

        Assert.HasCount(2, report.Milestones);
        Assert.AreEqual(2025, report.Milestones[0].Year);
        Assert.IsTrue(report.Milestones[0].Met);           // 14 ≤ 15
        Assert.AreEqual(14, report.Milestones[0].Observed!.Value, Tol);
        Assert.IsNull(report.Milestones[1].Met);           // 2028 is not in the data
    }

    [TestMethod]
    public void Evaluate_Trend_SlopeOverPublishedYears()
    {
        // A 6-year window 2020–2025 holds two points (20, 14): slope −6 / 5 = −1.2 per year; no standard error, so not
        // significant. The default 5-year window (2021–2025) holds one point: no trend.
        var atlas = GoalAtlasFixture.Load("[" + GoalAtlasFixture.Goal("a", "sr", "\"A\"", 10) + "]");
        var trend = AtlasGoals.Evaluate(atlas, new AtlasGoalOptions { TrendYears = 6 })[0].For(2025)!.Trend;

        Assert.IsNull(AtlasGoals.Evaluate(atlas)[0].For(2025)!.Trend);

        Assert.IsNotNull(trend);
        Assert.AreEqual(-1.2, trend.Slope, Tol);
        Assert.AreEqual(2, trend.Points);
        Assert.IsFalse(trend.IsSignificant);
    }

    [TestMethod]
    public void EvaluateDistricts_OwnBaselines_DistanceAndStatus()
    {
        var atlas = GoalAtlasFixture.Load("[" + GoalAtlasFixture.Goal("k", "kreis", "\"K\"", 10) + "]");

        var d = AtlasGoals.EvaluateDistricts(atlas, atlas.Manifest.Goals[0], "sr", 2025).ToDictionary(x => x.Key);

        Assert.AreEqual(GoalStatus.OnTrack, d["A"].Status);
        Assert.AreEqual(4, d["A"].DistanceToTarget!.Value, Tol);    // 14 − 10
        Assert.AreEqual(GoalStatus.AtRisk, d["B"].Status);
        Assert.AreEqual(7, d["B"].DistanceToTarget!.Value, Tol);
        Assert.AreEqual(GoalStatus.OffTrack, d["C"].Status);
        Assert.AreEqual(GoalStatus.Uncertain, d["D"].Status);
        Assert.AreEqual(GoalStatus.NotPublishable, d["E"].Status);
        Assert.IsNull(d["E"].DistanceToTarget);
        Assert.IsNull(d["E"].Value);
        Assert.AreEqual(20, d["A"].Baseline!.Value, Tol);
    }

    [TestMethod]
    public void Evaluate_UnknownGoalId_Throws()
    {
        var atlas = GoalAtlasFixture.Load("[" + GoalAtlasFixture.Goal("a", "sr", "\"A\"", 10) + "]");

        var ex = Assert.ThrowsExactly<KeyNotFoundException>(() => AtlasGoals.Evaluate(atlas, new AtlasGoalOptions { GoalIds = ["nope"] }));

        Assert.Contains("nope", ex.Message);
    }
}
