using NetTopologySuite.Geometries;

namespace GeoPrevention.Rendering.Tests;

[TestClass]
public sealed class StyleTests
{
    [TestMethod]
    public void RenderPng_SmallMultiples_SharedScaleAndLegend_MatchesBaseline()
    {
        // Four "years" of the Warendorf map with shifted values; one legend, one extent, panel titles.
        var baseSpec = TestMaps.WarendorfSpec();
        var panels = new List<MapSpec>();
        for (var year = 2020; year <= 2023; year++)
        {
            var shift = year - 2022;
            var features = baseSpec.Layers[0].Features
                .Select(f => f.Fill.Kind == FillKind.Class ? f with { Fill = FillState.Class(Math.Clamp(f.Fill.ClassIndex + shift, 0, 3)), Label = null } : f with { Label = null })
                .ToList();
            panels.Add(new MapSpec { Layers = [new MapLayer { Features = features }], Title = year.ToString(System.Globalization.CultureInfo.InvariantCulture), Outlines = baseSpec.Outlines });
        }

        var spec = new SmallMultiplesSpec
        {
            Panels = panels,
            Palette = baseSpec.Palette,
            Legend = baseSpec.Legend! with { SpecialEntries = SpecialEntries.Always },
            Title = "Kinderarmut 2020–2023 (Testwerte)",
            Subtitle = "gleiche Klassengrenzen für alle Jahre",
            Source = baseSpec.Source,
            DataDate = "jeweils 31.12.",
            Page = PageSize.FromPixels(1000, 800, 96),
        };

        using var ms = new MemoryStream();
        var result = MapRenderer.Render(spec, ms, MapFormat.Png);

        Assert.HasCount(4, result.Layout.Panels);
        Assert.AreEqual(1, result.Layout.Panels.Select(p => p.PixelsPerMapUnit).Distinct().Count(), "one scale for all panels");
        Assert.AreEqual(1, result.Layout.Panels.Select(p => (p.Extent.Width, p.Extent.Height)).Distinct().Count(), "one extent size");
        Assert.AreEqual(52, result.FeaturesDrawn);
        BaselineAssert.MatchesBaseline(ms.ToArray(), "small_multiples");
    }

    [TestMethod]
    public void RenderPng_LisaClusterMap_UsesConventionalColours()
    {
        // Hand-assigned cluster types for the Warendorf municipalities (not a computed LISA).
        var types = new Dictionary<string, int>
        {
            ["05570004"] = LisaClusterStyle.HighHigh,
            ["05570008"] = LisaClusterStyle.HighHigh,
            ["05570032"] = LisaClusterStyle.LowLow,
            ["05570044"] = LisaClusterStyle.LowLow,
            ["05570028"] = LisaClusterStyle.HighLow,
            ["05570024"] = LisaClusterStyle.LowHigh,
        };
        var features = TestMaps.WarendorfMunicipalities
            .Select(m => new MapFeature { Key = m.Ags, Geometry = m.Geometry, Fill = FillState.Class(types.GetValueOrDefault(m.Ags, LisaClusterStyle.NotSignificant)), Label = m.Name })
            .ToList();
        var counts = Enumerable.Range(0, 5).Select(c => features.Count(f => f.Fill.ClassIndex == c)).ToList();
        var spec = new MapSpec
        {
            Layers = [new MapLayer { Features = features, BorderColor = MapColor.FromHex("#9e9e9e") }],
            Palette = LisaClusterStyle.Palette,
            Legend = LisaClusterStyle.Legend(counts),
            Title = "LISA-Clusterkarte (Testwerte)",
            Page = PageSize.FromPixels(900, 700, 96),
        };

        var png = TestMaps.RenderPng(spec, out var result);
        var image = RgbaImage.Decode(png);

        var ahlen = TestMaps.WarendorfMunicipalities.Single(m => m.Ags == "05570004").Geometry;
        var p = ahlen.Buffer(-2000).InteriorPoint.Coordinate;
        var sample = new Coordinate(p.X + 1500, p.Y + 1500);
        Assert.AreEqual(MapColor.FromHex("#ff0000"), image.At(result.Layout.MapToPixel(sample.X, sample.Y)));
        CollectionAssert.AreEqual(new[] { 2, 2, 1, 1, 7 }, counts);
        BaselineAssert.MatchesBaseline(png, "lisa_clusters");
    }

    [TestMethod]
    public void RenderPng_PatternRedundancy_DarkerClassesGetDenserLines()
    {
        // Three equal squares in classes 0, 1, 2 of the Greys scheme; with pattern redundancy the share of pattern
        // pixels (differing from the class colour by more than 20 levels; black lines on light, white lines on dark
        // classes) rises with the class (spacing 12 pt / i), class 0 has none.
        var palette = Palette.Sequential("Greys", 3);
        MapFeature Square(int i) => new()
        {
            Key = "c" + i,
            Geometry = TestMaps.Read(FormattableString.Invariant($"POLYGON (({i * 110} 0, {(i * 110) + 100} 0, {(i * 110) + 100} 100, {i * 110} 100, {i * 110} 0))")),
            Fill = FillState.Class(i),
        };
        var spec = new MapSpec
        {
            Layers = [new MapLayer { Features = [Square(0), Square(1), Square(2)], DrawBorders = false }],
            Palette = palette,
            ShowScaleBar = false,
            ShowNorthArrow = false,
            Page = PageSize.FromPixels(700, 260, 96),
            Style = MapStyle.Default with { PatternRedundancy = true },
        };

        var png = TestMaps.RenderPng(spec, out var result);
        File.WriteAllBytes(TestMaps.GeneratedPath("pattern_redundancy.png"), png);
        var image = RgbaImage.Decode(png);

        var shares = new double[3];
        for (var i = 0; i < 3; i++)
        {
            var a = result.Layout.MapToPixel((i * 110) + 10, 90);
            var b = result.Layout.MapToPixel((i * 110) + 90, 10);
            int total = 0, darker = 0;
            for (var y = (int)a.Y; y < (int)b.Y; y++)
            {
                for (var x = (int)a.X; x < (int)b.X; x++)
                {
                    total++;
                    if (Math.Abs(image[x, y].R - palette[i].R) > 20)
                    {
                        darker++;
                    }
                }
            }

            shares[i] = darker / (double)total;
        }

        Assert.AreEqual(0, shares[0], 1e-9);
        Assert.IsGreaterThan(0.05, shares[1]);
        Assert.IsTrue(shares[2] > shares[1] * 1.5, string.Join(" ", shares));
    }
}
