using GeoPrevention.Analytics.Statistics;

namespace GeoPrevention.Analytics.Tests.Statistics;

/// <summary>
/// Known answers at N = 1000 (synthetic peer set, year 2023, queen contiguity, row-standardised) from R spdep 1.2-7
/// (TestData/peers_n1000_2023.json, copied from ../shared/bench/results/peers-2026-11-28.json).
/// Tolerances per ../shared/bench/README.md: moments rel 1e-9; local Ii/E/Var/Z/p abs 1e-9; counts exact.
/// </summary>
[TestClass]
public sealed class PeerSpatialStatisticsTests
{
    private static readonly Lazy<SpatialWeights> Queen = new(() => SpatialWeights.FromNeighbours(BenchNeighbours.Queen));

    private static void AssertRel(double expected, double actual, string what)
        => Assert.AreEqual(expected, actual, Math.Abs(expected) * 1e-9, what);

    [TestMethod]
    public void QueenNeighbours_MatchSpdepPoly2nb()
    {
        var w = Queen.Value;
        var o = BenchRates.Oracle.GetProperty("weights");

        Assert.AreEqual(5776, w.LinkCount);
        Assert.AreEqual(o.GetProperty("n_links").GetInt32(), w.LinkCount);
        Assert.AreEqual(o.GetProperty("min_neighbours").GetInt32(), w.MinNeighbours);
        Assert.AreEqual(o.GetProperty("max_neighbours").GetInt32(), w.MaxNeighbours);
        Assert.IsEmpty(w.Islands);
        Assert.AreEqual(1, w.ComponentCount);
        Assert.IsTrue(w.IsSymmetric);
        CollectionAssert.AreEqual(BenchRates.Ids, BenchNeighbours.Ids);
        var first20 = BenchRates.Oracle.GetProperty("first20_neighbour_counts").EnumerateArray().ToArray();
        for (var i = 0; i < 20; i++)
        {
            Assert.AreEqual(first20[i].GetProperty("sr_id").GetString(), BenchNeighbours.Ids[i]);
            Assert.AreEqual(first20[i].GetProperty("n_neighbours").GetInt32(), w.NeighbourCount(i), BenchNeighbours.Ids[i]);
        }
    }

    [TestMethod]
    public void WeightsConstants_MatchSpweightsConstants()
    {
        var w = Queen.Value;
        var o = BenchRates.Oracle.GetProperty("weights");

        AssertRel(o.GetProperty("S0").GetDouble(), w.S0, "S0");
        AssertRel(o.GetProperty("S1").GetDouble(), w.S1, "S1");
        AssertRel(o.GetProperty("S2").GetDouble(), w.S2, "S2");
    }

    [TestMethod]
    public void GlobalMoran_MatchesMoranTest()
    {
        var m = Moran.Global(BenchRates.Rates, Queen.Value);
        var o = BenchRates.Oracle.GetProperty("moran");

        AssertRel(0.736054925002, m.I, "I (README figure)");
        AssertRel(o.GetProperty("I").GetDouble(), m.I, "I");
        AssertRel(o.GetProperty("expectation").GetDouble(), m.Expectation, "E[I]");
        AssertRel(o.GetProperty("variance_randomisation").GetDouble(), m.VarianceRandomisation, "Var rand");
        AssertRel(o.GetProperty("z_randomisation").GetDouble(), m.ZRandomisation, "z rand");
        AssertRel(o.GetProperty("variance_normality").GetDouble(), m.VarianceNormality, "Var norm");
        AssertRel(o.GetProperty("z_normality").GetDouble(), m.ZNormality, "z norm");
        Assert.AreEqual(o.GetProperty("p_randomisation_greater").GetDouble(), m.PRandomisation, 1e-12);
        Assert.AreEqual(1000, m.N);
        Assert.IsEmpty(m.Warnings);
    }

    [TestMethod]
    public void GlobalMoran_999Permutations_PseudoPLikeMoranMc()
    {
        var w = Queen.Value;
        var a = Moran.Global(BenchRates.Rates, w, new MoranOptions { Permutations = 999, Seed = 42 });
        var b = Moran.Global(BenchRates.Rates, w, new MoranOptions { Permutations = 999, Seed = 42, Parallel = false });
        var c = Moran.Global(BenchRates.Rates, w, new MoranOptions { Permutations = 999, Seed = 7 });

        // spdep moran.mc (seed 42) gives 0.001: no permutation reaches I = 0.736.
        Assert.AreEqual(BenchRates.Oracle.GetProperty("moran_mc").GetProperty("pseudo_p").GetDouble(), a.PseudoP, 1e-12);
        CollectionAssert.AreEqual(a.PermutationValues.ToArray(), b.PermutationValues.ToArray(), "thread count must not change the result");
        CollectionAssert.AreNotEqual(a.PermutationValues.ToArray(), c.PermutationValues.ToArray());

        // Under the null the permutation mean is near E[I] = -1/999 and the spread near sqrt(Var rand).
        var mean = a.PermutationValues.Average();
        var sd = Math.Sqrt(a.PermutationValues.Sum(v => (v - mean) * (v - mean)) / 998);
        Assert.AreEqual(a.Expectation, mean, 0.003);
        Assert.AreEqual(Math.Sqrt(a.VarianceRandomisation), sd, 0.15 * Math.Sqrt(a.VarianceRandomisation));
    }

