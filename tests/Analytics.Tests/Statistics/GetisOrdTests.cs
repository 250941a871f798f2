using GeoPrevention.Analytics.Statistics;

namespace GeoPrevention.Analytics.Tests.Statistics;

/// <summary>Gi* on a tiny grid, hand-computed.</summary>
[TestClass]
public sealed class GetisOrdTests
{
    // 3×3 rook grid, cells numbered row by row, values 1..9.
    private static readonly int[][] Rook3 =
    [
        [1, 3], [0, 2, 4], [1, 5],
        [0, 4, 6], [1, 3, 5, 7], [2, 4, 8],
        [3, 7], [4, 6, 8], [5, 7],
    ];

    [TestMethod]
    public void GiStar_Grid_HandComputed()
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9];

        var g = GetisOrd.GiStar(x, SpatialWeights.FromNeighbours(Rook3, WeightsStyle.Binary));

        // x̄ = 5, s = √(285/9 − 25) = √(20/3). Corner 0: star {0,1,3}: Σ = 7, W = 3, S1 = 3:
        // G* = (7 − 15) / (s·√((9·3 − 9)/8)) = −8 / (√(20/3)·1.5) = −2.0655911…
        Assert.AreEqual(-8 / (Math.Sqrt(20.0 / 3) * 1.5), g.Z[0], 1e-12);
        Assert.AreEqual(-2.0655911179772892, g.Z[0], 1e-12);

        // Centre: star {1,3,4,5,7}: Σ = 25 = x̄·W → 0; corner 8 mirrors corner 0.
        Assert.AreEqual(0, g.Z[4], 1e-12);
        Assert.AreEqual(-g.Z[0], g.Z[8], 1e-12);
        Assert.AreEqual(Normal.TwoSidedP(g.Z[0]), g.P[0], 1e-15);
    }

    [TestMethod]
    public void GiStar_RowStandardisedWeights_SameZ()
    {
        double[] x = [3, 1, 4, 1, 5, 9, 2, 6, 5];

        var b = GetisOrd.GiStar(x, SpatialWeights.FromNeighbours(Rook3, WeightsStyle.Binary));
        var r = GetisOrd.GiStar(x, SpatialWeights.FromNeighbours(Rook3));

        CollectionAssert.AreEqual(b.Z.ToArray(), r.Z.ToArray());
    }

    [TestMethod]
    public void GiStar_ConstantValues_Throws()
        => Assert.ThrowsExactly<ArgumentException>(() => GetisOrd.GiStar([1, 1, 1, 1, 1, 1, 1, 1, 1], SpatialWeights.FromNeighbours(Rook3)));
}
