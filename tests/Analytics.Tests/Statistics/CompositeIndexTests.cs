using GeoPrevention.Analytics.Indicators;
using GeoPrevention.Analytics.Statistics;

namespace GeoPrevention.Analytics.Tests.Statistics;

/// <summary>z-standardisation, composite index and the Berlin MSS classes.</summary>
[TestClass]
public sealed class CompositeIndexTests
{
    [TestMethod]
    public void ZScores_PolarityFlipsSign()
    {
        // mean 2, sample SD 1.
        CollectionAssert.AreEqual(new[] { -1.0, 0, 1 }, CompositeIndex.ZScores([1, 2, 3]));
        CollectionAssert.AreEqual(new[] { 1.0, 0, -1 }, CompositeIndex.ZScores([1, 2, 3], Polarity.HigherIsBetter));
        Assert.IsTrue(double.IsNaN(CompositeIndex.ZScores([1, double.NaN, 2, 3])[1]));
    }

    [TestMethod]
    public void Compute_WeightedMeanOfZ_WithMinimumPopulation()
    {
        // Unit 3 (population 120) is excluded before standardising, so its extreme values do not count.
        var a = new IndexComponent([1, 2, 3, 1000], Polarity.HigherIsWorse, 2);
        var b = new IndexComponent([30, 20, 10, 0], Polarity.HigherIsBetter, 1);

        var r = CompositeIndex.Compute([a, b], new CompositeIndexOptions { Population = [500, 800, 700, 120], MinimumPopulation = 300 });

        // z_a = −1, 0, 1; z_b (flipped) = −1, 0, 1 → index = (2·z_a + z_b)/3 = −1, 0, 1.
        Assert.AreEqual(-1, r.Index[0], 1e-15);
        Assert.AreEqual(0, r.Index[1], 1e-15);
        Assert.AreEqual(1, r.Index[2], 1e-15);
        Assert.IsTrue(double.IsNaN(r.Index[3]));
        Assert.IsFalse(r.Included[3]);
        Assert.AreEqual("1 of 4 units have fewer than 300 inhabitants and get no index.", r.Warnings.Single());
    }

    [TestMethod]
    public void Compute_NoSpread_Throws()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => CompositeIndex.Compute([new IndexComponent([5, 5, 5])], new CompositeIndexOptions()));
        StringAssert.Contains(ex.Message, "all 3 included values are equal", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Mss_OneIndicator_StatusDynamicAndCombinedClasses()
    {
        // Units 0–9: x = 1..10 (mean 5.5, sd √(82.5/9) = 3.0277): z = ±1.486 (1, 10), ±1.156 (2, 9), ±0.826 …
        // Unit 10 has 50 inhabitants (excluded) and an extreme value that must not count.
        double[] current = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1000];
        double[] change = [0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0];
        var previous = current.Select((v, i) => v - change[i]).ToArray();
        double[] population = [.. Enumerable.Repeat(1000.0, 10), 50];

        var r = MssIndex.Compute([current], [previous], population, new MssOptions());

        Assert.AreEqual((1 - 5.5) / Math.Sqrt(82.5 / 9), r.StatusIndex[0], 1e-12);
        Assert.AreEqual(MssStatus.High, r.Status[0]);
        Assert.AreEqual(MssStatus.High, r.Status[1]);
        Assert.AreEqual(MssStatus.Medium, r.Status[2]);
        Assert.AreEqual(MssStatus.Low, r.Status[8]);
        Assert.AreEqual(MssStatus.Low, r.Status[9]);

        // Changes: mean 0.5, sd √(22.5/9) = 1.581: 0 → −0.316 (stable), 5 → 2.846 (negative).
        Assert.AreEqual(MssDynamic.Stable, r.Dynamic[0]);
        Assert.AreEqual(MssDynamic.Negative, r.Dynamic[9]);
        Assert.AreEqual(2, r.Combined[0]);
        Assert.AreEqual("1±", MssResult.Label(r.Combined[0]));
        Assert.AreEqual(9, r.Combined[9]);
        Assert.AreEqual("3−", MssResult.Label(r.Combined[9]));
        Assert.AreEqual(MssStatus.Excluded, r.Status[10]);
        Assert.AreEqual(0, r.Combined[10]);
        Assert.AreEqual(".", MssResult.Label(0));
        Assert.AreEqual("4−", MssResult.Label(12));
    }

    [TestMethod]
    public void Mss_VeryLowStatusAndPositiveDynamic()
    {
        // 20 units: 19 at 0 … and one far above → z of the outlier = (20−1)/√20 ≈ 4.25 > 1.5 → very low status.
        var current = new double[20];
        current[19] = 10;
        var previous = (double[])current.Clone();
        previous[19] = 20; // improved by 10 → dynamic z ≈ −4.25 → positive.
        var population = Enumerable.Repeat(500.0, 20).ToArray();

        var r = MssIndex.Compute([current], [previous], population, new MssOptions());

        Assert.AreEqual(MssStatus.VeryLow, r.Status[19]);
        Assert.AreEqual(MssDynamic.Positive, r.Dynamic[19]);
        Assert.AreEqual(10, r.Combined[19]);
        Assert.AreEqual("4+", MssResult.Label(10));
        Assert.AreEqual(MssStatus.Medium, r.Status[0]);
    }

    [TestMethod]
    public void Mss_ShapeMismatch_Throws()
        => Assert.ThrowsExactly<ArgumentException>(() => MssIndex.Compute([[1.0, 2]], [[1.0, 2], [3.0, 4]], [500.0, 500], new MssOptions()));
}
