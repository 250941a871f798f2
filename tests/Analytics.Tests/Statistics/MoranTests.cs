using GeoPrevention.Analytics.Statistics;

namespace GeoPrevention.Analytics.Tests.Statistics;

/// <summary>Hand-computed Moran's I, islands and bad input.</summary>
[TestClass]
public sealed class MoranTests
{
    [TestMethod]
    public void Global_Path4_HandComputed()
    {
        // Path 0-1-2-3, binary, x = 1..4: z = −1.5, −0.5, 0.5, 1.5; Σz² = 5;
        // Σᵢ zᵢ Σⱼ wᵢⱼ zⱼ = 2·(0.75 − 0.25 + 0.75) = 2.5; S0 = 6 → I = 4/6 · 2.5/5 = 1/3; E = −1/3.
        var w = SpatialWeights.FromNeighbours([[1], [0, 2], [1, 3], [2]], WeightsStyle.Binary);

        var m = Moran.Global([1, 2, 3, 4], w);

        Assert.AreEqual(1.0 / 3, m.I, 1e-15);
        Assert.AreEqual(-1.0 / 3, m.Expectation, 1e-15);

        // Normality: n=4, S0=6, S1=12, S2=40 → (16·12 − 4·40 + 3·36)/(36·15) − 1/9 = 140/540 − 1/9.
        Assert.AreEqual((140.0 / 540) - (1.0 / 9), m.VarianceNormality, 1e-15);
    }

    [TestMethod]
    public void Global_Island_ZeroPolicyAdjustN()
    {
        // Path 0-1-2-3 plus island 4; x = 1..5: mean 3 over all five units, z = −2, −1, 0, 1, 2, Σz² = 10;
        // cross = 2·(2 + 0 + 0) = 4; n = 5 − 1 island = 4, S0 = 6 → I = 4/6 · 4/10 = 4/15, E = −1/3.
        var w = SpatialWeights.FromNeighbours([[1], [0, 2], [1, 3], [2], []], WeightsStyle.Binary);

        var m = Moran.Global([1, 2, 3, 4, 5], w);

        Assert.AreEqual(4.0 / 15, m.I, 1e-15);
        Assert.AreEqual(-1.0 / 3, m.Expectation, 1e-15);
        Assert.AreEqual(4, m.N);
        Assert.AreEqual(1, m.IslandCount);
        StringAssert.StartsWith(m.Warnings.Single(), "1 of 5 units have no neighbours", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Local_Island_IsolatedWithNaN()
    {
        var w = SpatialWeights.FromNeighbours([[1], [0, 2], [1, 3], [2], []]);

        var l = Moran.Local([1, 2, 3, 4, 5], w);

        Assert.AreEqual(LisaQuadrant.Isolated, l.Quadrant[4]);
        Assert.AreEqual(0, l.Ii[4]);
        Assert.IsTrue(double.IsNaN(l.Z[4]));
        Assert.IsFalse(l.IsSignificant(4));
        Assert.AreEqual(LisaQuadrant.LowLow, l.Quadrant[0]);
        Assert.HasCount(1, l.Warnings);
    }

    [TestMethod]
    public void Local_HandComputed_IiAndQuadrants()
    {
        // Path, row-standardised, x = 1..4: m2 = 5/4; unit 0: I₀ = z₀/m2 · z₁ = (−1.5/1.25)·(−0.5) = 0.6.
        var w = SpatialWeights.FromNeighbours([[1], [0, 2], [1, 3], [2]]);

        var l = Moran.Local([1, 2, 3, 4], w);

        Assert.AreEqual(0.6, l.Ii[0], 1e-15);

        // E₀ = −z₀²W₀/((n−1)m2) = −2.25/(3·1.25) = −0.6.
        Assert.AreEqual(-0.6, l.Expectation[0], 1e-15);

        // Unit 1: z = −0.5, lag = (−1.5 + 0.5)/2 = −0.5 ≤ 0 → Low-Low; unit 2 → High-High.
        CollectionAssert.AreEqual(new[] { LisaQuadrant.LowLow, LisaQuadrant.LowLow, LisaQuadrant.HighHigh, LisaQuadrant.HighHigh }, l.Quadrant.ToArray());
    }

    [TestMethod]
    public void Global_NaN_ThrowsNamingUnit()
    {
        var w = SpatialWeights.FromNeighbours([[1], [0, 2], [1, 3], [2]]);

        var ex = Assert.ThrowsExactly<ArgumentException>(() => Moran.Global([1, 2, double.NaN, 4], w));
        StringAssert.Contains(ex.Message, "unit 2", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Global_ConstantOrMismatchedOrNoLinks_Throws()
    {
        var w = SpatialWeights.FromNeighbours([[1], [0, 2], [1, 3], [2]]);

        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Moran.Global([2, 2, 2, 2], w)).Message, "All 4 values are equal", StringComparison.Ordinal);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Moran.Global([1, 2, 3], w)).Message, "3 values given for 4 spatial units", StringComparison.Ordinal);
        var none = SpatialWeights.FromNeighbours([[], [], [], [], []]);
        Assert.ThrowsExactly<ArgumentException>(() => Moran.Global([1, 2, 3, 4, 5], none));
    }

