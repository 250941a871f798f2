using System.Globalization;
using System.Runtime.CompilerServices;

namespace GeoPrevention.Analytics.Statistics;

/// <summary>Options for <see cref="Moran.Global(ReadOnlySpan{double}, SpatialWeights, MoranOptions)"/>.</summary>
public sealed class MoranOptions
{
    /// <summary>Number of random permutations for the pseudo p-value (default 0 = none; 999 is usual).</summary>
    public int Permutations { get; init; }

    /// <summary>Seed of the permutation generator (default 42). The same seed gives the same result on any machine and thread count.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Run permutation blocks in parallel (default true; the result does not depend on it).</summary>
    public bool Parallel { get; init; } = true;
}

/// <summary>Global Moran's I with its analytical moments and optional permutation test.</summary>
public sealed class MoranResult
{
    internal MoranResult() { }

    /// <summary>Moran's I.</summary>
    public double I { get; internal init; }

    /// <summary><c>E[I] = −1/(n − 1)</c>.</summary>
    public double Expectation { get; internal init; }

    /// <summary>Variance of I under randomisation (Cliff &amp; Ord; spdep <c>moran.test</c> default).</summary>
    public double VarianceRandomisation { get; internal init; }

    /// <summary>z-score under randomisation.</summary>
    public double ZRandomisation { get; internal init; }

    /// <summary>One-sided p-value ("greater", positive autocorrelation) under randomisation.</summary>
    public double PRandomisation { get; internal init; }

    /// <summary>Variance of I under normality.</summary>
    public double VarianceNormality { get; internal init; }

    /// <summary>z-score under normality.</summary>
    public double ZNormality { get; internal init; }

    /// <summary>One-sided p-value ("greater") under normality.</summary>
    public double PNormality { get; internal init; }

    /// <summary>Number of units used in the moments (all units minus islands).</summary>
    public int N { get; internal init; }

    /// <summary>Number of islands (units without neighbours) left out of <see cref="N"/>.</summary>
    public int IslandCount { get; internal init; }

    /// <summary>Number of permutations run (0 if none).</summary>
    public int Permutations { get; internal init; }

    /// <summary>Permutation pseudo p-value <c>(1 + #{I_perm ≥ I}) / (nsim + 1)</c>; NaN without permutations.</summary>
    public double PseudoP { get; internal init; } = double.NaN;

    /// <summary>The I of every permutation, in permutation order (empty without permutations).</summary>
    public IReadOnlyList<double> PermutationValues { get; internal init; } = [];

    /// <summary>Findings (islands, …) with their numbers.</summary>
    public IReadOnlyList<string> Warnings { get; internal init; } = [];
}

/// <summary>Options for <see cref="Moran.Local(ReadOnlySpan{double}, SpatialWeights, LocalMoranOptions)"/>.</summary>
public sealed class LocalMoranOptions
{
    /// <summary>Conditional permutations per unit for a pseudo p-value (default 0 = none).</summary>
    public int Permutations { get; init; }

    /// <summary>Seed for the conditional permutations (default 42); unit i uses stream i of this seed.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Adjust the analytical p-values with Benjamini-Hochberg (false discovery rate) for <see cref="LocalMoranResult.IsSignificant"/> (default false).</summary>
    public bool FalseDiscoveryRate { get; init; }

    /// <summary>Significance level for <see cref="LocalMoranResult.IsSignificant"/> (default 0.05).</summary>
    public double SignificanceLevel { get; init; } = 0.05;
}

/// <summary>The LISA quadrant (Moran scatterplot) of a unit.</summary>
public enum LisaQuadrant
{
    /// <summary>High value, high neighbourhood (zᵢ &gt; 0, lag &gt; 0): hot spot.</summary>
    HighHigh,

    /// <summary>Low value, low neighbourhood (zᵢ ≤ 0, lag ≤ 0): cold spot.</summary>
    LowLow,

    /// <summary>High value among low neighbours (zᵢ &gt; 0, lag ≤ 0).</summary>
    HighLow,

