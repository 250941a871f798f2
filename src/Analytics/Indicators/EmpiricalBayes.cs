namespace GeoPrevention.Analytics.Indicators;

/// <summary>Result of <see cref="EmpiricalBayes.Global(ReadOnlySpan{double}, ReadOnlySpan{double})"/> (rates as proportions, not scaled).</summary>
/// <param name="Raw">Raw rates e/x.</param>
/// <param name="Estimates">Smoothed rates.</param>
/// <param name="PriorVariance">The method-of-moments prior variance a (set to 0 when negative).</param>
/// <param name="PriorMean">The prior mean b = Σe / Σx.</param>
public sealed record EmpiricalBayesResult(double[] Raw, double[] Estimates, double PriorVariance, double PriorMean);

/// <summary>Global Empirical Bayes smoothing of rates (Poisson–gamma, method of moments).</summary>
/// <remarks>
/// Same formula as R spdep <c>EBest(n, x, family = "poisson")</c> (Marshall 1991, "Mapping disease and mortality
/// rates using empirical Bayes estimators", Applied Statistics 40:283–294; Bailey &amp; Gatrell 1995, p. 303):
/// with events eᵢ, populations xᵢ, m areas, raw rates pᵢ = eᵢ/xᵢ:
/// <code>
/// b  = Σe / Σx
/// s² = Σ xᵢ (pᵢ − b)² / Σx
/// a  = s² − b / (Σx / m),  a := 0 if a &lt; 0
/// EBᵢ = b + a (pᵢ − b) / (a + b / xᵢ)
/// </code>
/// Checked against spdep 1.2.7 in the tests. Multiply by the indicator scale (100, 1,000) for display.
/// </remarks>
public static class EmpiricalBayes
{
    /// <summary>Computes global EB estimates.</summary>
    /// <param name="events">Event counts eᵢ ≥ 0 (no NaN).</param>
    /// <param name="population">Populations at risk xᵢ &gt; 0 (no NaN).</param>
    /// <exception cref="ArgumentException">Lengths differ, the input is empty, contains NaN, a negative count or a non-positive population (the message names the index).</exception>
    public static EmpiricalBayesResult Global(ReadOnlySpan<double> events, ReadOnlySpan<double> population)
    {
        if (events.Length != population.Length)
        {
            throw new ArgumentException($"{events.Length} event counts but {population.Length} populations.", nameof(population));
        }

        if (events.Length == 0)
        {
            throw new ArgumentException("At least one area is required.", nameof(events));
        }

        double eSum = 0, xSum = 0;
        for (var i = 0; i < events.Length; i++)
        {
            if (double.IsNaN(events[i]) || events[i] < 0)
            {
                throw new ArgumentException($"Event count at index {i} is {events[i]}; EB needs counts ≥ 0 (filter missing and suppressed values first).", nameof(events));
            }

            if (double.IsNaN(population[i]) || population[i] < double.Epsilon)
            {
                throw new ArgumentException($"Population at index {i} is {population[i]}; EB needs populations > 0.", nameof(population));
            }

            eSum += events[i];
            xSum += population[i];
        }

        var m = events.Length;
        var b = eSum / xSum;
        var raw = new double[m];
        double s2 = 0;
        for (var i = 0; i < m; i++)
        {
            raw[i] = events[i] / population[i];
            var d = raw[i] - b;
            s2 += population[i] * (d * d / xSum);
        }

        var a = s2 - (b / (xSum / m));
        if (a < 0)
        {
            a = 0;
        }

        var est = new double[m];
        for (var i = 0; i < m; i++)
        {
            // With a = 0 every estimate is b; spdep gives NaN when additionally b = 0 (all counts zero), we give 0.
            est[i] = a == 0 ? b : b + (a * (raw[i] - b) / (a + (b / population[i])));
        }

        return new EmpiricalBayesResult(raw, est, a, b);
    }
}
