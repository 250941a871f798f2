namespace GeoPrevention.Analytics.Collection;

/// <summary>Parameters of <see cref="PlausibilityRule"/>; the defaults are the documented rule of docs/collection.md.</summary>
public sealed class PlausibilityOptions
{
    /// <summary>k: how many scaled median absolute deviations a change may differ from the district's typical change (default 5).</summary>
    public double K { get; init; } = 5;

    /// <summary>z: standard deviations of Poisson noise allowed for counts (default 3).</summary>
    public double Z { get; init; } = 3;

    /// <summary>The fewest past year-on-year changes needed before the rule judges a district (default 3).</summary>
    public int MinChanges { get; init; } = 3;

    /// <summary>For amounts and other non-count values: the allowance as a share of the previous value (default 0.01).</summary>
    public double RelativeAllowance { get; init; } = 0.01;
}

/// <summary>The outcome of <see cref="PlausibilityRule.Evaluate(ReadOnlySpan{double}, double, bool, PlausibilityOptions?)"/>.</summary>
/// <param name="Checked">False when the history is too short or the previous year has no value (rule 2).</param>
/// <param name="IsImplausible">True when the change exceeds both limits (rule 7).</param>
/// <param name="Previous">The previous year's value (NaN when unknown).</param>
/// <param name="Change">Δ = new − previous.</param>
/// <param name="MedianChange">m: the median of the past changes.</param>
/// <param name="Mad">The scaled median absolute deviation of the past changes (1.4826 · median |dₜ − m|).</param>
/// <param name="RobustLimit">L = k · MAD.</param>
/// <param name="NoiseAllowance">A: the small-number (or relative) allowance.</param>
/// <param name="PastChanges">How many past changes entered.</param>
public readonly record struct PlausibilityResult(bool Checked, bool IsImplausible, double Previous, double Change, double MedianChange, double Mad, double RobustLimit, double NoiseAllowance, int PastChanges);

/// <summary>
/// Judges a delivered value against the district's own history: a robust rule on year-on-year changes with an
/// allowance for the noise of small counts. Rules, in order:
/// <list type="number">
/// <item>Past changes dₜ = xₜ − xₜ₋₁ for consecutive years in which both values are known (NaN = missing or suppressed).</item>
/// <item>With fewer than <see cref="PlausibilityOptions.MinChanges"/> past changes, or no value in the previous year
/// (the last element of the history), the value is not judged.</item>
/// <item>m = median(dₜ); MAD = 1.4826 · median(|dₜ − m|) (the factor makes the MAD estimate a standard deviation
/// under normal errors).</item>
/// <item>Δ = x_new − x_prev and its deviation from the typical change e = |Δ − m|.</item>
/// <item>Robust limit L = k · MAD (k = 5 by default).</item>
/// <item>Allowance A: for counts z · √(2 · (x_prev + 1)) (z = 3 by default): z standard deviations of the difference of
/// two independent Poisson counts of mean x_prev, plus one so that zero counts may still change a little; for
/// amounts and other values A = r · |x_prev| (r = 0.01).</item>
/// <item>The value is implausible when e &gt; L and e &gt; A.</item>
/// </list>
/// </summary>
/// <remarks>
/// The median/MAD pair is the usual robust location/scale estimate (Hampel identifier; R: <c>mad()</c> uses the same
/// constant 1.4826). Requiring both limits keeps a district with a very steady history from being flagged for a change
/// that is within counting noise, and a small district from being flagged for noise. Worked example (also a unit
/// test): history 100, 104, 103, 108, 110 → d = 4, −1, 5, 2; m = 3; |d − m| = 1, 4, 2, 1 → median 1.5 → MAD = 2.2239;
/// L = 11.12; new value 1,100: Δ = 990, e = 987; A = 3 · √222 = 44.70; e exceeds both → implausible. New value 130:
/// e = 17 exceeds L but not A → plausible.
/// </remarks>
public static class PlausibilityRule
{
    /// <summary>The consistency constant that scales the MAD to a standard deviation under normality.</summary>
    public const double MadScale = 1.4826;

    /// <summary>Judges <paramref name="value"/> against <paramref name="history"/> (rules in the class summary).</summary>
    /// <param name="history">The district's values of consecutive past years, oldest first, ending with the year before the delivery; NaN where unknown.</param>
    /// <param name="value">The delivered value.</param>
    /// <param name="isCount">Whether the value is a count (Poisson allowance) rather than an amount (relative allowance).</param>
    /// <param name="options">Parameters; <see langword="null"/> for the defaults.</param>
    /// <returns>The result with every intermediate figure.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or infinite.</exception>
    public static PlausibilityResult Evaluate(ReadOnlySpan<double> history, double value, bool isCount, PlausibilityOptions? options = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("The delivered value must be a finite number.", nameof(value));
        }

        options ??= new PlausibilityOptions();
        var changes = new List<double>(history.Length);
        for (var t = 1; t < history.Length; t++)
        {
            if (!double.IsNaN(history[t]) && !double.IsNaN(history[t - 1]))
            {
                changes.Add(history[t] - history[t - 1]);
            }
        }

        var previous = history.IsEmpty ? double.NaN : history[^1];
        if (changes.Count < options.MinChanges || double.IsNaN(previous))
        {
            return new PlausibilityResult(false, false, previous, double.IsNaN(previous) ? double.NaN : value - previous, double.NaN, double.NaN, double.NaN, double.NaN, changes.Count);
        }

        var m = Median(changes);
        var mad = MadScale * Median(changes.Select(d => Math.Abs(d - m)).ToList());
        var change = value - previous;
        var e = Math.Abs(change - m);
        var limit = options.K * mad;
        var allowance = isCount ? options.Z * Math.Sqrt(2 * (Math.Max(previous, 0) + 1)) : options.RelativeAllowance * Math.Abs(previous);
        return new PlausibilityResult(true, e > limit && e > allowance, previous, change, m, mad, limit, allowance, changes.Count);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }
}
