using GeoPrevention.Analytics.Classification;
using GeoPrevention.Analytics.Statistics;

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
    public void Breaks_EveryMethodWithNonFiniteValuesAndTies_SameBreaksAsClassify()
    {
        var rng = new Random(Seed + 3);
        foreach (var ties in new[] { false, true })
        {
            var x = RandomValues(rng, 500, ties);
            x[7] = double.NaN;
            x[300] = double.PositiveInfinity;
            foreach (var method in Enum.GetValues<ClassificationMethod>())
            {
                var options = new ClassificationOptions
                {
                    Method = method,
                    Classes = 5,
                    UserBreaks = method == ClassificationMethod.UserDefined ? [0.0, 5.0, 10.0, 30.0] : null,
                };
                var expected = Classifier.Classify(x, options).Breaks;
                CollectionAssert.AreEqual(expected.ToArray(), Classifier.Breaks(x, options), $"{method}, ties={ties}");
            }
        }
    }

    [TestMethod]
    public void Breaks_EqualInterval_HandComputedFromTheRange()
    {
        // Range [2, 12] in 4 classes: width 2.5 → 2, 4.5, 7, 9.5, 12 (R: seq(2, 12, length.out = 5)).
        double[] x = [5, 2, double.NaN, 12, 7];
        CollectionAssert.AreEqual(
            new[] { 2.0, 4.5, 7.0, 9.5, 12.0 },
            Classifier.Breaks(x, new ClassificationOptions { Method = ClassificationMethod.EqualInterval, Classes = 4 }));
        Assert.ThrowsExactly<ArgumentException>(() => Classifier.Breaks([double.NaN], new ClassificationOptions { Method = ClassificationMethod.EqualInterval }));
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

    [TestMethod]
    public void Quantile_RandomAndAdversarialOrders_EqualsFullSortTypeSeven()
    {
        // The quantile breaks come from a multi-rank selection; the reference sorts everything and applies R type 7.
        var rng = new Random(Seed);
        var sets = new List<double[]>();
        for (var trial = 0; trial < 40; trial++)
        {
            sets.Add(RandomValues(rng, rng.Next(1, 5000), ties: trial % 2 == 0));
        }

        var ramp = Enumerable.Range(0, 3000).Select(i => (double)i).ToArray();
        sets.Add(ramp);
        sets.Add([.. ramp.Reverse()]);
        sets.Add([.. Enumerable.Repeat(2.5, 2000), 1.0, 7.0]);
        sets.Add([.. Enumerable.Range(0, 4000).Select(i => (double)(i % 3))]);
        sets.Add([.. Enumerable.Range(0, 4001).Select(i => i % 2 == 0 ? (double)i : 4001.0 - i)]);
        sets.Add([.. Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? 5e-324 : 0.0)]);
        sets.Add([-1e308, 1e308, .. Enumerable.Range(0, 3000).Select(i => i * 0.5)]);
        sets.Add([1e9, .. RandomValues(rng, 3000, ties: false)]);

        foreach (var x in sets)
        {
            foreach (var k in new[] { 1, 2, 4, 5, 7, 10 })
            {
                var sorted = x.Order().ToArray();
                var distinct = Math.Min(k, sorted.Distinct().Count());
                var expected = Enumerable.Range(0, distinct + 1)
                    .Select(i => Descriptive.QuantileSorted(sorted, i == distinct ? 1.0 : i * (1.0 / distinct)))
                    .Distinct().ToArray();

                var c = Classifier.Classify(x, ClassificationMethod.Quantile, k);

                var actual = c.Breaks.ToArray();
                if (expected.Length == 1)
                {
                    expected = [expected[0], expected[0]];
                }

                CollectionAssert.AreEqual(expected, actual, $"n={x.Length} k={k}");
            }
        }
    }

    [TestMethod]
    public void RadixSort_MixedSignsMagnitudesAndTies_SameOrderAsArraySort()
    {
        var rng = new Random(Seed);
        double[] special = [0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 1e-310, -1e-310, 1, -1];
        foreach (var n in new[] { 511, 512, 5000, 40_000 })
        {
            var x = new double[n];
            for (var i = 0; i < n; i++)
            {
                x[i] = (i % 5) switch
                {
                    0 => special[rng.Next(special.Length)],
                    1 => Math.Round((rng.NextDouble() - 0.5) * 200, 1),
                    2 => (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-300, 300)),
                    _ => rng.NextDouble() * 100,
                };
            }

            var expected = x.Order().ToArray();

            RadixSort.Sort(x);

            // −0 and +0 compare equal, so only their relative order may differ from the comparison sort.
            CollectionAssert.AreEqual(expected, x, $"n={n}");
        }
    }

    [TestMethod]
    public void EqualInterval_NonFiniteAnywhereAndSignedZeros_RangeOfFiniteValues()
    {
        // The range is read with a vector pass when all values are finite; every other case takes the scalar scan.
        var rng = new Random(Seed);
        var x = RandomValues(rng, 1003, ties: false);
        foreach (var (position, bad) in new[] { (0, double.NaN), (500, double.PositiveInfinity), (1002, double.NegativeInfinity), (1001, double.NaN) })
        {
            var y = (double[])x.Clone();
            y[position] = bad;
            var finite = y.Where(double.IsFinite).ToArray();

            var c = Classifier.Classify(y, ClassificationMethod.EqualInterval, 4);

            Assert.AreEqual(1, c.ExcludedCount, $"position {position}");
            Assert.AreEqual(finite.Min(), c.Breaks[0]);
            Assert.AreEqual(finite.Max(), c.Breaks[^1]);
        }

        // −0 before +0 as the minimum: the first one in input order is kept, as a scalar scan does.
        double[] zeros = [.. Enumerable.Range(0, 64).Select(i => 1.0 + i), -0.0, 0.0];
        var z = Classifier.Classify(zeros, ClassificationMethod.EqualInterval, 4);
        Assert.IsTrue(double.IsNegative(z.Breaks[0]), "−0.0 comes first");
        Assert.AreEqual(64.0, z.Breaks[^1]);
    }

    [TestMethod]
    public void Classify_InputChangedAfterwards_ResultUnchanged()
    {
        // Classes, counts and GVF are computed on first access from a copy of the input, not from the caller's array.
        double[] x = [1, 2, 3, 10, 11, 12, 30];
        var c = Classifier.Classify(x, ClassificationMethod.EqualInterval, 3);
        Array.Fill(x, double.NaN);

        CollectionAssert.AreEqual(new[] { 0, 0, 0, 0, 1, 1, 2 }, c.Classes.ToArray());
        CollectionAssert.AreEqual(new[] { 4, 2, 1 }, c.Counts.ToArray());
        Assert.AreEqual(0, c.ExcludedCount);
        Assert.IsEmpty(c.Warnings);
    }

    [TestMethod]
    public void FitStatistics_RandomData_EqualDirectSumsOfSquares()
    {
        // GVF = 1 − SDCM/SDAM, computed lazily; here against the definition, including NaN values that are excluded.
        var rng = new Random(Seed);
        for (var trial = 0; trial < 20; trial++)
        {
            var x = RandomValues(rng, rng.Next(10, 2000), ties: trial % 2 == 0);
            x[rng.Next(x.Length)] = double.NaN;
            var method = trial % 3 == 0 ? ClassificationMethod.FisherJenks : trial % 3 == 1 ? ClassificationMethod.Quantile : ClassificationMethod.EqualInterval;

            var c = Classifier.Classify(x, method, 5);

            var finite = x.Where(double.IsFinite).ToArray();
            var classes = c.Classes.Where(k => k >= 0).ToArray();
            var mean = finite.Average();
            var sdam = finite.Sum(v => (v - mean) * (v - mean));
            var sdcm = WithinSse(finite, classes, c.ClassCount);
            Assert.AreEqual(1 - (sdcm / sdam), c.GoodnessOfVarianceFit, 1e-12, $"trial {trial} {method}");
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
