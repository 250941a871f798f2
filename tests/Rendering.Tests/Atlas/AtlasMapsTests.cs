using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Rendering;
using GeoPrevention.Rendering.Atlas;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Rendering.Tests.Atlas;

[TestClass]
public sealed class AtlasMapsTests
{
    private static readonly Lazy<AtlasData> Demo = new(() => AtlasData.Load(TestPaths.Repo("data", "atlas.json")));

    [TestMethod]
    public void Build_WithheldValues_AreHatchedNeverClassColoured()
    {
        var spec = AtlasMaps.Build(Demo.Value, new AtlasMapRequest { Indicator = "sgb2_u15", Year = 2023 });
        var values = Demo.Value.GetValues("sozialraeume", "sgb2_u15", 2023).Values.ToDictionary(v => v.Key);

        var features = spec.Layers.Single().Features;
        Assert.HasCount(54, features);
        foreach (var f in features)
        {
            Assert.AreEqual(values[f.Key].Value.IsPublished, f.Fill.HasClassColor, f.Key);
        }

        Assert.IsTrue(features.Any(f => f.Fill.Kind == FillKind.Suppressed), "the demo has withheld Sozialräume");
        StringAssert.StartsWith(spec.Source, "DEMO", StringComparison.Ordinal);
        Assert.HasCount(1, spec.Outlines);
    }

    [TestMethod]
    public void Build_AreaPreset_KeepsOnlyDistrictsOfTheArea()
    {
        var spec = AtlasMaps.Build(Demo.Value, new AtlasMapRequest { Indicator = "sgb2_u15", Year = 2023, Area = "ahlen" });

        var keys = spec.Layers.Single().Features.Select(f => f.Key).ToList();
        Assert.HasCount(9, keys);
        Assert.IsTrue(keys.All(k => k.StartsWith("05570004-", StringComparison.Ordinal)));
        StringAssert.Contains(spec.Title, "Ahlen", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Build_RendersPngWithLegend()
    {
        var spec = AtlasMaps.Build(Demo.Value, new AtlasMapRequest { Indicator = "kita_u3", Year = 2024, Layer = "gemeinden" });
        var dir = TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "kita.png");

        MapRenderer.RenderToFile(spec, path);

        var bytes = File.ReadAllBytes(path);
        CollectionAssert.AreEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes.Take(4).ToArray());
        Assert.AreEqual(5, spec.Legend!.Entries.Count);
        Assert.AreEqual(13, spec.Legend.Entries.Sum(e => e.Count ?? 0));
    }

    [TestMethod]
    public void Build_UnknownIndicatorOrArea_Throws()
    {
        Assert.ThrowsExactly<KeyNotFoundException>(() => AtlasMaps.Build(Demo.Value, new AtlasMapRequest { Indicator = "nope", Year = 2023 }));
        Assert.ThrowsExactly<KeyNotFoundException>(() => AtlasMaps.Build(Demo.Value, new AtlasMapRequest { Indicator = "sgb2_u15", Year = 2023, Area = "münster" }));
        Assert.ThrowsExactly<KeyNotFoundException>(() => AtlasMaps.Build(Demo.Value, new AtlasMapRequest { Indicator = "sgb2_u15", Year = 1999 }));
    }
}
