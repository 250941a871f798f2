namespace GeoPrevention.Rendering;

/// <summary>Scale bar arithmetic: "nice" round lengths and their German labels.</summary>
public static class ScaleBarMath
{
    /// <summary>
    /// The largest nice length (1, 2, 2.5 or 5 × 10ⁿ metres) not longer than <paramref name="maxLengthMetres"/>.
    /// Examples: 7 300 → 5 000; 2 600 → 2 500; 999 → 500; 1 000 → 1 000; 0.3 → 0.25.
    /// </summary>
    /// <param name="maxLengthMetres">The longest acceptable bar in metres (positive, finite).</param>
    /// <returns>The nice length in metres.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public static double NiceLength(double maxLengthMetres)
    {
        if (!(maxLengthMetres > 0 && double.IsFinite(maxLengthMetres)))
        {
            throw new ArgumentOutOfRangeException(nameof(maxLengthMetres), maxLengthMetres, "The length must be positive and finite.");
        }

        var exponent = Math.Floor(Math.Log10(maxLengthMetres));
        var pow = Math.Pow(10, exponent);
        // Guard against log10 rounding (e.g. 1000 → 2.9999…).
        if (pow * 10 <= maxLengthMetres)
        {
            pow *= 10;
        }
        else if (pow > maxLengthMetres)
        {
            pow /= 10;
        }

        double[] steps = [5, 2.5, 2, 1];
        foreach (var s in steps)
        {
            if (s * pow <= maxLengthMetres * (1 + 1e-12))
            {
                return s * pow;
            }
        }

        return pow;
    }

    /// <summary>The label of a length in de-DE: "500 m", "1 km", "2,5 km".</summary>
    /// <param name="metres">The length in metres.</param>
    /// <returns>The label.</returns>
    public static string FormatLength(double metres) => metres >= 1000
        ? TrimmedNumber(metres / 1000) + " km"
        : TrimmedNumber(metres) + " m";

    private static string TrimmedNumber(double v)
    {
        var d = Math.Abs(v - Math.Round(v)) < 1e-9 ? 0 : Math.Abs((v * 10) - Math.Round(v * 10)) < 1e-9 ? 1 : 2;
        return LegendSpec.FormatNumber(v, d);
    }
}
