using System.Globalization;

namespace GeoPrevention.Analytics.Statistics;

/// <summary>Getis-Ord Gi* hot-spot statistic per unit.</summary>
public sealed class GiStarResult
{
    internal GiStarResult(double[] z, double[] p)
    {
        Z = z;
        P = p;
    }

    /// <summary>Gi* as a z-score (positive: hot spot, negative: cold spot).</summary>
    public IReadOnlyList<double> Z { get; }

    /// <summary>Two-sided normal p-value of <see cref="Z"/>.</summary>
    public IReadOnlyList<double> P { get; }
}

/// <summary>Getis-Ord local statistics.</summary>
/// <remarks>
/// Gi* with self-inclusion (Getis &amp; Ord 1992; Ord &amp; Getis 1995, eq. 14; spdep <c>localG</c> on
/// <c>include.self</c> weights; ArcGIS "Hot Spot Analysis"): with <c>w*ᵢⱼ = 1</c> for j ∈ N(i) ∪ {i},
/// <c>Wᵢ = Σⱼ w*ᵢⱼ</c>, <c>S1ᵢ = Σⱼ w*ᵢⱼ²</c>, <c>x̄ = Σx/n</c>, <c>s = √(Σx²/n − x̄²)</c>:
/// <c>Gᵢ* = (Σⱼ w*ᵢⱼ xⱼ − x̄ Wᵢ) / (s √((n S1ᵢ − Wᵢ²)/(n − 1)))</c>. The neighbour structure of the given
/// weights is used in binary form; the statistic is invariant to scaling a row, so row-standardising after
/// self-inclusion gives the same z. An island has only itself: <c>Gᵢ* = (xᵢ − x̄)/s</c>. A unit whose star holds all n units has
/// a zero denominator and gets NaN.
/// </remarks>
public static class GetisOrd
{
    /// <summary>Computes Gi* z-scores for every unit.</summary>
    /// <param name="values">One finite value per unit.</param>
    /// <param name="weights">Neighbour structure (its weights' scale is irrelevant, see remarks).</param>
    /// <returns>z-scores and two-sided p-values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
    /// <exception cref="ArgumentException">Length mismatch, a non-finite value (named by index), fewer than 2 units, or all values equal.</exception>
    public static GiStarResult GiStar(ReadOnlySpan<double> values, SpatialWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        weights.CheckLength(values.Length, nameof(values));
        var n = values.Length;
        if (n < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Gi* needs at least 2 units; there are {n}."), nameof(values));
        }

        double sum = 0, sum2 = 0;
        for (var i = 0; i < n; i++)
        {
            var v = values[i];
            if (!double.IsFinite(v))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Value of unit {i} is not finite ({v})."), nameof(values));
            }

            sum += v;
            sum2 += v * v;
        }

        var mean = sum / n;
        var s = Math.Sqrt((sum2 / n) - (mean * mean));
        if (!(s > 0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"All {n} values are equal; Gi* is undefined."), nameof(values));
        }

        var rowStart = weights.RowStart;
        var cols = weights.Columns;
        var z = new double[n];
        var p = new double[n];
        for (var i = 0; i < n; i++)
        {
            var local = values[i];
            for (var q = rowStart[i]; q < rowStart[i + 1]; q++)
            {
                local += values[cols[q]];
            }

            double wi = rowStart[i + 1] - rowStart[i] + 1;
            var denom = s * Math.Sqrt(((n * wi) - (wi * wi)) / (n - 1));
            z[i] = (local - (mean * wi)) / denom;
            p[i] = Normal.TwoSidedP(z[i]);
        }

        return new GiStarResult(z, p);
    }
}
