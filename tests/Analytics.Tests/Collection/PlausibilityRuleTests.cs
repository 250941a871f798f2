using GeoPrevention.Analytics.Collection;

namespace GeoPrevention.Analytics.Tests.Collection;

/// <summary>The MAD rule with hand-computed examples (the worked example of the rule's documentation).</summary>
[TestClass]
public sealed class PlausibilityRuleTests
{
    // History 100, 104, 103, 108, 110 → changes 4, −1, 5, 2; median m = (2 + 4) / 2 = 3;
    // |d − m| = 1, 4, 2, 1 → sorted 1, 1, 2, 4 → median 1.5; MAD = 1.4826 · 1.5 = 2.2239; L = 5 · MAD = 11.1195.
    private static readonly double[] History = [100, 104, 103, 108, 110];

    [TestMethod]
    public void Evaluate_HandExample_IntermediateFigures()
    {
        var r = PlausibilityRule.Evaluate(History, 1100, isCount: true);

        Assert.IsTrue(r.Checked);
        Assert.AreEqual(4, r.PastChanges);
        Assert.AreEqual(110, r.Previous);
        Assert.AreEqual(990, r.Change);
        Assert.AreEqual(3, r.MedianChange);
        Assert.AreEqual(2.2239, r.Mad, 1e-12);
        Assert.AreEqual(11.1195, r.RobustLimit, 1e-12);
        // A = 3 · √(2 · (110 + 1)) = 3 · √222 = 44.6990
        Assert.AreEqual(44.69899, r.NoiseAllowance, 1e-4);
        Assert.IsTrue(r.IsImplausible);
    }

    [TestMethod]
    public void Evaluate_BeyondMadButWithinCountingNoise_Plausible()
    {
        // Δ = 20, e = |20 − 3| = 17 > L = 11.12, but 17 < A = 44.70.
        var r = PlausibilityRule.Evaluate(History, 130, isCount: true);

        Assert.IsTrue(r.Checked);
        Assert.IsTrue(Math.Abs(r.Change - r.MedianChange) > r.RobustLimit);
        Assert.IsFalse(r.IsImplausible);
    }

    [TestMethod]
    public void Evaluate_LargeCount_NoiseAllowanceGrowsWithTheSquareRoot()
    {
        // 1000, 1010, 1005, 1020, 1030 → d = 10, −5, 15, 10; m = 10; |d − m| = 0, 15, 5, 0 → median 2.5;
        // MAD = 3.7065, L = 18.5325; A = 3 · √(2 · 1031) = 3 · √2062 = 3 · 45.40925 = 136.2278.
        double[] history = [1000, 1010, 1005, 1020, 1030];

        var within = PlausibilityRule.Evaluate(history, 1100, isCount: true);   // e = 60: above L, below A
        var beyond = PlausibilityRule.Evaluate(history, 1300, isCount: true);   // e = 260: above both

        Assert.AreEqual(3.7065, within.Mad, 1e-12);
        Assert.AreEqual(136.2278, within.NoiseAllowance, 1e-4);
        Assert.IsFalse(within.IsImplausible);
        Assert.IsTrue(beyond.IsImplausible);
    }

    [TestMethod]
    public void Evaluate_AmountUsesRelativeAllowance()
    {
        // Same changes as above but an amount: A = 0.01 · 1030 = 10.3 < L, so L decides: e = 60 > 18.53 → implausible.
        var r = PlausibilityRule.Evaluate([1000, 1010, 1005, 1020, 1030], 1100, isCount: false);

        Assert.AreEqual(10.3, r.NoiseAllowance, 1e-12);
        Assert.IsTrue(r.IsImplausible);
    }

    [TestMethod]
    public void Evaluate_GapsAndShortHistory_NotChecked()
    {
        // Changes only between consecutive known years: NaN breaks the chain, leaving 2 changes (< 3).
        var shortHistory = PlausibilityRule.Evaluate([100, double.NaN, 104, 103, 108], 5000, isCount: true);
        var noPrevious = PlausibilityRule.Evaluate([100, 104, 103, 108, double.NaN], 5000, isCount: true);

        Assert.IsFalse(shortHistory.Checked);
        Assert.AreEqual(2, shortHistory.PastChanges);
        Assert.IsFalse(shortHistory.IsImplausible);
        Assert.IsFalse(noPrevious.Checked);
    }

    [TestMethod]
    public void Evaluate_OptionsChangeK()
    {
        // With k = 50 the robust limit is 111.2; e = 987 still exceeds it, e = 60 (second history) would not.
        var r = PlausibilityRule.Evaluate(History, 1100, isCount: true, new PlausibilityOptions { K = 50 });

        Assert.AreEqual(111.195, r.RobustLimit, 1e-9);
        Assert.IsTrue(r.IsImplausible);
        Assert.ThrowsExactly<ArgumentException>(() => PlausibilityRule.Evaluate(History, double.NaN, isCount: true));
    }
}
