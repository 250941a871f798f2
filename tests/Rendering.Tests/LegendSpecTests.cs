using GeoPrevention.Analytics.Classification;

namespace GeoPrevention.Rendering.Tests;

[TestClass]
public sealed class LegendSpecTests
{
    [TestMethod]
    public void FromBreaks_RightClosed_WritesVonThenUeber()
    {
        // R classInt fisher breaks for N = 1000 (peers-2026-11-28.md), counts 251, 354, 243, 105, 47.
        double[] breaks = [0, 7.581252138, 13.03153153, 19.20494754, 26.97149871, 37.97468354];

        var legend = LegendSpec.FromBreaks(breaks, [251, 354, 243, 105, 47], IntervalClosure.RightClosed, 1, "je 100 Kinder unter 15 Jahren");

        CollectionAssert.AreEqual(
            new[] { "von 0,0 bis 7,6", "über 7,6 bis 13,0", "über 13,0 bis 19,2", "über 19,2 bis 27,0", "über 27,0 bis 38,0" },
            legend.Entries.Select(e => e.Label).ToArray());
        Assert.AreEqual(354, legend.Entries[1].Count);
        Assert.AreEqual("je 100 Kinder unter 15 Jahren", legend.Unit);
        Assert.AreEqual(7.581252138, legend.Entries[0].Upper);
    }

    [TestMethod]
    public void FromBreaks_LeftClosed_WritesBisUnterAndClosesTheLastClass()
    {
        var legend = LegendSpec.FromBreaks([0, 5, 10, 20], closure: IntervalClosure.LeftClosed, decimals: 0);

        CollectionAssert.AreEqual(new[] { "von 0 bis unter 5", "von 5 bis unter 10", "von 10 bis 20" }, legend.Entries.Select(e => e.Label).ToArray());
        Assert.IsNull(legend.Entries[0].Count);
    }

    [TestMethod]
    public void FormatNumber_GermanCulture_CommaAndThousandsSeparator()
    {
        Assert.AreEqual("12,5", LegendSpec.FormatNumber(12.5, 1));
        Assert.AreEqual("12,50", LegendSpec.FormatNumber(12.5, 2));
        Assert.AreEqual("1.234,6", LegendSpec.FormatNumber(1234.56, 1));
        Assert.AreEqual("0,0", LegendSpec.FormatNumber(-0.04, 1));
        Assert.AreEqual("3", LegendSpec.FormatNumber(2.5, 0), "midpoints round away from zero");
    }

    [TestMethod]
    public void ChooseDecimals_ByRangeThenUntilNeighboursDiffer()
    {
        Assert.AreEqual(0, LegendSpec.ChooseDecimals([0, 150, 300]));
        Assert.AreEqual(1, LegendSpec.ChooseDecimals([0, 7.58, 13.03, 37.97]));
        Assert.AreEqual(2, LegendSpec.ChooseDecimals([0.1, 0.35, 0.8]));
        // 12.51 and 12.54 both print "12,5" with one decimal → two decimals.
        Assert.AreEqual(2, LegendSpec.ChooseDecimals([0, 12.51, 12.54, 30]));
    }

    [TestMethod]
    public void FromBreaks_BadInput_ThrowsWithNumbers()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => LegendSpec.FromBreaks([0, 10, 5]));
        StringAssert.Contains(ex.Message, "break 2 (5)", StringComparison.Ordinal);
        var ex2 = Assert.ThrowsExactly<ArgumentException>(() => LegendSpec.FromBreaks([0, 10, 20], [1, 2, 3]));
        StringAssert.Contains(ex2.Message, "2 classes need 2 counts, got 3", StringComparison.Ordinal);
        Assert.ThrowsExactly<ArgumentException>(() => LegendSpec.FromBreaks([1]));
    }
}

[TestClass]
public sealed class LegendLayoutTests
{
    [TestMethod]
    public void ComputeLayout_SpecialEntries_AlwaysAddsRowsNeverRemovesThem()
    {
        // The Warendorf spec uses suppressed and unreliable (2 special rows when used); Always adds "keine Daten".
        var spec = TestMaps.WarendorfSpec();

        double Height(SpecialEntries mode) => MapRenderer.ComputeLayout(spec with { Legend = spec.Legend! with { SpecialEntries = mode } }).LegendFrame!.Value.Height;

        var whenUsed = Height(SpecialEntries.WhenUsed);
        var always = Height(SpecialEntries.Always);
        var never = Height(SpecialEntries.Never);
        Assert.IsGreaterThan(whenUsed, always);
        Assert.IsLessThan(whenUsed, never);
        // Row pitch is constant: (always − whenUsed) is one row, (whenUsed − never) two rows plus the 4 pt gap.
        var row = always - whenUsed;
        Assert.AreEqual((2 * row) + (4 * spec.Page.PxPerPt), whenUsed - never, 0.01);
    }

    [TestMethod]
    public void PageSize_A4At300Dpi_Is2480By3508Pixels()
    {
        var a4 = PageSize.FromMillimetres(210, 297, 300);

        Assert.AreEqual(2480, a4.WidthPx);
        Assert.AreEqual(3508, a4.HeightPx);
        Assert.AreEqual(300 / 72.0, a4.PxPerPt, 1e-12);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PageSize.FromPixels(30000, 100));
    }
}
