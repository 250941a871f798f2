using GeoPrevention.Analytics.Statistics;

namespace GeoPrevention.Analytics.Tests.Statistics;

/// <summary>
/// The permutation test of global Moran's I: reproducible for a seed whatever the thread count, and statistically
/// valid (the shuffle is uniform; the permuted I have the analytical randomisation mean and variance).
/// </summary>
[TestClass]
public sealed class MoranPermutationTests
{
    private static readonly Lazy<SpatialWeights> Queen = new(() => SpatialWeights.FromNeighbours(BenchNeighbours.Queen));

    [TestMethod]
    public void Global_PartialLastBlock_SameValuesSequentialAndParallel()
    {
        // 101 permutations = 3 full blocks of 32 and a partial block of 5: the blocks run on any thread, in any order.
        var w = Queen.Value;
        var parallel = Moran.Global(BenchRates.Rates, w, new MoranOptions { Permutations = 101, Seed = 20261129 });
        var sequential = Moran.Global(BenchRates.Rates, w, new MoranOptions { Permutations = 101, Seed = 20261129, Parallel = false });
        var again = Moran.Global(BenchRates.Rates, w, new MoranOptions { Permutations = 101, Seed = 20261129 });
        var longer = Moran.Global(BenchRates.Rates, w, new MoranOptions { Permutations = 160, Seed = 20261129, Parallel = false });

        Assert.HasCount(101, parallel.PermutationValues);
        CollectionAssert.AreEqual(sequential.PermutationValues.ToArray(), parallel.PermutationValues.ToArray());
        CollectionAssert.AreEqual(parallel.PermutationValues.ToArray(), again.PermutationValues.ToArray());
        Assert.AreEqual(sequential.PseudoP, parallel.PseudoP);

        // Block b depends only on (seed, b): the first 96 values (3 full blocks) do not change when more permutations are asked for.
        CollectionAssert.AreEqual(parallel.PermutationValues.Take(96).ToArray(), longer.PermutationValues.Take(96).ToArray());
        Assert.AreEqual(101, parallel.PermutationValues.Distinct().Count(), "every permutation is a fresh arrangement");
    }

    [TestMethod]
    public void Global_999Permutations_MeanAndVarianceMatchRandomisationMoments()
    {
        // Under random permutation of the observed values, E[I] = −1/(n − 1) and Var[I] is exactly the randomisation
        // variance (Cliff & Ord). With 999 draws the mean has standard error √(Var/999), and the sample variance a
        // relative standard error of about √(2/998) ≈ 4.5 % (kurtosis of I is close to normal here); allow 4 standard errors.
        var w = Queen.Value;
        const int nsim = 999;

        var m = Moran.Global(BenchRates.Rates, w, new MoranOptions { Permutations = nsim, Seed = 1 });

        var values = m.PermutationValues;
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (nsim - 1);
        var seMean = Math.Sqrt(m.VarianceRandomisation / nsim);
        Assert.AreEqual(-1.0 / 999, m.Expectation, 1e-15);
        Assert.AreEqual(m.Expectation, mean, 4 * seMean, $"mean {mean} vs E[I] {m.Expectation} (se {seMean})");
        Assert.AreEqual(m.VarianceRandomisation, variance, 4 * Math.Sqrt(2.0 / (nsim - 1)) * m.VarianceRandomisation);

        // The observed I = 0.736 (z ≈ 39) is far beyond every permutation.
        Assert.IsLessThan(m.I, values.Max());
        Assert.AreEqual(1.0 / 1000, m.PseudoP, 1e-15);
    }

    [TestMethod]
    public void Global_PermutedValues_IsAPermutationWithTheSameI()
    {
        // Every permuted I must be the I of a true rearrangement of the values: on the path 0-1-2-3 with x = 1..4 the
        // 4! arrangements give a small finite set of I values (computed here with the row form, no permutation code).
        var w = SpatialWeights.FromNeighbours([[1], [0, 2], [1, 3], [2]], WeightsStyle.Binary);
        var possible = new HashSet<double>();
        foreach (var p in Permutations([1.0, 2, 3, 4]))
        {
            possible.Add(Math.Round(Moran.Global(p, w).I, 12));
        }

        var m = Moran.Global([1, 2, 3, 4], w, new MoranOptions { Permutations = 200, Seed = 5 });

        foreach (var v in m.PermutationValues)
        {
            Assert.Contains(Math.Round(v, 12), possible);
        }

        // 200 uniform draws over 24 arrangements reach every attainable value.
        Assert.HasCount(possible.Count, m.PermutationValues.Select(v => Math.Round(v, 12)).Distinct());
    }

    [TestMethod]
    public void Shuffle_AllArrangementsOfFourAndFive_Uniform()
    {
        // Pearson chi-square of the arrangement counts against the uniform distribution; fixed seeds, so deterministic.
        // Critical values at p = 0.001: 49.73 (23 df, 4! arrangements) and 173.6 (119 df, 5! arrangements).
        foreach (var (length, critical) in new[] { (4, 49.73), (5, 173.6) })
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var rng = new SeededRandom(42, length);
            var draws = 240 * Factorial(length);
            var buffer = new double[length];
            for (var d = 0; d < draws; d++)
            {
                for (var i = 0; i < length; i++)
                {
                    buffer[i] = i;
                }

                rng.Shuffle(buffer);
                var key = string.Join(",", buffer);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }

            Assert.HasCount(Factorial(length), counts, $"every arrangement of {length} occurs");
            var expected = (double)draws / Factorial(length);
            var chi2 = counts.Values.Sum(c => (c - expected) * (c - expected) / expected);
            Assert.IsLessThan(critical, chi2, $"length {length}: chi-square {chi2}");
        }
    }

    private static int Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    private static IEnumerable<double[]> Permutations(double[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, k) => k != i).ToArray();
            foreach (var p in Permutations(rest))
            {
                yield return [items[i], .. p];
            }
        }
    }
}
