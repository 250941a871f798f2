namespace GeoPrevention.Analytics.Indicators;

/// <summary>Why a rate has no value.</summary>
public enum RateStatus
{
    /// <summary>The rate has a value.</summary>
    Ok,

    /// <summary>Numerator or denominator is missing.</summary>
    Missing,

    /// <summary>Numerator or denominator was suppressed at source.</summary>
    SuppressedAtSource,

    /// <summary>The denominator is zero (or negative), or the numerator negative.</summary>
    Undefined,

    /// <summary>A roll-up parent with at least one child without value.</summary>
    Incomplete,
}

/// <summary>Whether a rate is reliable enough to be shown without a warning.</summary>
public enum Reliability
{
    /// <summary>Reliable.</summary>
    Reliable,

    /// <summary>The denominator is below <see cref="IndicatorDefinition.MinimumDenominator"/>.</summary>
    SmallDenominator,

    /// <summary>The relative standard error exceeds <see cref="IndicatorDefinition.MaxRelativeStandardError"/>.</summary>
    HighRelativeError,

    /// <summary>No value to judge.</summary>
    NotApplicable,
}

/// <summary>A rate with its 95 % confidence interval (all on the indicator scale, e.g. per cent).</summary>
/// <param name="Numerator">The numerator count (NaN when missing).</param>
/// <param name="Denominator">The denominator (NaN when missing).</param>
/// <param name="Value">numerator / denominator × scale, or NaN.</param>
/// <param name="Lower">Lower 95 % bound, or NaN.</param>
/// <param name="Upper">Upper 95 % bound, or NaN.</param>
/// <param name="Status">Why there is (no) value.</param>
/// <param name="Reliability">The reliability flag.</param>
public readonly record struct RateEstimate(double Numerator, double Denominator, double Value, double Lower, double Upper, RateStatus Status, Reliability Reliability)
{
    /// <summary>Whether the estimate has a value and is reliable.</summary>
    public bool IsReliable => Status == RateStatus.Ok && Reliability == Reliability.Reliable;
}

/// <summary>Rates with confidence intervals and reliability flags from numerator and denominator arrays.</summary>
/// <remarks>
/// <para>Confidence intervals (95 %, z = 1.959964):</para>
/// <list type="bullet">
/// <item>Shares (<see cref="RateKind.Share"/>): Wilson score interval without continuity correction,
/// p̂ = x/n, centre (x + z²/2)/(n + z²), half-width z/(n + z²)·√(x(n − x)/n + z²/4) (Wilson 1927; R
/// <c>prop.test(x, n, correct = FALSE)$conf.int</c>).</item>
/// <item>Rates (<see cref="RateKind.Rate"/>): exact Poisson (Garwood 1936) for the count x: lower
/// χ²(0.025; 2x)/2 (0 for x = 0), upper χ²(0.975; 2x + 2)/2, divided by n and multiplied by the scale
/// (R <c>qchisq</c>; <c>poisson.test(x, n)$conf.int</c>).</item>
/// </list>
/// <para>Reliability, in this order: denominator below <see cref="IndicatorDefinition.MinimumDenominator"/> →
/// <see cref="Reliability.SmallDenominator"/>; else, for x &gt; 0, relative standard error RSE = (upper − lower) /
/// (2 · 1.96 · value) above <see cref="IndicatorDefinition.MaxRelativeStandardError"/> (default 0.3, the NCHS
/// 30 % rule) → <see cref="Reliability.HighRelativeError"/>. A zero rate is judged by the denominator only.</para>
/// </remarks>
public static class RateCalculator
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Computes one estimate per element.</summary>
    /// <param name="numerators">Numerator counts; NaN for missing.</param>
    /// <param name="denominators">Denominators; NaN for missing.</param>
    /// <param name="definition">Scale, kind and reliability settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static RateEstimate[] Compute(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators, IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (numerators.Length != denominators.Length)
        {
            throw new ArgumentException($"{numerators.Length} numerators but {denominators.Length} denominators.", nameof(denominators));
        }

        var result = new RateEstimate[numerators.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Compute(numerators[i], denominators[i], definition);
        }

        return result;
    }

    /// <summary>Computes one estimate.</summary>
    /// <param name="numerator">The numerator count; NaN for missing.</param>
    /// <param name="denominator">The denominator; NaN for missing.</param>
    /// <param name="definition">Scale, kind and reliability settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static RateEstimate Compute(double numerator, double denominator, IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (double.IsNaN(numerator) || double.IsNaN(denominator))
        {
            return new RateEstimate(numerator, denominator, double.NaN, double.NaN, double.NaN, RateStatus.Missing, Reliability.NotApplicable);
        }

        if (denominator <= 0 || numerator < 0 || (definition.Kind == RateKind.Share && numerator > denominator))
        {
            return new RateEstimate(numerator, denominator, double.NaN, double.NaN, double.NaN, RateStatus.Undefined, Reliability.NotApplicable);
        }

        var scale = definition.Scale;
        var value = numerator / denominator * scale;
        var (lo, hi) = definition.Kind == RateKind.Share ? Wilson(numerator, denominator) : PoissonExact(numerator);
        double lower, upper;
        if (definition.Kind == RateKind.Share)
        {
            (lower, upper) = (lo * scale, hi * scale);
        }
        else
        {
            (lower, upper) = (lo / denominator * scale, hi / denominator * scale);
        }

        var reliability = Reliability.Reliable;
        if (denominator < definition.MinimumDenominator)
        {
            reliability = Reliability.SmallDenominator;
        }
        else if (numerator > 0 && definition.MaxRelativeStandardError > 0 && (upper - lower) / (2 * Z95 * value) > definition.MaxRelativeStandardError)
        {
            reliability = Reliability.HighRelativeError;
        }

        return new RateEstimate(numerator, denominator, value, lower, upper, RateStatus.Ok, reliability);
    }

    /// <summary>The Wilson score 95 % interval for a share x/n (as proportions 0–1).</summary>
    /// <param name="x">Successes, 0 ≤ x ≤ n.</param>
    /// <param name="n">Trials, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">n ≤ 0 or x outside [0, n].</exception>
    public static (double Lower, double Upper) Wilson(double x, double n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        if (x < 0 || x > n)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"x must lie in [0, {n}].");
        }

        const double z2 = Z95 * Z95;
        var centre = (x + (z2 / 2)) / (n + z2);
        var half = Z95 / (n + z2) * Math.Sqrt((x * (n - x) / n) + (z2 / 4));
        // The bounds are exactly 0 for x = 0 and 1 for x = n (rounding would give ±1e-17).
        return (x == 0 ? 0 : Math.Max(0, centre - half), x == n ? 1 : Math.Min(1, centre + half));
    }

    /// <summary>The exact (Garwood) 95 % interval for a Poisson count x (on the count scale).</summary>
    /// <param name="x">The observed count, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">x &lt; 0.</exception>
    public static (double Lower, double Upper) PoissonExact(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        var lower = x == 0 ? 0 : SpecialFunctions.ChiSquareQuantile(0.025, 2 * x) / 2;
        var upper = SpecialFunctions.ChiSquareQuantile(0.975, (2 * x) + 2) / 2;
        return (lower, upper);
    }
}