    /// <summary>Low value among high neighbours (zᵢ ≤ 0, lag &gt; 0).</summary>
    LowHigh,

    /// <summary>No neighbours (island); no quadrant.</summary>
    Isolated,
}

/// <summary>Local Moran's Iᵢ per unit (spdep <c>localmoran</c> conventions).</summary>
public sealed class LocalMoranResult
{
    internal LocalMoranResult() { }

    /// <summary>Local Moran's Iᵢ.</summary>
    public IReadOnlyList<double> Ii { get; internal init; } = [];

    /// <summary>Conditional expectation E[Iᵢ] (evaluated on first access, with Var, Z and P).</summary>
    public IReadOnlyList<double> Expectation { get; internal init; } = [];

    /// <summary>Conditional variance Var[Iᵢ].</summary>
    public IReadOnlyList<double> Variance { get; internal init; } = [];

    /// <summary>z-score <c>(Iᵢ − E)/√Var</c> (NaN where Var = 0, e.g. islands).</summary>
    public IReadOnlyList<double> Z { get; internal init; } = [];

    /// <summary>Two-sided normal p-value (evaluated for all units on first access).</summary>
    public IReadOnlyList<double> P { get; internal init; } = [];

    /// <summary>Benjamini-Hochberg adjusted p-values, or null if not requested.</summary>
    public IReadOnlyList<double>? PAdjusted { get; internal init; }

    /// <summary>Folded conditional-permutation pseudo p-values, or null without permutations.</summary>
    public IReadOnlyList<double>? PseudoP { get; internal init; }

    /// <summary>Spatial lag of the centred values <c>Σⱼ wᵢⱼ zⱼ</c>.</summary>
    public IReadOnlyList<double> Lag { get; internal init; } = [];

    /// <summary>Quadrant of each unit.</summary>
    public IReadOnlyList<LisaQuadrant> Quadrant { get; internal init; } = [];

    /// <summary>Significance level used by <see cref="IsSignificant"/>.</summary>
    public double SignificanceLevel { get; internal init; }

    /// <summary>Findings (islands, …) with their numbers.</summary>
    public IReadOnlyList<string> Warnings { get; internal init; } = [];

    /// <summary>Whether unit i is significant: its (adjusted, if FDR was requested) p-value is below the level.</summary>
    /// <param name="i">0-based unit.</param>
    /// <returns>True if significant.</returns>
    public bool IsSignificant(int i) => (PAdjusted ?? P)[i] < SignificanceLevel;

    /// <summary>Count of units per quadrant, optionally only significant ones.</summary>
    /// <param name="significantOnly">Count only units with <see cref="IsSignificant"/>.</param>
    /// <returns>Counts indexed by <see cref="LisaQuadrant"/>.</returns>
    public IReadOnlyDictionary<LisaQuadrant, int> QuadrantCounts(bool significantOnly = false)
    {
        var d = Enum.GetValues<LisaQuadrant>().ToDictionary(q => q, _ => 0);
        for (var i = 0; i < Quadrant.Count; i++)
        {
            if (!significantOnly || IsSignificant(i))
            {
                d[Quadrant[i]]++;
            }
        }

        return d;
    }
}

