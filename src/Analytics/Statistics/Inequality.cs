using System.Globalization;

namespace GeoPrevention.Analytics.Statistics;

/// <summary>A one-level Theil T decomposition: total = between + within.</summary>
public sealed class TheilDecomposition
{
    internal TheilDecomposition(double total, double between, double within, IReadOnlyDictionary<int, double> groupTheil, IReadOnlyDictionary<int, double> groupShare, IReadOnlyDictionary<int, double> groupMean)
    {
        Total = total;
        Between = between;
        Within = within;
        GroupTheil = groupTheil;
        GroupShare = groupShare;
        GroupMean = groupMean;
    }

    /// <summary>Theil T of all units.</summary>
    public double Total { get; }

    /// <summary>Between-group component <c>Σ_g s_g ln(μ_g/μ)</c>.</summary>
    public double Between { get; }

    /// <summary>Within-group component <c>Σ_g s_g T_g</c>.</summary>
    public double Within { get; }

    /// <summary>Theil T inside each group.</summary>
    public IReadOnlyDictionary<int, double> GroupTheil { get; }

    /// <summary>Share <c>s_g</c> of each group in the total amount Σ pᵢxᵢ.</summary>
    public IReadOnlyDictionary<int, double> GroupShare { get; }

    /// <summary>Weighted mean <c>μ_g</c> of each group.</summary>
    public IReadOnlyDictionary<int, double> GroupMean { get; }
}

/// <summary>A nested Theil T decomposition along a hierarchy (e.g. Sozialraum → Gemeinde → Kreis).</summary>
public sealed class TheilHierarchy
{
    internal TheilHierarchy(double total, double within, double[] between)
    {
        Total = total;
        WithinFinest = within;
        Between = between;
    }

    /// <summary>Theil T of all units.</summary>
    public double Total { get; }

    /// <summary>Inequality inside the groups of the finest level (level 0), <c>Σ_g s_g T_g</c>.</summary>
    public double WithinFinest { get; }

    /// <summary>
    /// <c>Between[l]</c>: inequality between the groups of level l inside their parent groups of level l + 1
    /// (for the coarsest level: between its groups relative to the overall mean). Total = WithinFinest + Σ Between.
    /// </summary>
    public IReadOnlyList<double> Between { get; }
}

/// <summary>
/// Inequality measures across districts: Gini, Theil T with decompositions, coefficient of variation and
/// ratios. Values are non-negative rates or amounts per unit; optional weights are populations.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Gini (no small-sample correction, as R <c>ineq::Gini(corr = FALSE)</c>):
/// <c>G = Σᵢ Σⱼ pᵢpⱼ|xᵢ − xⱼ| / (2 P² μ)</c>, <c>P = Σp</c>, <c>μ = Σpx/P</c>; unweighted with pᵢ = 1.
/// Computed in O(n log n) from the sorted values.</item>
/// <item>Theil T (Theil 1967): <c>T = Σᵢ (pᵢ/P)(xᵢ/μ) ln(xᵢ/μ)</c>, with <c>0·ln 0 = 0</c>. With groups g,
/// <c>s_g = Σ_{i∈g} pᵢxᵢ / Σ pᵢxᵢ</c>: <c>T = Σ_g s_g T_g + Σ_g s_g ln(μ_g/μ)</c> (within + between,
/// Shorrocks 1980).</item>
/// <item>Coefficient of variation: unweighted <c>sd/mean</c> with the sample SD (n − 1, R <c>sd</c>); weighted
/// <c>√(Σp(x − μ)²/P)/μ</c>.</item>
/// <item>Max/min ratio and P80/P20 ratio with type-7 quantiles; +∞ when the denominator is 0.</item>
/// </list>
/// Negative or non-finite values, non-positive weights, or a zero mean are caller errors (ArgumentException naming
/// the index or the reason).
/// </remarks>
public static class Inequality
{
    /// <summary>Unweighted Gini coefficient.</summary>
    /// <param name="values">Non-negative finite values, not all zero.</param>
    /// <returns>G in [0, 1).</returns>
    /// <exception cref="ArgumentException">Empty, negative or non-finite values, or all zero.</exception>
    public static double Gini(ReadOnlySpan<double> values) => GiniCore(values, null);

