namespace GeoPrevention.Analytics.Statistics;

/// <summary>Small descriptive statistics shared by the classifiers and inequality measures.</summary>
public static class Descriptive
{
    /// <summary>
    /// Sample quantile of sorted values with R's type 7 definition (linear interpolation between order
    /// statistics; R's default, numpy <c>linear</c>): <c>h = (n − 1)·p</c>, <c>Q = (1 − f)·x₍⌊h⌋₎ + f·x₍⌈h⌉₎</c>, <c>f = h − ⌊h⌋</c>.
    /// </summary>
    /// <param name="sorted">Values sorted ascending, all finite, at least one.</param>
    /// <param name="probability">p in [0, 1].</param>
    /// <returns>The quantile.</returns>
    /// <exception cref="ArgumentException"><paramref name="sorted"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1] or NaN.</exception>
    public static double QuantileSorted(ReadOnlySpan<double> sorted, double probability)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("At least one value is needed for a quantile.", nameof(sorted));
        }

        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must lie in [0, 1].");
        }

        var index = (sorted.Length - 1) * probability;
        var lo = (int)Math.Floor(index);
        return InterpolateTypeSeven(index, sorted[lo], sorted[(int)Math.Ceiling(index)]);
    }

    /// <summary>The type-7 interpolation between the order statistics at ⌊h⌋ and ⌈h⌉ for <c>h = (n − 1)·p</c>.</summary>
    internal static double InterpolateTypeSeven(double index, double atFloor, double atCeiling)
    {
        var lo = Math.Floor(index);
        var h = index - lo;
        return index > lo && atCeiling != atFloor ? ((1 - h) * atFloor) + (h * atCeiling) : atFloor;
    }

    /// <summary>Arithmetic mean (NaN for no values).</summary>
    /// <param name="values">The values.</param>
    /// <returns>Σx / n.</returns>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        double s = 0;
        foreach (var v in values)
        {
            s += v;
        }

        return s / values.Length;
    }

    /// <summary>Sample standard deviation with divisor <c>n − 1</c> (R <c>sd</c>); NaN for fewer than two values.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The sample SD.</returns>
    public static double SampleStandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        var mean = Mean(values);
        double ss = 0;
        foreach (var v in values)
        {
            var d = v - mean;
            ss += d * d;
        }

        return Math.Sqrt(ss / (values.Length - 1));
    }
}
