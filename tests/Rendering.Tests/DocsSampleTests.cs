using GeoPrevention.Analytics.Classification;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Rendering.Tests;

/// <summary>Runs the script example of docs/rendering.md ("A map from a script") so the docs cannot rot.</summary>
[TestClass]
public sealed class DocsSampleTests
{
    [TestMethod]
    public void ScriptExample_WarendorfPdf_IsWritten()
    {
        // arrange: the inputs the example assumes
        double[] breaks = TestMaps.WarendorfBreaks;
        var districts = TestMaps.WarendorfMunicipalities
            .Select(m => (m.Ags, m.Name, m.Geometry, Class: m.Ags == "05570012" ? (int?)null : TestMaps.ClassOf(TestMaps.WarendorfValues[m.Ags], breaks)))
            .ToList();
        int[] counts = [.. Enumerable.Range(0, breaks.Length - 1).Select(c => districts.Count(d => d.Class == c))];
        var dir = TestPaths.NewTempDirectory();

        // act: the example, verbatim
        var features = districts.Select(d => new MapFeature { Key = d.Ags, Geometry = d.Geometry, Label = d.Name, Fill = d.Class is int c ? FillState.Class(c) : FillState.NoData }).ToList();
        var spec = new MapSpec
        {
            Layers = [new MapLayer { Features = features }],
            Title = "Kinderarmut 2023",
            Source = "Bundesagentur für Arbeit",
            DataDate = "31.12.2023",
            Legend = LegendSpec.FromBreaks(breaks, counts, IntervalClosure.RightClosed, decimals: 1, unit: "je 100 Kinder unter 15 Jahren")
        };
        var result = MapRenderer.RenderToFile(spec, Path.Combine(dir, "kinderarmut_2023.pdf"));

        // assert
        Assert.IsTrue(File.Exists(Path.Combine(dir, "kinderarmut_2023.pdf")));
        Assert.AreEqual(13, result.FeaturesDrawn);
        Assert.AreEqual(12, counts.Sum());
    }
}
