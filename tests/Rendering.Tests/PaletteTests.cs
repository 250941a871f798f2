namespace GeoPrevention.Rendering.Tests;

[TestClass]
public sealed class PaletteTests
{
    [TestMethod]
    public void Sequential_EverySchemeAndClassCount_LightnessFallsStrictly()
    {
        // Greyscale legibility: each darker class must be darker in CIE L*.
        foreach (var scheme in Palette.SequentialSchemes)
        {
            for (var k = 3; k <= 9; k++)
            {
                var p = Palette.Sequential(scheme, k);
                Assert.AreEqual(k, p.Count);
                for (var i = 1; i < k; i++)
                {
                    Assert.IsLessThan(p[i - 1].Lightness, p[i].Lightness, $"{scheme} k={k}: class {i} ({p[i]}) is not darker than class {i - 1} ({p[i - 1]}).");
                }
            }
        }
    }

    [TestMethod]
    public void Sequential_YlOrRd5_IsThePublishedColorBrewerScheme()
    {
        // colorbrewer2.org, YlOrRd, 5 classes.
        var p = Palette.Sequential("ylorrd", 5);

        CollectionAssert.AreEqual(new[] { "#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026" }, p.Colors.Select(c => c.ToHex()).ToArray());
        Assert.AreEqual("YlOrRd", p.Name);
    }

    [TestMethod]
    public void Viridis_LightnessRisesAndEndsAtPublishedColours()
    {
        var p = Palette.Viridis(7);

        Assert.AreEqual("#440154", p[0].ToHex());
        Assert.AreEqual("#fde725", p[6].ToHex());
        for (var i = 1; i < p.Count; i++)
        {
            Assert.IsGreaterThan(p[i - 1].Lightness, p[i].Lightness);
        }
    }

    [TestMethod]
    public void Diverging_EveryScheme_LightnessRisesTowardsTheCentreOnBothWings()
    {
        foreach (var scheme in Palette.DivergingSchemes)
        {
            for (var k = 3; k <= 11; k++)
            {
                var p = Palette.Diverging(scheme, k);
                var half = k / 2;
                for (var i = 1; i < half; i++)
                {
                    Assert.IsGreaterThan(p[i - 1].Lightness, p[i].Lightness, $"{scheme} k={k} low wing at {i}");
                    Assert.IsLessThan(p[k - i - 1].Lightness, p[k - i].Lightness, $"{scheme} k={k} high wing at {k - 1 - i}");
                }
            }
        }
    }

    [TestMethod]
    public void DivergingAround_ReferenceOnABreak_SplitsWingsEvenly()
    {
        // Breaks 0, 5, 10, 15, 20 around 10: two classes each side → RdBu with 4 colours (worked example in the docs).
        var p = Palette.DivergingAround("RdBu", [0, 5, 10, 15, 20], 10);

        CollectionAssert.AreEqual(new[] { "#ca0020", "#f4a582", "#92c5de", "#0571b0" }, p.Colors.Select(c => c.ToHex()).ToArray());
    }

    [TestMethod]
    public void DivergingAround_ReferenceInsideAClassAndUnevenWings_NeutralMiddleAndSymmetricStrength()
    {
        // Breaks 0, 4, 8, 12, 16 around 5: class 0 below, class 1 (4–8) straddles, classes 2 and 3 above.
        // n = 2·max(1, 2) + 1 = 5 → RdBu5 = ca0020 f4a582 f7f7f7 92c5de 0571b0; below takes f4a582 (next to the centre).
        var p = Palette.DivergingAround("RdBu", [0, 4, 8, 12, 16], 5);

        CollectionAssert.AreEqual(new[] { "#f4a582", "#f7f7f7", "#92c5de", "#0571b0" }, p.Colors.Select(c => c.ToHex()).ToArray());
    }

    [TestMethod]
    public void DivergingAround_TooManyClassesOnOneSide_Throws()
    {
        double[] breaks = [0, 1, 2, 3, 4, 5, 6, 7];

        var ex = Assert.ThrowsExactly<ArgumentException>(() => Palette.DivergingAround("RdBu", breaks, -1));

        StringAssert.Contains(ex.Message, "14 colours", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Sequential_UnknownSchemeOrCount_ThrowsWithKnownNames()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => Palette.Sequential("Rainbow", 5));
        StringAssert.Contains(ex.Message, "YlOrRd", StringComparison.Ordinal);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Palette.Sequential("Blues", 10));
    }

    [TestMethod]
    public void Default_FiveClasses_IsYlOrRd()
    {
        Assert.AreEqual("YlOrRd", Palette.Default(5).Name);
        Assert.AreEqual(2, Palette.Default(2).Count);
        Assert.AreEqual(12, Palette.Default(12).Count);
    }

    [TestMethod]
    public void Lightness_KnownColours_MatchCieValues()
    {
        // L* of white is 100, of black 0, of sRGB mid grey #777777 about 50.0 (CIE 1976).
        Assert.AreEqual(100, MapColor.White.Lightness, 1e-6);
        Assert.AreEqual(0, MapColor.Black.Lightness, 1e-6);
        Assert.AreEqual(50.0, MapColor.FromHex("#777777").Lightness, 0.1);
    }

    [TestMethod]
    public void LisaClusterStyle_HasConventionalColoursInClassOrder()
    {
        Assert.AreEqual("#ff0000", LisaClusterStyle.Palette[LisaClusterStyle.HighHigh].ToHex());
        Assert.AreEqual("#0000ff", LisaClusterStyle.Palette[LisaClusterStyle.LowLow].ToHex());
        Assert.AreEqual("#eeeeee", LisaClusterStyle.Palette[LisaClusterStyle.NotSignificant].ToHex());
        Assert.AreEqual("nicht signifikant", LisaClusterStyle.Legend().Entries[LisaClusterStyle.NotSignificant].Label);
    }
}