/// <summary>Global and local Moran's I.</summary>
/// <remarks>
/// <para>Global (Moran 1950; Cliff &amp; Ord 1981; spdep 1.2-7 <c>moran.test</c>, <c>moran.mc</c>):
/// <c>z = x − x̄</c>, <c>I = n/S0 · Σᵢ zᵢ Σⱼ wᵢⱼ zⱼ / Σ zᵢ²</c>, <c>E[I] = −1/(n−1)</c>;
/// normality: <c>Var = (n²S1 − nS2 + 3S0²)/(S0²(n²−1)) − E²</c>; randomisation with kurtosis
/// <c>K = N Σz⁴/(Σz²)²</c>: <c>Var = [n((n²−3n+3)S1 − nS2 + 3S0²) − K((n²−n)S1 − 2nS2 + 6S0²)] / ((n−1)(n−2)(n−3)S0²) − E²</c>;
/// <c>Z = (I − E)/√Var</c>, p one-sided (greater).</para>
/// <para>Islands follow spdep <c>zero.policy = TRUE</c> with <c>adjust.n = TRUE</c>: their lag is 0, the mean and
/// Σz² use all N units, and n = N − #islands in I and its moments; a warning names the count.</para>
/// <para>Permutation test: <c>nsim</c> random permutations of the values over the units;
/// <c>pseudo-p = (1 + #{I_perm ≥ I}) / (nsim + 1)</c>. Permutations are split into fixed blocks of 32; block b
/// shuffles (Fisher-Yates, exact Lemire bounded draws) a copy of the centred values with xoshiro256** stream b of
/// the seed, so results are identical for any thread count. The cross product of a permutation is one pass over a
/// flat list of unordered neighbour pairs with coefficients <c>wᵢⱼ + wⱼᵢ</c>, on units relabelled in breadth-first
/// order for memory locality (I is invariant under relabelling); all arithmetic is in double precision. The RNG
/// differs from R's, so the pseudo-p matches spdep only in distribution.</para>
/// <para>Local (Anselin 1995; spdep <c>localmoran</c>, <c>mlvar = TRUE</c>, conditional moments after Sokal et al.
/// 1998): <c>m2 = Σz²/n</c>, <c>Iᵢ = zᵢ/m2 · Σⱼ wᵢⱼ zⱼ</c>, <c>E[Iᵢ] = −zᵢ² Wᵢ/((n−1)m2)</c>,
/// <c>Var[Iᵢ] = (zᵢ/m2)² · n/(n−2) · (Wᵢ⁽²⁾ − Wᵢ²/(n−1)) · (m2 − zᵢ²/(n−1))</c> with <c>Wᵢ = Σⱼ wᵢⱼ</c>,
/// <c>Wᵢ⁽²⁾ = Σⱼ wᵢⱼ²</c>; p two-sided normal. Quadrant from the signs of zᵢ and the lag, 0 counting as Low.
/// Conditional permutation: for unit i, |N(i)| values are drawn without replacement from the other n − 1 units;
/// folded pseudo-p = (1 + min(#{I_perm ≥ Iᵢ}, #{I_perm &lt; Iᵢ})) / (nsim + 1) (esda convention).</para>
/// <para><c>Local</c> computes Iᵢ, the lag and the quadrant; E, Var, Z and p (one erfc per unit) are computed together
/// on first access to any of them (at once with the FDR option).</para>
/// </remarks>
public static class Moran
{
    private const int BlockSize = 32;

    /// <summary>Global Moran's I with analytical moments, no permutations.</summary>
    /// <param name="values">One finite value per unit.</param>
    /// <param name="weights">Spatial weights.</param>
    /// <returns>The statistic and moments.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
    /// <exception cref="ArgumentException">Length mismatch, a non-finite value (named by index), constant values, no links, or fewer than 4 non-island units.</exception>
    public static MoranResult Global(ReadOnlySpan<double> values, SpatialWeights weights)
        => Global(values, weights, new MoranOptions());

