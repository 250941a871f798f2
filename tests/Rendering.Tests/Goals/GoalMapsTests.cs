using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Goals;
using GeoPrevention.Rendering.Goals;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Rendering.Tests.Goals;

[TestClass]
public sealed class GoalMapsTests
{
    private static readonly Lazy<AtlasData> Demo = new(() => AtlasData.Load(TestPaths.Repo("data", "atlas.json")));

    private static AtlasGoal Goal(string id) => Demo.Value.Manifest.Goals.Single(g => g.Id == id);

    [TestMethod]
    public void DistanceToTarget_HigherIsWorse_AboveTargetIsRedAndWithheldIsHatched()
    {
        var goal = Goal("kinderarmut_kreis"); // target 10 %, higher is worse
        var spec = GoalMaps.DistanceToTarget(Demo.Value, goal, 2024);
        var districts = AtlasGoals.EvaluateDistricts(Demo.Value, goal, "sozialraeume", 2024).ToDictionary(d => d.Key);

        var features = spec.Layers.Single().Features;
        Assert.HasCount(54, features);
        foreach (var f in features)
        {
            Assert.AreEqual(districts[f.Key].DistanceToTarget is not null, f.Fill.HasClassColor, f.Key);
            if (districts[f.Key].DistanceToTarget is null)
            {
                Assert.AreEqual(FillKind.Suppressed, f.Fill.Kind, f.Key);
            }
        }

        // Symmetric breaks around 0 (the target): the top class (furthest above the target) is the reddest.
        var breaks = spec.Legend!.Entries.Select(e => e.Lower!.Value).Append(spec.Legend.Entries[^1].Upper!.Value).ToArray();
        Assert.AreEqual(0, breaks[3], 1e-12);
        Assert.AreEqual(-breaks[0], breaks[6], 1e-12);
        var top = spec.Palette![5];
        var bottom = spec.Palette[0];
        Assert.IsTrue(top.R > top.B, $"above the target is red for higher-is-worse, got {top}");
        Assert.IsTrue(bottom.B > bottom.R, $"below the target is blue, got {bottom}");
        Assert.AreEqual(features.Count(f => f.Fill.HasClassColor), spec.Legend.Entries.Sum(e => e.Count!.Value));
    }

    [TestMethod]
    public void DistanceToTarget_HigherIsBetter_BelowTargetIsRed()
    {
        var spec = GoalMaps.DistanceToTarget(Demo.Value, Goal("kita_u3_kreis"), 2024);

        Assert.IsTrue(spec.Palette![0].R > spec.Palette[0].B, "below the Kita target is the worse side");
        Assert.IsTrue(spec.Palette[5].B > spec.Palette[5].R);
    }

    [TestMethod]
    public void Status_GermanCategoricalLegendWithPatternsAndCounts()
    {
        var goal = Goal("kinderarmut_ahlen");
        var spec = GoalMaps.Status(Demo.Value, goal, 2024);
        var districts = AtlasGoals.EvaluateDistricts(Demo.Value, goal, "sozialraeume", 2024);

        CollectionAssert.AreEqual(new[] { "auf Kurs", "gefährdet", "nicht auf Kurs", "unsicher" }, spec.Legend!.Entries.Select(e => e.Label).ToArray());
        Assert.StartsWith("nicht veröffentlichbar", spec.Legend.SuppressedLabel);
        Assert.IsTrue(spec.Style.PatternRedundancy);
        Assert.AreEqual(districts.Count(d => d.Status == GoalStatus.OnTrack), spec.Legend.Entries[0].Count);
        Assert.AreEqual(districts.Count(d => d.Status == GoalStatus.OffTrack), spec.Legend.Entries[2].Count);
        var features = spec.Layers.Single().Features.ToDictionary(f => f.Key);
        foreach (var d in districts.Where(d => d.Status == GoalStatus.NotPublishable))
        {
            Assert.AreEqual(FillKind.Suppressed, features[d.Key].Fill.Kind);
        }

        Assert.HasCount(2, spec.Outlines); // youth-welfare areas and the goal scope (Ahlen)
        var dir = TestPaths.NewTempDirectory();
        MapRenderer.RenderToFile(spec, Path.Combine(dir, "status.png"));
        Assert.IsTrue(File.Exists(Path.Combine(dir, "status.png")));
    }

    [TestMethod]
    public void SmallMultiples_PooledBreaksOnePanelPerYear()
    {
        var spec = GoalMaps.SmallMultiples(Demo.Value, Goal("kinderarmut_kreis"), [2018, 2021, 2024]);

        CollectionAssert.AreEqual(new[] { "2018", "2021", "2024" }, spec.Panels.Select(p => p.Title).ToArray());
        Assert.IsNotNull(spec.Legend);
        Assert.IsFalse(spec.Legend.ShowCounts);
        // Pooled: every published value of every panel falls inside the shared bounds.
        var min = spec.Legend.Entries[0].Lower!.Value;
        var max = spec.Legend.Entries[^1].Upper!.Value;
        foreach (var year in new[] { 2018, 2021, 2024 })
        {
            foreach (var v in Demo.Value.GetValues("sozialraeume", "sgb2_u15", year).Values.Where(v => v.Value.IsPublished))
            {
                Assert.IsTrue(v.Value.Value >= min - 1e-9 && v.Value.Value <= max + 1e-9, $"{year} {v.Key}");
            }
        }

        foreach (var panel in spec.Panels)
        {
            var features = panel.Layers.Single().Features;
            Assert.IsTrue(features.Where(f => !f.Fill.HasClassColor).All(f => f.Fill.Kind is FillKind.Suppressed or FillKind.NoData));
        }

        var dir = TestPaths.NewTempDirectory();
        MapRenderer.RenderToFile(spec, Path.Combine(dir, "jahre.png"), MapFormat.Png);
        File.Copy(Path.Combine(dir, "jahre.png"), Path.Combine(Path.GetTempPath(), "gp-goals-multiples.png"), overwrite: true); // aside: kept for review
        MapRenderer.RenderToFile(GoalMaps.DistanceToTarget(Demo.Value, Goal("kinderarmut_kreis"), 2024), Path.Combine(Path.GetTempPath(), "gp-goals-distance.png"));
    }

    [TestMethod]
    [DataRow(0.0, 1.0)]
    [DataRow(0.7, 1.0)]
    [DataRow(1.1, 2.0)]
    [DataRow(2.2, 2.5)]
    [DataRow(3.4, 5.0)]
    [DataRow(0.031, 0.05)]
    public void NiceStep_RoundsUpToOneTwoTwoHalfFive(double raw, double expected)
    {
        Assert.AreEqual(expected, GoalMaps.NiceStep(raw), 1e-12);
    }
}
