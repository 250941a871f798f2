using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Rendering.Tests;

/// <summary>
/// Reference-image check: saves the rendered PNG under TestResults/Generated for review, then compares it with
/// Baselines/&lt;name&gt;.png. A missing baseline makes the test inconclusive. Baselines are created deliberately
/// (copy a reviewed generated image) and never regenerated to make a failing test pass.
/// </summary>
internal static class BaselineAssert
{
    /// <summary>Default tolerance: pixels may differ by antialiasing noise; at most 0.5 % of pixels beyond that.</summary>
    public static TolerantImageComparer Default { get; } = new(perPixelThreshold: 24, maxDifferingShare: 0.005);

    public static void MatchesBaseline(byte[] png, string name, TolerantImageComparer? comparer = null)
    {
        // aside: keep the artefact for review
        var generated = TestMaps.GeneratedPath(name + ".png");
        File.WriteAllBytes(generated, png);

        var baseline = TestPaths.Repo("tests", "Rendering.Tests", "Baselines", name + ".png");
        if (!File.Exists(baseline))
        {
            Assert.Inconclusive($"No baseline '{baseline}'. Review '{generated}' and, if it is right, copy it there.");
        }

        var report = (comparer ?? Default).Compare(RgbaImage.Load(baseline), RgbaImage.Decode(png));
        Assert.IsTrue(report.Passed, $"'{name}' differs from its baseline: {report}. Generated image: {generated}");
    }
}
