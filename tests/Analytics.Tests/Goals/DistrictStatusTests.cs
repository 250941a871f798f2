using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Goals;

namespace GeoPrevention.Analytics.Tests.Goals;

/// <summary>
/// Known answers for the per-district goal rules (hand-computed from the rules documented on
/// <see cref="AtlasGoals.DistrictStatus"/> and in docs/goals.md); the web atlas and the report's goal maps both use them.
/// </summary>
[TestClass]
public sealed class DistrictStatusTests
{
    // Child poverty: from the baseline in 2018 down to 10 % by 2030. Expected path in 2024 for a district starting
    // at 20 %: E = 20 + (2024 − 2018) / (2030 − 2018) · (10 − 20) = 15.
    private static readonly AtlasGoal Poverty = Goal(10, 2030);

    // Kita: from the baseline in 2018 up to 45 % by 2028. Path in 2023 from 30 %: E = 30 + 5/10 · 15 = 37.5.
    private static readonly AtlasGoal Kita = Goal(45, 2028);

    [TestMethod]
    [DataRow(12.0, null, null, null, 2024, GoalStatus.OffTrack, DisplayName = "baseline withheld: above the target")]
    [DataRow(9.5, null, null, null, 2024, GoalStatus.OnTrack, DisplayName = "baseline withheld: at or below the target")]
    [DataRow(11.0, null, 9.0, 13.0, 2024, GoalStatus.Uncertain, DisplayName = "baseline withheld: interval reaches the target")]
    [DataRow(9.0, 8.0, null, null, 2024, GoalStatus.OnTrack, DisplayName = "met at baseline, still met")]
    [DataRow(12.0, 8.0, 11.0, 13.0, 2024, GoalStatus.OffTrack, DisplayName = "met at baseline, now clearly above")]
    [DataRow(11.0, 8.0, 9.5, 12.5, 2024, GoalStatus.Uncertain, DisplayName = "met at baseline, interval reaches the target")]
    [DataRow(14.0, 20.0, null, null, 2024, GoalStatus.OnTrack, DisplayName = "path: below the path (15)")]
    [DataRow(17.0, 20.0, null, null, 2024, GoalStatus.AtRisk, DisplayName = "path: progress, behind the path")]
    [DataRow(21.0, 20.0, null, null, 2024, GoalStatus.OffTrack, DisplayName = "path: worse than the baseline")]
    [DataRow(16.0, 20.0, 14.0, 21.0, 2024, GoalStatus.Uncertain, DisplayName = "path: interval spans path and baseline")]
    [DataRow(12.0, 20.0, null, null, 2031, GoalStatus.OffTrack, DisplayName = "path: deadline passed, target missed")]
    [DataRow(9.0, 20.0, null, null, 2031, GoalStatus.OnTrack, DisplayName = "path: deadline passed, target reached")]
    public void DistrictStatus_DecreasingGoal_FollowsTheRules(double value, double? baseline, double? lo, double? hi, int year, GoalStatus expected)
    {
        Assert.AreEqual(expected, AtlasGoals.DistrictStatus(Poverty, decreasing: true, baseline, value, lo, hi, year));
    }

    [TestMethod]
    [DataRow(38.0, GoalStatus.OnTrack)]
    [DataRow(33.0, GoalStatus.AtRisk)]
    [DataRow(29.0, GoalStatus.OffTrack)]
    public void DistrictStatus_IncreasingGoal_MirrorsTheRules(double value, GoalStatus expected)
    {
        Assert.AreEqual(expected, AtlasGoals.DistrictStatus(Kita, decreasing: false, baseline: 30, value, null, null, 2023));
    }

    [TestMethod]
    public void DistrictStatus_NaNValue_NotPublishable()
    {
        Assert.AreEqual(GoalStatus.NotPublishable, AtlasGoals.DistrictStatus(Poverty, decreasing: true, 20, double.NaN, null, null, 2024));
    }

    private static AtlasGoal Goal(double target, int deadline) => new()
    {
        Id = "g",
        Label = "g",
        Indicator = "i",
        Scope = new AtlasScope { Layer = "kreis", Keys = ["05570"] },
        BaselineYear = 2018,
        Target = target,
        Deadline = deadline,
    };
}
