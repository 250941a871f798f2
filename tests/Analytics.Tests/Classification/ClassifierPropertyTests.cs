using GeoPrevention.Analytics.Classification;

namespace GeoPrevention.Analytics.Tests.Classification;

/// <summary>Invariants on random data with a fixed seed (20261128).</summary>
[TestClass]
public sealed class ClassifierPropertyTests
{
    private const int Seed = 20261128;

    private static IEnumerable<ClassificationMethod> Methods() => Enum.GetValues<ClassificationMethod>().Where(m => m != ClassificationMethod.UserDefined);

    private static double[] RandomValues(Random rng, int n, bool ties)
    {
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Skewed like rates; rounded to one decimal when ties are wanted.
            var v = Math.Exp(rng.NextDouble() * 3) + (rng.NextDouble() * 5);
            x[i] = ties ? Math.Round(v, 1) : v;
        }

        return x;
    }

    [TestMethod]
    public void AllMethods_RandomData_BreaksMonotoneEveryValueInOneClassCountsSumToN()
    {
        var rng = new Random(Seed);
        for (var trial = 0; trial < 60; trial++)
        {
            var n = rng.Next(1, 300);
            var x = RandomValues(rng, n, ties: trial % 2 == 0);
            foreach (var method in Methods())
            {
                foreach (var closure in new[] { IntervalClosure.RightClosed, IntervalClosure.LeftClosed })
                {
                    var k = rng.Next(1, 9);
                    var c = Classifier.Classify(x, new ClassificationOptions { Method = method, Classes = k, Closure = closure });
                    var label = $"trial {trial} {method} k={k} {closure}";

                    for (var i = 1; i < c.Breaks.Count; i++)
                    {
                        if (method == ClassificationMethod.BoxMap || (method == ClassificationMethod.FisherJenks && i == 1))
                        {
                            Assert.IsGreaterThanOrEqualTo(c.Breaks[i - 1], c.Breaks[i], label);
                        }
                        else
                        {
                            Assert.IsGreaterThan(c.Breaks[i - 1], c.Breaks[i], label);
                        }
                    }

                    Assert.AreEqual(n, c.Counts.Sum(), label);
                    Assert.IsLessThanOrEqualTo(x.Min(), c.Breaks[0], label);
                    Assert.IsGreaterThanOrEqualTo(x.Max(), c.Breaks[^1], label);
                    for (var i = 0; i < n; i++)
                    {
                        var cls = c.Classes[i];
                        Assert.IsTrue(cls >= 0 && cls < c.ClassCount, label);
                        Assert.AreEqual(cls, c.FindClass(x[i]), label);
                        var lo = c.Breaks[cls];
                        var hi = c.Breaks[cls + 1];
                        Assert.IsTrue(x[i] >= lo && x[i] <= hi, $"{label}: {x[i]} outside class {cls} [{lo}, {hi}]");

                        // The interval rule decides values on a break.
                        if (closure == IntervalClosure.RightClosed && cls > 0)
                        {
                            Assert.IsGreaterThan(lo, x[i], label);
                        }

                        if (closure == IntervalClosure.LeftClosed && cls < c.ClassCount - 1)
                        {
                            Assert.IsLessThan(hi, x[i], label);
                        }
                    }

                    Assert.IsTrue(c.GoodnessOfVarianceFit is >= -1e-12 and <= 1 + 1e-12, label);
                }
            }
        }
    }

    [TestMethod]
    public void FisherJenks_SmallRandomSets_EqualsBruteForceOptimum()
    {
        var rng = new Random(Seed);
        for (var trial = 0; trial < 400; trial++)
        {
            var n = rng.Next(2, 13);
            var x = RandomValues(rng, n, ties: trial % 3 == 0);
            var distinct = x.Distinct().Count();
            var k = rng.Next(1, Math.Min(4, distinct) + 1);
            var sorted = x.Order().ToArray();

            var c = Classifier.Classify(x, ClassificationMethod.FisherJenks, k);

            Assert.AreEqual(k, c.ClassCount, $"trial {trial}");
            var best = BruteForceMinSse(sorted, k);
            var actual = WithinSse(x, c.Classes, k);
            Assert.AreEqual(best, actual, 1e-9 * (1 + best), $"trial {trial}: n={n} k={k}");
        }
    }

    private static double WithinSse(double[] x, IReadOnlyList<int> classes, int k)
    {
        double total = 0;
        for (var c = 0; c < k; c++)
        {
            var members = x.Where((_, i) => classes[i] == c).ToArray();
            if (members.Length > 0)
            {
                var m = members.Average();
                total += members.Sum(v => (v - m) * (v - m));
            }
        }

        return total;
    }

    /// <summary>Minimum SSE over every split of the sorted values into k contiguous non-empty groups.</summary>
    private static double BruteForceMinSse(double[] sorted, int k)
    {
        var n = sorted.Length;
        var best = double.PositiveInfinity;
        var cuts = new int[k + 1];
        cuts[k] = n;

        void Choose(int g)
        {
            if (g == k)
            {
                double sse = 0;
                for (var j = 0; j < k; j++)
                {
                    var seg = sorted[cuts[j]..cuts[j + 1]];
                    var m = seg.Average();
                    sse += seg.Sum(v => (v - m) * (v - m));
                }

                best = Math.Min(best, sse);
                return;
            }

            for (var c = cuts[g - 1] + 1; c <= n - (k - g); c++)
            {
                cuts[g] = c;
                Choose(g + 1);
            }
        }

        Choose(1);
        return best;
    }
}