    [TestMethod]
    public void LocalMoran_First20_MatchLocalmoran()
    {
        var l = Moran.Local(BenchRates.Rates, Queen.Value);
        var first20 = BenchRates.Oracle.GetProperty("local_moran").GetProperty("first20").EnumerateArray().ToArray();

        for (var i = 0; i < 20; i++)
        {
            var e = first20[i];
            var id = e.GetProperty("sr_id").GetString();
            Assert.AreEqual(id, BenchRates.Ids[i]);
            Assert.AreEqual(e.GetProperty("Ii").GetDouble(), l.Ii[i], 1e-9, $"Ii {id}");
            Assert.AreEqual(e.GetProperty("E_Ii").GetDouble(), l.Expectation[i], 1e-9, $"E {id}");
            Assert.AreEqual(e.GetProperty("Var_Ii").GetDouble(), l.Variance[i], 1e-9, $"Var {id}");
            Assert.AreEqual(e.GetProperty("Z_Ii").GetDouble(), l.Z[i], 1e-9, $"Z {id}");
            Assert.AreEqual(e.GetProperty("p").GetDouble(), l.P[i], 1e-9, $"p {id}");
            var quadrant = e.GetProperty("quadrant").GetString()!.Replace("-", "", StringComparison.Ordinal);
            Assert.AreEqual(quadrant, l.Quadrant[i].ToString(), $"quadrant {id}");
        }

        Assert.AreEqual(BenchRates.Oracle.GetProperty("local_moran").GetProperty("sum_Ii").GetDouble(), l.Ii.Sum(), 1e-9);
    }

    [TestMethod]
    public void LocalMoran_QuadrantCounts_MatchSpdep()
    {
        var l = Moran.Local(BenchRates.Rates, Queen.Value);
        var lm = BenchRates.Oracle.GetProperty("local_moran");
        var all = l.QuadrantCounts();
        var sig = l.QuadrantCounts(significantOnly: true);

        foreach (var (name, q) in new[] { ("Low-Low", LisaQuadrant.LowLow), ("High-Low", LisaQuadrant.HighLow), ("Low-High", LisaQuadrant.LowHigh), ("High-High", LisaQuadrant.HighHigh) })
        {
            Assert.AreEqual(lm.GetProperty("quadrant_counts_all").GetProperty(name).GetInt32(), all[q], name);
            Assert.AreEqual(lm.GetProperty("quadrant_counts_p05").GetProperty(name).GetInt32(), sig[q], name + " p<0.05");
        }

        Assert.AreEqual(497, all[LisaQuadrant.LowLow]);
        Assert.AreEqual(145, sig[LisaQuadrant.HighHigh]);
        Assert.AreEqual(lm.GetProperty("n_significant_p05").GetInt32(), Enumerable.Range(0, 1000).Count(l.IsSignificant));
    }

    [TestMethod]
    public void LocalMoran_Fdr_FewerSignificantThanUnadjusted()
    {
        var plain = Moran.Local(BenchRates.Rates, Queen.Value);
        var fdr = Moran.Local(BenchRates.Rates, Queen.Value, new LocalMoranOptions { FalseDiscoveryRate = true });

        var nPlain = Enumerable.Range(0, 1000).Count(plain.IsSignificant);
        var nFdr = Enumerable.Range(0, 1000).Count(fdr.IsSignificant);
        Assert.AreEqual(275, nPlain);
        Assert.IsLessThan(nPlain, nFdr);
        Assert.IsNotNull(fdr.PAdjusted);
        for (var i = 0; i < 1000; i++)
        {
            Assert.IsGreaterThanOrEqualTo(fdr.P[i], fdr.PAdjusted[i]);
        }
    }

    [TestMethod]
    public void LocalMoran_ConditionalPermutation_SeededAndConsistentWithAnalytical()
    {
        var w = Queen.Value;
        var a = Moran.Local(BenchRates.Rates, w, new LocalMoranOptions { Permutations = 199, Seed = 42 });
        var b = Moran.Local(BenchRates.Rates, w, new LocalMoranOptions { Permutations = 199, Seed = 42 });

        CollectionAssert.AreEqual(a.PseudoP!.ToArray(), b.PseudoP!.ToArray());

        // SR000006 (Z = 6.27, p = 3.5e-10) is extreme in its own reference distribution: minimum pseudo-p.
        Assert.AreEqual(1.0 / 200, a.PseudoP![5], 1e-12);

        // SR000010 (Z = 0.028) is not significant under either test.
        Assert.IsGreaterThan(0.1, a.PseudoP[9]);
    }
}
