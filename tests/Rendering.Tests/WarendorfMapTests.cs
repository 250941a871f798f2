using NetTopologySuite.Geometries;

namespace GeoPrevention.Rendering.Tests;

[TestClass]
public sealed class WarendorfMapTests
{
    [TestMethod]
    public void RenderPng_WarendorfMunicipalities_MatchesBaseline()
    {
        var spec = TestMaps.WarendorfSpec();

        var png = TestMaps.RenderPng(spec, out _);

        BaselineAssert.MatchesBaseline(png, "warendorf_gemeinden");
    }

    [TestMethod]
    public void RenderPng_WarendorfMunicipalities_KnownDistrictsHaveTheirClassColour()
    {
        // arrange
        var spec = TestMaps.WarendorfSpec();
        var palette = spec.Palette!;

        // act
        var png = TestMaps.RenderPng(spec, out var result);
        var image = RgbaImage.Decode(png);

        // assert: sample points well inside each municipality (300 m inner buffer); labels, borders and outlines
        // cover a few of them, so at least 80 % must show the class colour exactly (±3 per channel).
        Assert.AreEqual(13, result.FeaturesDrawn);
        var random = new Random(13);
        foreach (var (ags, expectedClass) in new[] { ("05570004", 3), ("05570052", 1), ("05570028", 2), ("05570024", 0), ("05570008", 2), ("05570044", 0) })
        {
            Assert.AreEqual(expectedClass, TestMaps.ClassOf(TestMaps.WarendorfValues[ags], TestMaps.WarendorfBreaks), ags);
            var geometry = TestMaps.WarendorfMunicipalities.Single(m => m.Ags == ags).Geometry.Buffer(-300);
            var expected = palette[expectedClass];
            var points = RandomPointsInside(geometry, 60, random);
            var hits = points.Count(p => RgbaImage.Distance(image.At(result.Layout.MapToPixel(p.X, p.Y)), expected) <= 3 * Math.Sqrt(3));
            Assert.IsGreaterThanOrEqualTo(48, hits, $"{ags}: only {hits} of 60 sampled pixels show the class {expectedClass} colour {expected}.");
        }
    }

    [TestMethod]
    public void RenderPng_WarendorfMunicipalities_LegendAreaHasText()
    {
        var spec = TestMaps.WarendorfSpec();

        var png = TestMaps.RenderPng(spec, out var result);
        var image = RgbaImage.Decode(png);

        var legend = result.Layout.LegendFrame!.Value;
        var dark = 0;
        var textLeft = (int)(legend.Left + (26 * spec.Page.PxPerPt)); // right of the swatches: only text
        for (var y = (int)legend.Top; y < (int)legend.Bottom; y++)
        {
            for (var x = textLeft; x < (int)legend.Right; x++)
            {
                var c = image[x, y];
                if (c.R < 128 && c.G < 128 && c.B < 128)
                {
                    dark++;
                }
            }
        }

        // Title, unit line, 4 class labels with counts and the 2 special entries: about 1 500 dark text pixels at 96 dpi
        // (measured 1 690 when written); without text there would be none.
        Assert.IsGreaterThan(1000, dark, $"Only {dark} dark pixels in the legend box {legend}: text is missing.");
    }

    [TestMethod]
    public void RenderPng_SuppressedDistrict_IsHatchedAndNeverInAClassColour()
    {
        // arrange: Beelen (05570012) is suppressed in the test spec
        var spec = TestMaps.WarendorfSpec() with { ShowLabels = false };
        var palette = spec.Palette!;
        var beelen = TestMaps.WarendorfMunicipalities.Single(m => m.Ags == "05570012").Geometry.Buffer(-200);

        // act
        var png = TestMaps.RenderPng(spec, out var result);
        var image = RgbaImage.Decode(png);

        // assert: every pixel whose centre lies inside Beelen
        int total = 0, hatch = 0, classColoured = 0;
        var frame = result.Layout.Panels[0];
        var env = beelen.EnvelopeInternal;
        var p0 = frame.MapToPixel(env.MinX, env.MaxY);
        var p1 = frame.MapToPixel(env.MaxX, env.MinY);
        var locator = new NetTopologySuite.Algorithm.Locate.IndexedPointInAreaLocator(beelen);
        for (var y = (int)p0.Y; y <= (int)p1.Y; y++)
        {
            for (var x = (int)p0.X; x <= (int)p1.X; x++)
            {
                var c = frame.PixelToMap(x + 0.5, y + 0.5);
                if (locator.Locate(c) != Location.Interior)
                {
                    continue;
                }

                total++;
                var px = image[x, y];
                if (palette.Colors.Any(k => RgbaImage.Distance(px, k) <= 10))
                {
                    classColoured++;
                }

                if (px.R < 140 && px.G < 140 && px.B < 140)
                {
                    hatch++;
                }
            }
        }

        Assert.IsGreaterThan(500, total, "Beelen should cover many pixels.");
        Assert.AreEqual(0, classColoured, $"{classColoured} of {total} pixels inside the suppressed district are in a class colour.");
        Assert.IsGreaterThan(total / 20, hatch, $"Only {hatch} of {total} pixels are hatch lines.");
    }

    private static List<Coordinate> RandomPointsInside(Geometry g, int n, Random random)
    {
        var env = g.EnvelopeInternal;
        var locator = new NetTopologySuite.Algorithm.Locate.IndexedPointInAreaLocator(g);
        var list = new List<Coordinate>();
        while (list.Count < n)
        {
            var c = new Coordinate(env.MinX + (random.NextDouble() * env.Width), env.MinY + (random.NextDouble() * env.Height));
            if (locator.Locate(c) == Location.Interior)
            {
                list.Add(c);
            }
        }

        return list;
    }
}
