using GeoPrevention.Analytics.Statistics;

namespace GeoPrevention.Analytics.Tests.Statistics;

/// <summary>Hand-computed weights constants, diagnostics, k-nearest neighbours and bad input.</summary>
[TestClass]
public sealed class SpatialWeightsTests
{
    private static readonly int[][] Path3 = [[1], [0, 2], [1]];

    [TestMethod]
    public void Binary_Path_HandComputedConstants()
    {
        var w = SpatialWeights.FromNeighbours(Path3, WeightsStyle.Binary);

        // S0 = 4 links; S1 = ½·4·(1+1)² = 8; S2 = (1+1)² + (2+2)² + (1+1)² = 24.
        Assert.AreEqual(4, w.S0);
        Assert.AreEqual(8, w.S1);
        Assert.AreEqual(24, w.S2);
        Assert.AreEqual(4, w.LinkCount);
        Assert.IsTrue(w.IsSymmetric);
    }

    [TestMethod]
    public void RowStandardised_Path_HandComputedConstants()
    {
        var w = SpatialWeights.FromNeighbours(Path3);

        // w01 = 1, w10 = w12 = ½, w21 = 1: S0 = 3; S1 = ½·4·(1.5)² = 4.5; rows 1, cols ½, 2, ½ → S2 = 1.5² + 3² + 1.5² = 13.5.
        Assert.AreEqual(3, w.S0, 1e-15);
        Assert.AreEqual(4.5, w.S1, 1e-15);
        Assert.AreEqual(13.5, w.S2, 1e-15);
        CollectionAssert.AreEqual(new[] { 0.5, 0.5 }, w.Weights(1).ToArray());
        CollectionAssert.AreEqual(new[] { 2.0, 2, 2 }, w.Lag([1, 2, 3]));
    }

    [TestMethod]
    public void Asymmetric_S1CountsMissingReverseLinks()
    {
        // 0 → 1 only (binary): S0 = 1; S1 = ½[(1+0)² + (0+1)²] = 1; S2 = (1+0)² + (0+1)² = 2.
        var w = SpatialWeights.FromNeighbours([[1], []], WeightsStyle.Binary);

        Assert.AreEqual(1, w.S0);
        Assert.AreEqual(1, w.S1);
        Assert.AreEqual(2, w.S2);
        Assert.IsFalse(w.IsSymmetric);
    }

    [TestMethod]
    public void IslandsAndComponents_Reported()
    {
        // Two pairs and an island: {0,1}, {2,3}, {4}.
        var w = SpatialWeights.FromNeighbours([[1], [0], [3], [2], []]);

        CollectionAssert.AreEqual(new[] { 4 }, w.Islands.ToArray());
        Assert.AreEqual(3, w.ComponentCount);
        CollectionAssert.AreEqual(new[] { 0, 0, 1, 1, 2 }, w.ComponentOf.ToArray());
        Assert.AreEqual(0, w.MinNeighbours);
        Assert.AreEqual(0, w.Lag([1, 1, 1, 1, 7])[4]);
    }

    [TestMethod]
    public void FromNeighbours_DuplicatesAndOrder_Normalised()
    {
        var w = SpatialWeights.FromNeighbours([[2, 1, 2], [0], [0]], WeightsStyle.Binary);

        CollectionAssert.AreEqual(new[] { 1, 2 }, w.Neighbours(0).ToArray());
    }

    [TestMethod]
    public void FromNeighbours_SelfOrOutOfRange_ThrowsNamingUnit()
    {
        var self = Assert.ThrowsExactly<ArgumentException>(() => SpatialWeights.FromNeighbours([[1], [1]]));
        StringAssert.Contains(self.Message, "Unit 1 lists itself", StringComparison.Ordinal);
        var range = Assert.ThrowsExactly<ArgumentException>(() => SpatialWeights.FromNeighbours([[5], [0]]));
        StringAssert.Contains(range.Message, "Unit 0 lists neighbour 5, outside 0..1", StringComparison.Ordinal);
    }

    [TestMethod]
    public void KNearest_RandomPoints_EqualsBruteForce()
    {
        var rng = new Random(20261128);
        var n = 500;
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = Math.Round(rng.NextDouble() * 100, 1);
            y[i] = Math.Round(rng.NextDouble() * 100, 1);
        }

        var w = SpatialWeights.KNearest(x, y, 6);

        for (var i = 0; i < n; i++)
        {
            var expected = Enumerable.Range(0, n).Where(j => j != i)
                .OrderBy(j => ((x[j] - x[i]) * (x[j] - x[i])) + ((y[j] - y[i]) * (y[j] - y[i]))).ThenBy(j => j)
                .Take(6).Order().ToArray();
            CollectionAssert.AreEqual(expected, w.Neighbours(i).ToArray(), $"unit {i}");
        }

        Assert.AreEqual(n, w.S0, 1e-9);
        Assert.AreEqual(6 * n, w.LinkCount);
    }

    [TestMethod]
    public void KNearest_Grid_Binary_NearestFour()
    {
        // 3×3 unit grid; the centre's 4 nearest are its rook neighbours.
        double[] x = [0, 1, 2, 0, 1, 2, 0, 1, 2];
        double[] y = [0, 0, 0, 1, 1, 1, 2, 2, 2];

        var w = SpatialWeights.KNearest(x, y, 4, WeightsStyle.Binary);

        CollectionAssert.AreEqual(new[] { 1, 3, 5, 7 }, w.Neighbours(4).ToArray());
        Assert.IsFalse(w.IsSymmetric);
    }

    [TestMethod]
    public void KNearest_BadInput_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SpatialWeights.KNearest([0.0, 1], [0.0, 1], 2));
        Assert.ThrowsExactly<ArgumentException>(() => SpatialWeights.KNearest([0.0, 1], [0.0], 1));
        var ex = Assert.ThrowsExactly<ArgumentException>(() => SpatialWeights.KNearest([0.0, double.NaN, 2], [0.0, 1, 2], 1));
        StringAssert.Contains(ex.Message, "unit 1", StringComparison.Ordinal);
    }
}
