namespace GeoPrevention.Rendering.Tests;

[TestClass]
public sealed class ScaleBarMathTests
{
    [TestMethod]
    [DataRow(7300.0, 5000.0)]
    [DataRow(2600.0, 2500.0)]
    [DataRow(2400.0, 2000.0)]
    [DataRow(999.0, 500.0)]
    [DataRow(1000.0, 1000.0)]
    [DataRow(19999.0, 10000.0)]
    [DataRow(0.3, 0.25)]
    [DataRow(123456.0, 100000.0)]
    public void NiceLength_KnownValues_LargestNiceNotLonger(double max, double expected)
    {
        Assert.AreEqual(expected, ScaleBarMath.NiceLength(max), 1e-9);
    }

    [TestMethod]
    public void FormatLength_GermanUnits()
    {
        Assert.AreEqual("500 m", ScaleBarMath.FormatLength(500));
        Assert.AreEqual("1 km", ScaleBarMath.FormatLength(1000));
        Assert.AreEqual("2,5 km", ScaleBarMath.FormatLength(2500));
        Assert.AreEqual("10 km", ScaleBarMath.FormatLength(10000));
    }

    [TestMethod]
    public void NiceLength_NonPositive_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ScaleBarMath.NiceLength(0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ScaleBarMath.NiceLength(double.NaN));
    }

    [TestMethod]
    public void RenderPng_Warendorf_ScaleBarIsNiceLengthTimesScale()
    {
        // The bar spans NiceLength(¼ frame width in metres) · pixels-per-metre; its dark first segment starts 10 pt
        // inside the frame's lower-left corner.
        var spec = TestMaps.WarendorfSpec();
        var image = RgbaImage.Decode(TestMaps.RenderPng(spec, out var result));
        var panel = result.Layout.Panels[0];
        var metres = ScaleBarMath.NiceLength(panel.Frame.Width * 0.25 / panel.PixelsPerMapUnit);
        var barPx = metres * panel.PixelsPerMapUnit;
        var u = spec.Page.PxPerPt;
        var left = panel.Frame.Left + (10 * u);
        var y = (int)(panel.Frame.Bottom - (10 * u) - (2.25 * u)); // middle of the 4.5 pt bar

        Assert.AreEqual(10000, metres, "Kreis Warendorf frame of ~686 px ≈ 48 km → ¼ is ~12 km → 10 km");
        var segment = barPx / 4;
        var darkMid = image[(int)(left + (segment / 2)), y];
        var lightMid = image[(int)(left + (1.5 * segment)), y];
        var outside = image[(int)(left + barPx + 6), y];
        Assert.IsLessThan(100, (int)darkMid.R, "first segment is dark");
        Assert.IsGreaterThan(200, (int)lightMid.R, "second segment is light");
        Assert.IsGreaterThan(200, (int)outside.R, "nothing dark right after the bar's end");
    }
}