    /// <summary>Global Moran's I with analytical moments and an optional seeded permutation test.</summary>
    /// <param name="values">One finite value per unit.</param>
    /// <param name="weights">Spatial weights.</param>
    /// <param name="options">Permutations and seed.</param>
    /// <returns>The statistic, moments and pseudo p-value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">Length mismatch, a non-finite value (named by index), constant values, no links, or fewer than 4 non-island units.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative number of permutations.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static MoranResult Global(ReadOnlySpan<double> values, SpatialWeights weights, MoranOptions options)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Permutations);
        var z = Centre(values, weights, out var zz);
        var nAll = z.Length;
        var islands = weights.Islands.Count;
        var n = (double)(nAll - islands);
        if (n < 4)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Moran's I needs at least 4 units with neighbours; there are {n}."), nameof(weights));
        }

        var s0 = weights.S0;
        if (!(s0 > 0))
        {
            throw new ArgumentException("The weights have no links (S0 = 0); Moran's I is undefined.", nameof(weights));
        }

        double z4 = 0;
        foreach (var v in z)
        {
            z4 += v * v * v * v;
        }

        var cross = CrossProduct(z, weights);
        var i = n / s0 * cross / zz;
        var e = -1.0 / (n - 1);
        var nn = n * n;
        var s02 = s0 * s0;
        var s1 = weights.S1;
        var s2 = weights.S2;
        var k = nAll * z4 / (zz * zz);
        var varN = (((nn * s1) - (n * s2) + (3 * s02)) / (s02 * (nn - 1))) - (e * e);
        var a = n * ((s1 * (nn - (3 * n) + 3)) - (n * s2) + (3 * s02));
        var b = k * ((s1 * (nn - n)) - (2 * n * s2) + (6 * s02));
        var varR = ((a - b) / ((n - 1) * (n - 2) * (n - 3) * s02)) - (e * e);
        var zR = (i - e) / Math.Sqrt(varR);
        var zN = (i - e) / Math.Sqrt(varN);

        var warnings = new List<string>();
        if (islands > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{islands} of {nAll} units have no neighbours (islands); they get a spatial lag of 0 and n = {nAll - islands} is used (spdep zero.policy = TRUE, adjust.n = TRUE)."));
        }

        var perms = Array.Empty<double>();
        var pseudo = double.NaN;
        if (options.Permutations > 0)
        {
            perms = Permute(z, weights, options, n / s0 / zz);
            var ge = 0;
            foreach (var p in perms)
            {
                if (p >= i)
                {
                    ge++;
                }
            }

            pseudo = (1.0 + ge) / (options.Permutations + 1.0);
        }

        return new MoranResult
        {
            I = i,
            Expectation = e,
            VarianceRandomisation = varR,
            ZRandomisation = zR,
            PRandomisation = Normal.UpperTail(zR),
            VarianceNormality = varN,
            ZNormality = zN,
            PNormality = Normal.UpperTail(zN),
            N = nAll - islands,
            IslandCount = islands,
            Permutations = options.Permutations,
            PseudoP = pseudo,
            PermutationValues = perms,
            Warnings = warnings,
        };
    }

    /// <summary>Local Moran's Iᵢ (LISA) with conditional moments, no permutations.</summary>
    /// <param name="values">One finite value per unit.</param>
    /// <param name="weights">Spatial weights (row-standardised as in spdep's default use).</param>
    /// <returns>Per-unit statistics and quadrants.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
    /// <exception cref="ArgumentException">Length mismatch, a non-finite value (named by index), constant values, or fewer than 3 units.</exception>
    public static LocalMoranResult Local(ReadOnlySpan<double> values, SpatialWeights weights)
        => Local(values, weights, new LocalMoranOptions());

    /// <summary>Local Moran's Iᵢ (LISA) with conditional moments, optional FDR and conditional permutations.</summary>
    /// <param name="values">One finite value per unit.</param>
    /// <param name="weights">Spatial weights.</param>
    /// <param name="options">Permutations, seed, FDR and level.</param>
    /// <returns>Per-unit statistics and quadrants.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">Length mismatch, a non-finite value (named by index), constant values, or fewer than 3 units.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative permutations or a level outside (0, 1).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static LocalMoranResult Local(ReadOnlySpan<double> values, SpatialWeights weights, LocalMoranOptions options)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Permutations);
        if (!(options.SignificanceLevel > 0 && options.SignificanceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SignificanceLevel, "SignificanceLevel must lie in (0, 1).");
        }

        var z = Centre(values, weights, out var zz);
        var count = z.Length;
        if (count < 3)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Local Moran needs at least 3 units; there are {count}."), nameof(values));
        }

        double n = count;
        var m2 = zz / n;
        var rowStart = weights.RowStart;
        var cols = weights.Columns;
        var w = weights.Values;
        var ii = new double[count];
        var lag = new double[count];
        var quad = new LisaQuadrant[count];
        var inverseM2 = 1 / m2;
        var zs = z.AsSpan(0, count);
        var start = rowStart[0];
        for (var i = 0; i < count; i++)
        {
            // One row as two spans of equal length: only the neighbour's value is bounds-checked in the inner loop.
            var end = rowStart[i + 1];
            var neighbours = cols.AsSpan(start, end - start);
            var weightsOfRow = w.AsSpan(start, neighbours.Length);
            double lz = 0;
            for (var k = 0; k < neighbours.Length; k++)
            {
                lz += weightsOfRow[k] * zs[neighbours[k]];
            }

            var zi = zs[i];
            lag[i] = lz;
            ii[i] = zi * inverseM2 * lz;
            // Without branches on the data (random signs mispredict half the time): low = zi ≤ 0, lowLag = lz ≤ 0 give
            // HighHigh 0, LowLow 1, HighLow 2, LowHigh 3 as low + 2·(low XOR lowLag).
            var low = zi > 0 ? 0 : 1;
            var lowLag = lz > 0 ? 0 : 1;
            quad[i] = end == start ? LisaQuadrant.Isolated : (LisaQuadrant)(low + ((low ^ lowLag) << 1));
            start = end;
        }

        var warnings = new List<string>();
        if (weights.Islands.Count > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{weights.Islands.Count} of {count} units have no neighbours (islands): Ii = 0, Z and p are NaN, quadrant Isolated."));
        }

        // The conditional moments, z-scores and normal p-values (one erfc per unit, the dearest part) are
        // evaluated together on first access to any of them.
        var moments = new Lazy<LocalMoments>(() => LocalMoments.Compute(z, m2, ii, weights), LazyThreadSafetyMode.PublicationOnly);
        var p = new LazyValues(count, () => moments.Value.P);
        return new LocalMoranResult
        {
            Ii = ii,
            Expectation = new LazyValues(count, () => moments.Value.Expectation),
            Variance = new LazyValues(count, () => moments.Value.Variance),
            Z = new LazyValues(count, () => moments.Value.Z),
            P = p,
            PAdjusted = options.FalseDiscoveryRate ? MultipleTesting.BenjaminiHochberg([.. p]) : null,
            PseudoP = options.Permutations > 0 ? ConditionalPermutation(z, m2, ii, weights, options) : null,
            Lag = lag,
            Quadrant = quad,
            SignificanceLevel = options.SignificanceLevel,
            Warnings = warnings,
        };
    }

    /// <summary>The conditional moments of the local Iᵢ, their z-scores and two-sided normal p-values.</summary>
    private sealed record LocalMoments(double[] Expectation, double[] Variance, double[] Z, double[] P)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static LocalMoments Compute(double[] z, double m2, double[] ii, SpatialWeights weights)
        {
            var count = z.Length;
            double n = count;
            var nm1 = n - 1;
            var factor = n / (n - 2);
            var rowStart = weights.RowStart;
            var w = weights.Values;
            var ex = new double[count];
            var va = new double[count];
            var zs = new double[count];
            var p = new double[count];
            for (var i = 0; i < count; i++)
            {
                double wi = 0, wi2 = 0;
                for (var q = rowStart[i]; q < rowStart[i + 1]; q++)
                {
                    wi += w[q];
                    wi2 += w[q] * w[q];
                }

                var zi = z[i];
                var zm = zi / m2;
                var e = -(zi * zi * wi) / (nm1 * m2);
                var v = zm * zm * factor * (wi2 - (wi * wi / nm1)) * (m2 - (zi * zi / nm1));
                var zscore = (ii[i] - e) / Math.Sqrt(v);
                ex[i] = e;
                va[i] = v;
                zs[i] = zscore;
                p[i] = Normal.TwoSidedP(zscore);
            }

            return new LocalMoments(ex, va, zs, p);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Centre(ReadOnlySpan<double> values, SpatialWeights weights, out double zz)
    {
        weights.CheckLength(values.Length, nameof(values));
        double sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Value of unit {i} is not finite ({values[i]}); remove missing units from the values and the weights first."), nameof(values));
            }

            sum += values[i];
        }

        var mean = sum / values.Length;
        var z = new double[values.Length];
        zz = 0;
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = values[i] - mean;
            zz += z[i] * z[i];
        }

        if (!(zz > 0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"All {values.Length} values are equal; Moran's I is undefined."), nameof(values));
        }

        return z;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double CrossProduct(double[] z, SpatialWeights weights)
    {
        var rowStart = weights.RowStart;
        var cols = weights.Columns;
        var w = weights.Values;
        double s = 0;
        for (var i = 0; i < z.Length; i++)
        {
            double lz = 0;
            for (var q = rowStart[i]; q < rowStart[i + 1]; q++)
            {
                lz += w[q] * z[cols[q]];
            }

            s += z[i] * lz;
        }

        return s;
    }

    /// <summary>
    /// The cross product <c>Σᵢ zᵢ Σⱼ wᵢⱼ zⱼ</c> as a flat list of unordered pairs {i, j} with coefficient
    /// <c>wᵢⱼ + wⱼᵢ</c> (a one-way link counts once with its own weight), so that every permutation is one
    /// branch-free pass over contiguous arrays instead of a row loop with variable trip counts. The units are
    /// relabelled in breadth-first order of the neighbour graph, which keeps the two values of a pair close
    /// in memory; relabelling does not change I (the statistic is invariant under a common relabelling of values
    /// and weights).
    /// </summary>
    internal sealed class PermutationKernel
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public PermutationKernel(SpatialWeights weights)
        {
            var rowStart = weights.RowStart;
            var cols = weights.Columns;
            var w = weights.Values;
            var n = weights.Count;
            Order = BreadthFirstOrder(rowStart, cols, n);
            var label = new int[n];
            for (var i = 0; i < n; i++)
            {
                label[Order[i]] = i;
            }

            // Symmetric weights have exactly one pair per two links; otherwise at most one per link (trimmed below).
            var symmetric = weights.IsSymmetric;
            var capacity = symmetric ? cols.Length / 2 : cols.Length;
            var first = new int[capacity];
            var second = new int[capacity];
            var coefficient = new double[capacity];
            var count = 0;
            for (var i = 0; i < n; i++)
            {
                var o = Order[i];
                for (var q = rowStart[o]; q < rowStart[o + 1]; q++)
                {
                    var j = cols[q];
                    var lj = label[j];
                    var back = symmetric && lj < i ? -1 : Array.BinarySearch(cols, rowStart[j], rowStart[j + 1] - rowStart[j], o);
                    var mutual = symmetric || back >= 0;
                    if (mutual && lj < i)
                    {
                        // A mutual pair is emitted once, from its lower label.
                        continue;
                    }

                    var wji = mutual ? w[back] : 0.0;
                    first[count] = i;
                    second[count] = lj;
                    coefficient[count] = w[q] + wji;
                    count++;
                }
            }

            First = count == capacity ? first : first[..count];
            Second = count == capacity ? second : second[..count];
            Coefficient = count == capacity ? coefficient : coefficient[..count];
        }

        /// <summary>Original unit of each new label.</summary>
        public int[] Order { get; }

        /// <summary>First unit (new label) of each pair.</summary>
        public int[] First { get; }

        /// <summary>Second unit (new label) of each pair.</summary>
        public int[] Second { get; }

        /// <summary><c>wᵢⱼ + wⱼᵢ</c> of each pair.</summary>
        public double[] Coefficient { get; }

        /// <summary>Σᵢ zᵢ Σⱼ wᵢⱼ zⱼ for values <paramref name="z"/> given in the new labelling.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double CrossProduct(ReadOnlySpan<double> z)
        {
            var a = First;
            var b = Second;
            var c = Coefficient;
            var m = a.Length;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            var e = 0;
            for (; e + 4 <= m; e += 4)
            {
                s0 += c[e] * z[a[e]] * z[b[e]];
                s1 += c[e + 1] * z[a[e + 1]] * z[b[e + 1]];
                s2 += c[e + 2] * z[a[e + 2]] * z[b[e + 2]];
                s3 += c[e + 3] * z[a[e + 3]] * z[b[e + 3]];
            }

            for (; e < m; e++)
            {
                s0 += c[e] * z[a[e]] * z[b[e]];
            }

            return s0 + s1 + (s2 + s3);
        }

        private static int[] BreadthFirstOrder(int[] rowStart, int[] cols, int n)
        {
            var order = new int[n];
            var seen = new bool[n];
            int head = 0, tail = 0;
            for (var s = 0; s < n; s++)
            {
                if (seen[s])
                {
                    continue;
                }

                seen[s] = true;
                order[tail++] = s;
                while (head < tail)
                {
                    var u = order[head++];
                    for (var q = rowStart[u]; q < rowStart[u + 1]; q++)
                    {
                        var v = cols[q];
                        if (!seen[v])
                        {
                            seen[v] = true;
                            order[tail++] = v;
                        }
                    }
                }
            }

            return order;
        }
    }

    private static double[] Permute(double[] z, SpatialWeights weights, MoranOptions options, double scale)
    {
        var kernel = new PermutationKernel(weights);
        var nsim = options.Permutations;
        var result = new double[nsim];
        var blocks = (nsim + BlockSize - 1) / BlockSize;
        var n = z.Length;
        var relabelled = new double[n];
        for (var i = 0; i < n; i++)
        {
            relabelled[i] = z[kernel.Order[i]];
        }

        void RunBlock(int b, double[] buffer)
        {
            Array.Copy(relabelled, buffer, n);
            var rng = new SeededRandom(options.Seed, b);
            var end = Math.Min(nsim, (b + 1) * BlockSize);
            for (var k = b * BlockSize; k < end; k++)
            {
                rng.Shuffle(buffer);
                result[k] = kernel.CrossProduct(buffer) * scale;
            }
        }

        if (options.Parallel && blocks > 1)
        {
            System.Threading.Tasks.Parallel.For(0, blocks, () => new double[n], (b, _, buffer) =>
            {
                RunBlock(b, buffer);
                return buffer;
            }, _ => { });
        }
        else
        {
            var buffer = new double[n];
            for (var b = 0; b < blocks; b++)
            {
                RunBlock(b, buffer);
            }
        }

        return result;
    }

    private static double[] ConditionalPermutation(double[] z, double m2, double[] ii, SpatialWeights weights, LocalMoranOptions options)
    {
        var n = z.Length;
        var nsim = options.Permutations;
        var rowStart = weights.RowStart;
        var w = weights.Values;
        var pseudo = new double[n];
        System.Threading.Tasks.Parallel.For(0, n, () => new HashSet<int>(), (i, _, drawn) =>
        {
            var k = rowStart[i + 1] - rowStart[i];
            if (k == 0)
            {
                pseudo[i] = double.NaN;
                return drawn;
            }

            var rng = new SeededRandom(options.Seed, i);
            var zi = z[i] / m2;
            var larger = 0;
            for (var s = 0; s < nsim; s++)
            {
                // k distinct units ≠ i, uniformly: rejection sampling (k ≪ n).
                drawn.Clear();
                double lz = 0;
                var q = rowStart[i];
                while (drawn.Count < k)
                {
                    var j = rng.NextInt(n - 1);
                    if (j >= i)
                    {
                        j++;
                    }

                    if (drawn.Add(j))
                    {
                        lz += w[q++] * z[j];
                    }
                }

                if (zi * lz >= ii[i])
                {
                    larger++;
                }
            }

            larger = Math.Min(larger, nsim - larger);
            pseudo[i] = (1.0 + larger) / (nsim + 1.0);
            return drawn;
        }, _ => { });

        return pseudo;
    }
}
