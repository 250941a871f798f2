using GeoPrevention.Analytics.Classification;
using GeoPrevention.Analytics.Tests.Statistics;

namespace GeoPrevention.Analytics.Tests.Classification;

/// <summary>
/// Known answers at N = 1000 (synthetic peer set, year 2023) from R classInt 0.4.9
/// (TestData/peers_n1000_2023.json, copied from ../shared/bench/results/peers-2026-11-28.json).
/// Tolerance per ../shared/bench/README.md: breaks abs 1e-9, counts exact.
/// </summary>
[TestClass]
public sealed class PeerClassificationTests
{
    private const double Tol = 1e-9;

    private static void AssertBreaks(string method, IReadOnlyList<double> actual)
    {
        var expected = BenchRates.Doubles(BenchRates.Oracle.GetProperty("breaks").GetProperty(method));
        Assert.HasCount(expected.Length, actual);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], actual[i], Tol, $"{method} break {i}");
        }
    }

    private static int[] ExpectedCounts(string method) => BenchRates.Ints(BenchRates.Oracle.GetProperty("class_counts").GetProperty(method));

    [TestMethod]
    public void FisherJenks_Midpoints_LeftClosed_MatchesClassIntFisher()
    {
        var c = Classifier.Classify(BenchRates.Rates, new ClassificationOptions
        {
            Method = ClassificationMethod.FisherJenks,
            FisherBreaks = FisherBreakConvention.Midpoints,
            Closure = IntervalClosure.LeftClosed,
        });

        AssertBreaks("fisher", c.Breaks);
        CollectionAssert.AreEqual(new[] { 251, 354, 243, 105, 47 }, c.Counts.ToArray());
        CollectionAssert.AreEqual(ExpectedCounts("fisher"), c.Counts.ToArray());
        Assert.IsEmpty(c.Warnings);
    }

    [TestMethod]
    public void FisherJenks_ClassMaxima_RightClosed_MatchesClassIntJenks()
    {
        var c = Classifier.Classify(BenchRates.Rates, ClassificationMethod.FisherJenks);

        AssertBreaks("jenks", c.Breaks);
        CollectionAssert.AreEqual(ExpectedCounts("jenks"), c.Counts.ToArray());
    }

    [TestMethod]
    public void FisherJenks_BothConventions_SamePartition()
    {
        var maxima = Classifier.Classify(BenchRates.Rates, ClassificationMethod.FisherJenks);
        var mid = Classifier.Classify(BenchRates.Rates, new ClassificationOptions { Method = ClassificationMethod.FisherJenks, FisherBreaks = FisherBreakConvention.Midpoints });

        CollectionAssert.AreEqual(maxima.Classes.ToArray(), mid.Classes.ToArray());
        Assert.IsGreaterThan(0.85, maxima.GoodnessOfVarianceFit);
    }

    [TestMethod]
    public void Quantile_LeftClosed_MatchesClassIntQuantile()
    {
        var c = Classifier.Classify(BenchRates.Rates, new ClassificationOptions { Method = ClassificationMethod.Quantile, Closure = IntervalClosure.LeftClosed });

        AssertBreaks("quantile", c.Breaks);
        CollectionAssert.AreEqual(ExpectedCounts("quantile"), c.Counts.ToArray());
    }

    [TestMethod]
    public void EqualInterval_LeftClosed_MatchesClassIntEqual()
    {
        var c = Classifier.Classify(BenchRates.Rates, new ClassificationOptions { Method = ClassificationMethod.EqualInterval, Closure = IntervalClosure.LeftClosed });

        AssertBreaks("equal", c.Breaks);
        CollectionAssert.AreEqual(ExpectedCounts("equal"), c.Counts.ToArray());
    }

    [TestMethod]
    public void Rates_Summary_MatchesR()
    {
        var rate = BenchRates.Oracle.GetProperty("rate");
        var x = BenchRates.Rates;

        Assert.HasCount(1000, x);
        Assert.AreEqual(rate.GetProperty("sum").GetDouble(), x.Sum(), 1e-9);
        Assert.AreEqual(rate.GetProperty("max").GetDouble(), x.Max(), Tol);
        Assert.AreEqual(rate.GetProperty("median").GetDouble(), GeoPrevention.Analytics.Statistics.Descriptive.QuantileSorted(x.Order().ToArray(), 0.5), Tol);
        Assert.AreEqual(rate.GetProperty("sd").GetDouble(), GeoPrevention.Analytics.Statistics.Descriptive.SampleStandardDeviation(x), Tol);
    }
}
