using System.Text;
using System.Text.RegularExpressions;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Rendering.Tests;

[TestClass]
public sealed partial class MapRendererDocumentTests
{
    [TestMethod]
    public void RenderPdfDocument_ThreeMaps_WritesThreePagesOfTheirSizes()
    {
        var small = PageSize.FromPixels(300, 200, 72);
        var large = PageSize.FromPixels(600, 400, 72);
        var specs = new[] { TestMaps.WarendorfSpec(small), TestMaps.WarendorfSpec(large) with { Title = "Zweite Seite" }, TestMaps.WarendorfSpec(small) };
        var path = Path.Combine(TestPaths.NewTempDirectory(), "atlas.pdf");

        var results = MapRenderer.RenderPdfDocumentToFile(specs, path, "Atlas");

        Assert.HasCount(3, results);
        Assert.IsTrue(results.All(r => r.FeaturesDrawn == 13), "the 13 municipalities on every page");
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        Assert.StartsWith("%PDF-", text);
        Assert.AreEqual(3, PageRegex().Count(text));
        // At 72 dpi a page is as many points as pixels: 300 × 200 and 600 × 400.
        var boxes = MediaBoxRegex().Matches(text).Select(m => (double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        CollectionAssert.AreEquivalent(new[] { (300.0, 200.0), (600.0, 400.0), (300.0, 200.0) }, boxes);
    }

    [TestMethod]
    public void RenderPdfDocument_SameMaps_IsDeterministic()
    {
        var specs = new[] { TestMaps.WarendorfSpec(PageSize.FromPixels(300, 200, 72)), TestMaps.WarendorfSpec(PageSize.FromPixels(300, 200, 72)) };
        using var a = new MemoryStream();
        using var b = new MemoryStream();

        MapRenderer.RenderPdfDocument(specs, a);
        MapRenderer.RenderPdfDocument(specs, b);

        CollectionAssert.AreEqual(a.ToArray(), b.ToArray());
    }

    [TestMethod]
    public void RenderPdfDocument_NoMaps_Throws()
    {
        using var stream = new MemoryStream();

        Assert.ThrowsExactly<ArgumentException>(() => MapRenderer.RenderPdfDocument([], stream));
    }

    [TestMethod]
    public void RenderPdfDocumentToFile_InvalidSpec_LeavesNoFile()
    {
        var dir = TestPaths.NewTempDirectory();
        var empty = TestMaps.WarendorfSpec() with { Layers = [new MapLayer { Features = [] }] };

        Assert.Throws<ArgumentException>(() => MapRenderer.RenderPdfDocumentToFile([TestMaps.WarendorfSpec(), empty], Path.Combine(dir, "atlas.pdf")));

        Assert.IsEmpty(Directory.GetFiles(dir));
    }

    [GeneratedRegex(@"/Type /Page\b")]
    private static partial Regex PageRegex();

    [GeneratedRegex(@"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]")]
    private static partial Regex MediaBoxRegex();
}
