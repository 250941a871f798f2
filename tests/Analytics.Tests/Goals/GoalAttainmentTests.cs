using GeoPrevention.Analytics.Goals;

namespace GeoPrevention.Analytics.Tests.Goals;

/// <summary>Hand-computed attainment cases. Goal: 20 % in 2018 → 10 % in 2028 (path: −1 point per year).</summary>
[TestClass]
public sealed class GoalAttainmentTests
{
    private static readonly GoalDefinition Decrease = new(2018, 20.0, 10.0, 2028);

    [TestMethod]
    public void Evaluate_AheadOfPath_IsOnTrack()
    {
        // 2023: path expects 20 − 5 = 15; value 14 is better. Progress (20 − 14) / 10 = 0.6.
        var r = GoalAttainment.Evaluate(Decrease, new GoalObservation(2023, 14.0, 13.0, 15.0));

        Assert.AreEqual(GoalStatus.OnTrack, r.Status);
        Assert.AreEqual(15.0, r.Expected, 1e-12);
        Assert.AreEqual(0.6, r.Progress!.Value, 1e-12);
        Assert.AreEqual(0.5, r.ExpectedProgress, 1e-12);
        Assert.IsFalse(r.TargetReached);
    }

    [TestMethod]
    public void Evaluate_ProgressBehindPath_IsAtRisk()
    {
        // Path 15, baseline 20; value 17.5 with a tight interval: progress 0.25 < 0.5.
        var r = GoalAttainment.Evaluate(Decrease, new GoalObservation(2023, 17.5, 17.0, 18.0));

        Assert.AreEqual(GoalStatus.AtRisk, r.Status);
        Assert.AreEqual(0.25, r.Progress!.Value, 1e-12);
    }

    [TestMethod]
    public void Evaluate_WorseThanBaseline_IsOffTrack()
    {
        var r = GoalAttainment.Evaluate(Decrease, new GoalObservation(2023, 21.0, 20.5, 21.5));

        Assert.AreEqual(GoalStatus.OffTrack, r.Status);
        Assert.AreEqual(-0.1, r.Progress!.Value, 1e-12);
    }

    [TestMethod]
    public void Evaluate_WideInterval_IsUncertain()
    {
        // A small area: 17.5 with [12, 24] covers both the path (15) and the baseline (20).
        var r = GoalAttainment.Evaluate(Decrease, new GoalObservation(2023, 17.5, 12.0, 24.0));

        Assert.AreEqual(GoalStatus.Uncertain, r.Status);
    }

    [TestMethod]
    public void Evaluate_Suppressed_IsNotPublishableWithoutNumbers()
    {
        var r = GoalAttainment.Evaluate(Decrease, new GoalObservation(2023, null));

        Assert.AreEqual(GoalStatus.NotPublishable, r.Status);
        Assert.IsNull(r.Value);
        Assert.IsNull(r.Progress);
    }

    [TestMethod]
    public void Evaluate_TargetReached_IsOnTrackAndReached()
    {
        var r = GoalAttainment.Evaluate(Decrease, new GoalObservation(2021, 9.5));

        Assert.AreEqual(GoalStatus.OnTrack, r.Status);
        Assert.IsTrue(r.TargetReached);
        Assert.AreEqual(1.05, r.Progress!.Value, 1e-12);
    }

    [TestMethod]
    public void Evaluate_AfterDeadlineNotReached_IsOffTrack()
    {
        var r = GoalAttainment.Evaluate(Decrease, new GoalObservation(2029, 10.5, 10.4, 10.6));

        Assert.AreEqual(GoalStatus.OffTrack, r.Status);
    }

    [TestMethod]
    public void Evaluate_IncreasingGoal_IsMirrored()
    {
        // Kita quota 30 % (2018) → 45 % (2028): path in 2023 is 37.5.
        var increase = new GoalDefinition(2018, 30.0, 45.0, 2028);

        Assert.AreEqual(GoalStatus.OnTrack, GoalAttainment.Evaluate(increase, new GoalObservation(2023, 38.0, 37.0, 39.0)).Status);
        Assert.AreEqual(GoalStatus.AtRisk, GoalAttainment.Evaluate(increase, new GoalObservation(2023, 33.0, 32.0, 34.0)).Status);
        Assert.AreEqual(GoalStatus.OffTrack, GoalAttainment.Evaluate(increase, new GoalObservation(2023, 29.0, 28.0, 30.0)).Status);
        Assert.AreEqual(GoalStatus.Uncertain, GoalAttainment.Evaluate(increase, new GoalObservation(2023, 33.0, 25.0, 40.0)).Status);
        Assert.AreEqual(0.2, GoalAttainment.Evaluate(increase, new GoalObservation(2023, 33.0)).Progress!.Value, 1e-12);
    }

    [TestMethod]
    public void Evaluate_InvalidGoal_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => GoalAttainment.Evaluate(new GoalDefinition(2020, 10, 5, 2020), new GoalObservation(2021, 8)));
        Assert.ThrowsExactly<ArgumentException>(() => GoalAttainment.Evaluate(new GoalDefinition(2020, 10, 10, 2025), new GoalObservation(2021, 8)));
    }

    [TestMethod]
    public void Trend_HandComputedSlopeAndStandardError()
    {
        // y = 20, 19, 18.5, 17, 16.5 for 2019..2023: t̄ = 2021, ȳ = 18.2,
        // Sxy = (−2)(1.8) + (−1)(0.8) + 0 + (1)(−1.2) + (2)(−1.7) = −9.0, Sxx = 10 → slope −0.9.
        // Fitted: 20, 19.1, 18.2, 17.3, 16.4 → residuals 0, −0.1, 0.3, −0.3, 0.1 → RSS 0.2; SE = √(0.2/3/10).
        var series = new[] { 20.0, 19.0, 18.5, 17.0, 16.5 }.Select((v, i) => new GoalObservation(2019 + i, v));

        var trend = GoalAttainment.Trend(series, 2023)!;

        Assert.AreEqual(-0.9, trend.Slope, 1e-12);
        Assert.AreEqual(Math.Sqrt(0.2 / 3 / 10), trend.StandardError, 1e-12);
        Assert.AreEqual(-3.5, trend.Change, 1e-12);
        Assert.IsTrue(trend.IsSignificant);
    }

    [TestMethod]
    public void Trend_NoisySeries_IsNotSignificant()
    {
        var series = new[] { 18.0, 21.0, 17.0, 20.5, 17.5 }.Select((v, i) => new GoalObservation(2019 + i, v));

        var trend = GoalAttainment.Trend(series, 2023)!;

        Assert.IsFalse(trend.IsSignificant, $"slope {trend.Slope}, se {trend.StandardError}");
    }

    [TestMethod]
    public void Trend_SkipsSuppressedYearsAndNeedsTwoPoints()
    {
        var series = new[] { new GoalObservation(2022, null), new GoalObservation(2023, 5.0) };

        Assert.IsNull(GoalAttainment.Trend(series, 2023));
    }
}
