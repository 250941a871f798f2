using GeoPrevention.Analytics.Statistics;

namespace GeoPrevention.Analytics.Tests.Statistics;

/// <summary>Hand-computed inequality measures.</summary>
[TestClass]
public sealed class InequalityTests
{
    [TestMethod]
    public void Gini_Unweighted_HandComputed()
    {
        // Σ_{i<j}|xᵢ − xⱼ| = 1+2+3+1+2+1 = 10; n²μ = 16·2.5 = 40 → 0.25 (ineq::Gini(1:4) = 0.25).
        Assert.AreEqual(0.25, Inequality.Gini([1, 2, 3, 4]), 1e-15);
        Assert.AreEqual(0, Inequality.Gini([3, 3, 3]), 1e-15);
    }

    [TestMethod]
    public void Gini_Weighted_EqualsExpandedUnweighted()
    {
        // Values 1 (population 3) and 3 (population 1) ≡ {1, 1, 1, 3}: Σ_{i<j} = 6, n²μ = 16·1.5 = 24 → 0.25.
        Assert.AreEqual(0.25, Inequality.Gini([1, 3], [3, 1]), 1e-15);
        Assert.AreEqual(Inequality.Gini([1, 1, 1, 3]), Inequality.Gini([1, 3], [3, 1]), 1e-15);
    }

    [TestMethod]
    public void Theil_Unweighted_HandComputed()
    {
        // μ = 4/3: T = ⅓[2·0.75 ln 0.75 + 1.5 ln 1.5] = 0.5·(ln 1.5 − ln(4/3)) = 0.5·ln(9/8).
        Assert.AreEqual(0.5 * Math.Log(9.0 / 8), Inequality.TheilT([1, 1, 2]), 1e-15);
        Assert.AreEqual(0, Inequality.TheilT([0.5, 0.5]), 1e-15);
    }

    [TestMethod]
    public void Theil_Decomposition_BetweenPlusWithinEqualsTotal()
    {
        // Groups A = {1, 3}, B = {2, 6}; μ = 3, μ_A = 2, μ_B = 4, s_A = 1/3, s_B = 2/3.
        // T_A = T_B = ½[0.5 ln 0.5 + 1.5 ln 1.5] = 0.1308120…; within = 0.1308120;
        // between = ⅓ ln(2/3) + ⅔ ln(4/3) = 0.0566330…; total = ¼[⅓ ln ⅓ + ⅔ ln ⅔ + 2 ln 2] = 0.1874450…
        var d = Inequality.TheilDecompose([1, 3, 2, 6], [1, 1, 1, 1], [0, 0, 1, 1]);

        var tg = 0.5 * ((0.5 * Math.Log(0.5)) + (1.5 * Math.Log(1.5)));
        Assert.AreEqual(tg, d.GroupTheil[0], 1e-15);
        Assert.AreEqual(tg, d.Within, 1e-15);
        Assert.AreEqual((Math.Log(2.0 / 3) / 3) + (2 * Math.Log(4.0 / 3) / 3), d.Between, 1e-15);
        Assert.AreEqual(0.25 * ((Math.Log(1.0 / 3) / 3) + (2.0 / 3 * Math.Log(2.0 / 3)) + (2 * Math.Log(2))), d.Total, 1e-15);
        Assert.AreEqual(d.Total, d.Between + d.Within, 1e-15);
        Assert.AreEqual(1.0 / 3, d.GroupShare[0], 1e-15);
    }

    [TestMethod]
    public void Theil_StringGroupsWithPopulation_DecompositionAdds()
    {
        double[] rate = [12.5, 3.0, 20.0, 8.0, 0.0];
        double[] pop = [1200, 800, 300, 2500, 450];
        string[] gemeinde = ["05570004", "05570004", "05570008", "05570008", "05570008"];

        var d = Inequality.TheilDecompose(rate, pop, gemeinde, out var keys);

        CollectionAssert.AreEqual(new[] { "05570004", "05570008" }, keys.ToArray());
        Assert.AreEqual(Inequality.TheilT(rate, pop), d.Total, 1e-15);
        Assert.AreEqual(d.Total, d.Between + d.Within, 1e-14);
    }

    [TestMethod]
    public void Theil_Hierarchy_SozialraumGemeindeKreis_SumsToTotal()
    {
        double[] rate = [12.5, 3.0, 20.0, 8.0, 5.0, 15.0];
        double[] pop = [1200, 800, 300, 2500, 450, 700];
        int[] gemeinde = [0, 0, 1, 1, 2, 2];
        int[] kreis = [0, 0, 0, 0, 1, 1];

        var h = Inequality.TheilHierarchy(rate, pop, [gemeinde, kreis]);
        var byGemeinde = Inequality.TheilDecompose(rate, pop, gemeinde);
        var byKreis = Inequality.TheilDecompose(rate, pop, kreis);

        Assert.AreEqual(h.Total, h.WithinFinest + h.Between.Sum(), 1e-14);
        Assert.AreEqual(byGemeinde.Within, h.WithinFinest, 1e-15);
        Assert.AreEqual(byKreis.Between, h.Between[1], 1e-15);
        Assert.AreEqual(byGemeinde.Between - byKreis.Between, h.Between[0], 1e-14);
    }

    [TestMethod]
    public void Theil_Hierarchy_NotNested_Throws()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => Inequality.TheilHierarchy([1.0, 2, 3], [1.0, 1, 1], [[0, 0, 1], [0, 1, 1]]));
        StringAssert.Contains(ex.Message, "Group 0 of level 0 lies in groups 0 and 1", StringComparison.Ordinal);
    }

    [TestMethod]
    public void CoefficientOfVariation_HandComputed()
    {
        // mean 5, Σ(x−5)² = 32, sample SD √(32/7).
        Assert.AreEqual(Math.Sqrt(32.0 / 7) / 5, Inequality.CoefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9]), 1e-15);

        // Weighted: {1 (×3), 3 (×1)}: μ = 1.5, Σp(x−μ)²/P = (3·0.25 + 2.25)/4 = 0.75.
        Assert.AreEqual(Math.Sqrt(0.75) / 1.5, Inequality.CoefficientOfVariation([1, 3], [3, 1]), 1e-15);
    }

    [TestMethod]
    public void Ratios_HandComputed()
    {
        Assert.AreEqual(5, Inequality.MaxMinRatio([1, 2, 3, 4, 5]));

        // Type 7 on 1..5: P80 at h = 3.2 → 4.2; P20 at h = 0.8 → 1.8.
        Assert.AreEqual(4.2 / 1.8, Inequality.P80P20Ratio([5, 4, 3, 2, 1]), 1e-15);
        Assert.AreEqual(double.PositiveInfinity, Inequality.MaxMinRatio([0, 2]));
    }

    [TestMethod]
    public void BadInput_ClearErrors()
    {
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Inequality.Gini([1, -2])).Message, "unit 1 is negative", StringComparison.Ordinal);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Inequality.Gini([1, double.NaN])).Message, "unit 1 is not finite", StringComparison.Ordinal);
        Assert.ThrowsExactly<ArgumentException>(() => Inequality.Gini([]));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Inequality.TheilT([0, 0])).Message, "All values are 0", StringComparison.Ordinal);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Inequality.Gini([1, 2], [1, 0])).Message, "Weight of unit 1", StringComparison.Ordinal);
        Assert.ThrowsExactly<ArgumentException>(() => Inequality.Gini([1, 2], [1]));
    }
}
