using System.Runtime.CompilerServices;

namespace GeoPrevention.Analytics.Statistics;

/// <summary>Standard normal tail probabilities (own implementation, absolute error below 1e−14).</summary>
/// <remarks>
/// <c>erfc</c> is evaluated with the positive-term series <c>erf(x) = 2/√π · e^(−x²) · Σ 2ⁿx^(2n+1)/(1·3·…·(2n+1))</c>
/// for <c>x &lt; 2.5</c> and with the Laplace continued fraction
/// <c>erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …))))</c> beyond.
/// </remarks>
public static class Normal
{
    private const double InvSqrtPi = 0.56418958354775628695;

    /// <summary>Upper tail <c>P(Z &gt; z)</c> (R <c>pnorm(z, lower.tail = FALSE)</c>).</summary>
    /// <param name="z">The z-score.</param>
    /// <returns>The probability (NaN for NaN).</returns>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2.0));

    /// <summary>Two-sided p-value <c>2·P(Z &gt; |z|)</c>.</summary>
    /// <param name="z">The z-score.</param>
    /// <returns>The p-value (NaN for NaN).</returns>
    public static double TwoSidedP(double z) => Erfc(Math.Abs(z) / Math.Sqrt(2.0));

    /// <summary>Complementary error function.</summary>
    /// <param name="x">The argument.</param>
    /// <returns><c>erfc(x)</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return 2.0 - Erfc(-x);
        }

        if (x < 2.5)
        {
            var x2 = x * x;
            var term = x;
            var sum = x;
            for (var n = 1; n < 200; n++)
            {
                term *= 2.0 * x2 / ((2 * n) + 1);
                sum += term;
                if (term < sum * 1e-17)
                {
                    break;
                }
            }

            return 1.0 - (2.0 * InvSqrtPi * Math.Exp(-x2) * sum);
        }

        if (x > 27)
        {
            return 0.0;
        }

        // Backward evaluation of the continued fraction; 80 terms are far beyond convergence for x ≥ 2.5.
        var f = x;
        for (var k = 80; k >= 1; k--)
        {
            f = x + (k / 2.0 / f);
        }

        return Math.Exp(-x * x) * InvSqrtPi / f;
    }
}

/// <summary>Multiple-testing corrections.</summary>
public static class MultipleTesting
{
    /// <summary>
    /// Benjamini-Hochberg adjusted p-values (false discovery rate; R <c>p.adjust(p, "BH")</c>):
    /// <c>q₍ᵢ₎ = min_{j ≥ i} min(1, m·p₍ⱼ₎/j)</c> over the m finite p-values sorted ascending. NaN stays NaN and is not counted in m.
    /// </summary>
    /// <param name="p">The p-values.</param>
    /// <returns>Adjusted p-values in input order.</returns>
    public static double[] BenjaminiHochberg(ReadOnlySpan<double> p)
    {
        var result = new double[p.Length];
        var idx = new List<int>(p.Length);
        for (var i = 0; i < p.Length; i++)
        {
            if (double.IsNaN(p[i]))
            {
                result[i] = double.NaN;
            }
            else
            {
                idx.Add(i);
            }
        }

        var pv = p.ToArray();
        idx.Sort((a, b) => pv[a].CompareTo(pv[b]));
        var m = idx.Count;
        var running = 1.0;
        for (var r = m - 1; r >= 0; r--)
        {
            var q = Math.Min(1.0, pv[idx[r]] * m / (r + 1));
            running = Math.Min(running, q);
            result[idx[r]] = running;
        }

        return result;
    }
}