    /// <summary>Population-weighted Gini coefficient.</summary>
    /// <param name="values">Non-negative finite values (e.g. rates), not all zero.</param>
    /// <param name="weights">Positive weights (e.g. population), same length.</param>
    /// <returns>G in [0, 1).</returns>
    /// <exception cref="ArgumentException">Length mismatch, empty, negative/non-finite values, non-positive weights, or all values zero.</exception>
    public static double Gini(ReadOnlySpan<double> values, ReadOnlySpan<double> weights) => GiniCore(values, weights.ToArray());

    /// <summary>Unweighted Theil T index.</summary>
    /// <param name="values">Non-negative finite values, not all zero.</param>
    /// <returns>T in [0, ln n].</returns>
    /// <exception cref="ArgumentException">Empty, negative or non-finite values, or all zero.</exception>
    public static double TheilT(ReadOnlySpan<double> values)
        => TheilDecompose(values, Ones(values.Length), new int[values.Length]).Total;

    /// <summary>Population-weighted Theil T index.</summary>
    /// <param name="values">Non-negative finite values.</param>
    /// <param name="weights">Positive weights, same length.</param>
    /// <returns>T.</returns>
    /// <exception cref="ArgumentException">Length mismatch or invalid values/weights.</exception>
    public static double TheilT(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
        => TheilDecompose(values, weights, new int[values.Length]).Total;

    /// <summary>Theil T decomposed into between and within a grouping (e.g. the Gemeinde of each Sozialraum).</summary>
    /// <param name="values">Non-negative finite values.</param>
    /// <param name="weights">Positive weights (population), same length.</param>
    /// <param name="groups">Group of each unit.</param>
    /// <returns>The decomposition.</returns>
    /// <exception cref="ArgumentException">Length mismatch or invalid values/weights.</exception>
    public static TheilDecomposition TheilDecompose(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, ReadOnlySpan<int> groups)
    {
        Check(values, weights, groups.Length);
        var total = Amount(values, weights, out var totalWeight);
        var mu = total / totalWeight;
        var gW = new Dictionary<int, double>();
        var gA = new Dictionary<int, double>();
        for (var i = 0; i < values.Length; i++)
        {
            gW[groups[i]] = gW.GetValueOrDefault(groups[i]) + weights[i];
            gA[groups[i]] = gA.GetValueOrDefault(groups[i]) + (weights[i] * values[i]);
        }

        var gT = new Dictionary<int, double>();
        var gMean = new Dictionary<int, double>();
        var gShare = new Dictionary<int, double>();
        foreach (var g in gW.Keys)
        {
            gMean[g] = gA[g] / gW[g];
            gShare[g] = gA[g] / total;
            gT[g] = 0;
        }

        double t = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] > 0)
            {
                var g = groups[i];
                t += weights[i] * values[i] / total * Math.Log(values[i] / mu);
                gT[g] += weights[i] * values[i] / gA[g] * Math.Log(values[i] / gMean[g]);
            }
        }

        double between = 0, within = 0;
        foreach (var g in gW.Keys)
        {
            if (gA[g] > 0)
            {
                between += gShare[g] * Math.Log(gMean[g] / mu);
                within += gShare[g] * gT[g];
            }
        }

        return new TheilDecomposition(t, between, within, gT, gShare, gMean);
    }

    /// <summary>Theil T decomposition with string group keys (e.g. AGS of the Gemeinde).</summary>
    /// <param name="values">Non-negative finite values.</param>
    /// <param name="weights">Positive weights, same length.</param>
    /// <param name="groups">Group key of each unit (ordinal comparison).</param>
    /// <param name="keys">Receives the key of each group number used in the result dictionaries (first-seen order).</param>
    /// <returns>The decomposition (group numbers index <paramref name="keys"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> or one of its keys is null.</exception>
    /// <exception cref="ArgumentException">Length mismatch or invalid values/weights.</exception>
    public static TheilDecomposition TheilDecompose(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, IReadOnlyList<string> groups, out IReadOnlyList<string> keys)
    {
        var codes = Encode(groups, out var k);
        keys = k;
        return TheilDecompose(values, weights, codes);
    }

    /// <summary>
    /// Nested Theil T decomposition along a hierarchy: <paramref name="levels"/>[0] is the finest grouping (e.g. the
    /// Gemeinde of each Sozialraum), each further level coarser (e.g. the Kreis); every group must lie inside one
    /// group of the next level.
    /// </summary>
    /// <param name="values">Non-negative finite values per unit.</param>
    /// <param name="weights">Positive weights per unit.</param>
    /// <param name="levels">Group of each unit, per level (finest first).</param>
    /// <returns>Within-finest and between components per level; they sum to the total.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="levels"/> or a level is null.</exception>
    /// <exception cref="ArgumentException">No level, length mismatch, invalid values, or a group that is split across parent groups (named).</exception>
    public static TheilHierarchy TheilHierarchy(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, IReadOnlyList<int[]> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count == 0)
        {
            throw new ArgumentException("At least one grouping level is needed.", nameof(levels));
        }

        for (var l = 0; l < levels.Count; l++)
        {
            ArgumentNullException.ThrowIfNull(levels[l], $"{nameof(levels)}[{l}]");
            Check(values, weights, levels[l].Length);
            if (l > 0)
            {
                var parent = new Dictionary<int, int>();
                for (var i = 0; i < values.Length; i++)
                {
                    if (parent.TryGetValue(levels[l - 1][i], out var p) && p != levels[l][i])
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                            $"Group {levels[l - 1][i]} of level {l - 1} lies in groups {p} and {levels[l][i]} of level {l} (unit {i}); levels must nest."), nameof(levels));
                    }

                    parent[levels[l - 1][i]] = levels[l][i];
                }
            }
        }

        // T = W_0 + Σ_l B_l with B_l = within(level l+1) − within(level l)… expressed through one-level decompositions:
        // within_l = Σ_g s_g T_g for grouping l; B_l = within_{l+1} − within_l, within_{L} (no grouping) = T.
        var within = new double[levels.Count];
        double total = 0;
        for (var l = 0; l < levels.Count; l++)
        {
            var d = TheilDecompose(values, weights, levels[l]);
            within[l] = d.Within;
            total = d.Total;
        }

        var between = new double[levels.Count];
        for (var l = 0; l < levels.Count; l++)
        {
            between[l] = (l + 1 < levels.Count ? within[l + 1] : total) - within[l];
        }

        return new TheilHierarchy(total, within[0], between);
    }

    /// <summary>Coefficient of variation <c>sd/mean</c> with the sample SD (n − 1).</summary>
    /// <param name="values">Finite values, at least two, non-zero mean.</param>
    /// <returns>CV.</returns>
    /// <exception cref="ArgumentException">Fewer than two values, a non-finite value, or a zero mean.</exception>
    public static double CoefficientOfVariation(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The coefficient of variation needs at least 2 values; there are {values.Length}."), nameof(values));
        }

        CheckFinite(values, allowNegative: true);
        var mean = Descriptive.Mean(values);
        if (mean == 0)
        {
            throw new ArgumentException("The mean is 0; the coefficient of variation is undefined.", nameof(values));
        }

        return Descriptive.SampleStandardDeviation(values) / mean;
    }

    /// <summary>Population-weighted coefficient of variation <c>√(Σp(x − μ)²/P)/μ</c>.</summary>
    /// <param name="values">Non-negative finite values.</param>
    /// <param name="weights">Positive weights.</param>
    /// <returns>CV.</returns>
    /// <exception cref="ArgumentException">Length mismatch or invalid values/weights, or a zero mean.</exception>
    public static double CoefficientOfVariation(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        Check(values, weights, values.Length);
        var total = Amount(values, weights, out var p);
        var mu = total / p;
        double ss = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var d = values[i] - mu;
            ss += weights[i] * d * d;
        }

        return Math.Sqrt(ss / p) / mu;
    }

    /// <summary>Ratio of the largest to the smallest value (+∞ if the smallest is 0).</summary>
    /// <param name="values">Non-negative finite values, not all zero.</param>
    /// <returns>max/min.</returns>
    /// <exception cref="ArgumentException">Empty, negative or non-finite values.</exception>
    public static double MaxMinRatio(ReadOnlySpan<double> values)
    {
        CheckFinite(values, allowNegative: false);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return min == 0 ? double.PositiveInfinity : max / min;
    }

    /// <summary>Ratio of the 80th to the 20th percentile (type 7; +∞ if P20 is 0).</summary>
    /// <param name="values">Non-negative finite values.</param>
    /// <returns>P80/P20.</returns>
    /// <exception cref="ArgumentException">Empty, negative or non-finite values.</exception>
    public static double P80P20Ratio(ReadOnlySpan<double> values)
    {
        CheckFinite(values, allowNegative: false);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var p20 = Descriptive.QuantileSorted(sorted, 0.2);
        var p80 = Descriptive.QuantileSorted(sorted, 0.8);
        return p20 == 0 ? double.PositiveInfinity : p80 / p20;
    }

    private static double GiniCore(ReadOnlySpan<double> values, double[]? weights)
    {
        var w = weights ?? Ones(values.Length);
        Check(values, w, values.Length);
        var total = Amount(values, w, out var p);
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = values.ToArray();
        Array.Sort(keys, order);
        double wBefore = 0, aBefore = 0, pairs = 0;
        for (var r = 0; r < order.Length; r++)
        {
            var i = order[r];
            var x = keys[r];
            pairs += w[i] * ((x * wBefore) - aBefore);
            wBefore += w[i];
            aBefore += w[i] * x;
        }

        // Σ_i Σ_j pᵢpⱼ|xᵢ−xⱼ| = 2·pairs; G = 2·pairs / (2 P² μ) = pairs / (P · total).
        return pairs / (p * total);
    }

    private static double[] Ones(int n)
    {
        var a = new double[n];
        Array.Fill(a, 1.0);
        return a;
    }

    private static int[] Encode(IReadOnlyList<string> groups, out IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<string>();
        var codes = new int[groups.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            var g = groups[i] ?? throw new ArgumentNullException(nameof(groups), string.Create(CultureInfo.InvariantCulture, $"The group key of unit {i} is null."));
            if (!map.TryGetValue(g, out var c))
            {
                c = list.Count;
                map[g] = c;
                list.Add(g);
            }

            codes[i] = c;
        }

        keys = list;
        return codes;
    }

    private static double Amount(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, out double totalWeight)
    {
        double a = 0, p = 0;
        for (var i = 0; i < values.Length; i++)
        {
            a += weights[i] * values[i];
            p += weights[i];
        }

        if (!(a > 0))
        {
            throw new ArgumentException("All values are 0; the measure is undefined for a zero mean.", nameof(values));
        }

        totalWeight = p;
        return a;
    }

    private static void Check(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, int groupLength)
    {
        CheckFinite(values, allowNegative: false);
        if (weights.Length != values.Length || groupLength != values.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Lengths differ: {values.Length} values, {weights.Length} weights, {groupLength} group entries."), nameof(weights));
        }

        for (var i = 0; i < weights.Length; i++)
        {
            if (!(weights[i] > 0) || !double.IsFinite(weights[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Weight of unit {i} must be positive and finite ({weights[i]})."), nameof(weights));
            }
        }
    }

    private static void CheckFinite(ReadOnlySpan<double> values, bool allowNegative)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("No values given.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Value of unit {i} is not finite ({values[i]}); exclude missing units first."), nameof(values));
            }

            if (!allowNegative && values[i] < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Value of unit {i} is negative ({values[i]}); inequality measures need non-negative values."), nameof(values));
            }
        }
    }
}