    [TestMethod]
    public void MultipleTesting_BenjaminiHochberg_MatchesPAdjust()
    {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.2), "BH") = 0.04 0.0533… 0.0533… 0.2
        var q = MultipleTesting.BenjaminiHochberg([0.01, 0.04, 0.03, 0.2]);

        Assert.AreEqual(0.04, q[0], 1e-15);
        Assert.AreEqual(0.04 * 4 / 3, q[1], 1e-15);
        Assert.AreEqual(0.04 * 4 / 3, q[2], 1e-15);
        Assert.AreEqual(0.2, q[3], 1e-15);
    }

    [TestMethod]
    public void Normal_TailProbabilities_KnownValues()
    {
        // R: pnorm(1.959963984540054, lower.tail = FALSE) = 0.025; 2*pnorm(-6.27449305269277) = 3.50775292897666e-10.
        Assert.AreEqual(0.025, Normal.UpperTail(1.959963984540054), 1e-15);
        Assert.AreEqual(3.50775292897666e-10, Normal.TwoSidedP(6.27449305269277), 1e-20);
        Assert.AreEqual(0.5, Normal.UpperTail(0), 1e-16);
        Assert.AreEqual(1.0, Normal.TwoSidedP(0), 1e-16);
    }
}

/// <summary>The flat pair permutation kernel against the plain row form, on symmetric and asymmetric weights.</summary>
[TestClass]
public sealed class MoranPermutationKernelTests
{
    [TestMethod]
    public void PermutationKernel_KNearestAndQueen_EqualsRowForm()
    {
        var rng = new Random(20261128);
        var n = 300;
        var x = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 100).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 100).ToArray();
        var z = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var mean = BenchRates.Rates.Average();
        var zBench = BenchRates.Rates.Select(v => v - mean).ToArray();

        foreach (var w in new[]
        {
            SpatialWeights.KNearest(x, y, 5),
            SpatialWeights.KNearest(x, y, 3, WeightsStyle.Binary),
            SpatialWeights.FromNeighbours(BenchNeighbours.Queen).WithStyle(WeightsStyle.Binary),
            SpatialWeights.FromNeighbours(BenchNeighbours.Queen),
        })
        {
            var zz = w.Count == n ? z : zBench;
            var expected = Moran.CrossProduct(zz, w);
            var kernel = new Moran.PermutationKernel(w);
            var relabelled = kernel.Order.Select(o => zz[o]).ToArray();

            var actual = kernel.CrossProduct(relabelled);

            CollectionAssert.AreEquivalent(Enumerable.Range(0, w.Count).ToArray(), kernel.Order, "the relabelling is a permutation");
            Assert.AreEqual(expected, actual, 1e-12 * Math.Max(1, Math.Abs(expected)), w.IsSymmetric ? "symmetric" : "asymmetric");
        }
    }
}
