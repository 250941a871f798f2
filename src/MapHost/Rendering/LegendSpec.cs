using System.Globalization;
using GeoPrevention.Analytics.Classification;

namespace GeoPrevention.Rendering;

/// <summary>When the legend shows the entries for no data, suppressed and unreliable districts.</summary>
public enum SpecialEntries
{
    /// <summary>Only the entries whose state occurs on the map (default).</summary>
    WhenUsed,

    /// <summary>Always all three, so maps of a series have identical legends.</summary>
    Always,

    /// <summary>Never (not recommended: a hatched area without legend entry is unexplained).</summary>
    Never,
}

/// <summary>One class entry of the legend: its text and the number of districts in it.</summary>
/// <param name="Label">The text shown, e.g. "über 7,6 bis 13,0".</param>
/// <param name="Count">Districts in the class (shown as "(n)"), or <see langword="null"/> to show none.</param>
/// <param name="Lower">The class's lower bound, if it is a numeric class.</param>
/// <param name="Upper">The class's upper bound, if it is a numeric class.</param>
public sealed record LegendEntry(string Label, int? Count = null, double? Lower = null, double? Upper = null);

/// <summary>
/// The legend: title, unit/denominator line, one entry per class (swatch i uses palette colour i) and the special
/// entries for no data, suppressed (hatched) and unreliable (dotted) districts.
/// </summary>
public sealed record LegendSpec
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The legend title, e.g. "Kinderarmut (SGB II)"; <see langword="null"/> for none.</summary>
    public string? Title { get; init; }

    /// <summary>The unit and denominator, e.g. "je 100 Kinder unter 15 Jahren".</summary>
    public string? Unit { get; init; }

    /// <summary>The class entries, class 0 first (drawn top to bottom).</summary>
    public required IReadOnlyList<LegendEntry> Entries { get; init; }

    /// <summary>Whether the counts per class are shown (default true).</summary>
    public bool ShowCounts { get; init; } = true;

    /// <summary>When the special entries are shown; default <see cref="SpecialEntries.WhenUsed"/>.</summary>
    public SpecialEntries SpecialEntries { get; init; } = SpecialEntries.WhenUsed;

    /// <summary>Text of the no-data entry.</summary>
    public string NoDataLabel { get; init; } = "keine Daten";

    /// <summary>Text of the suppressed entry.</summary>
    public string SuppressedLabel { get; init; } = "geheim gehalten (Datenschutz)";

    /// <summary>Text of the unreliable entry.</summary>
    public string UnreliableLabel { get; init; } = "Aussagekraft eingeschränkt";

    /// <summary>
    /// Builds the class entries from class bounds, formatting the numbers in de-DE ("12,5", "1.234,0").
    /// </summary>
    /// <param name="breaks">The k + 1 bounds, ascending: the minimum, then each class's upper bound (as mapclassify's <c>bins</c> with the minimum in front).</param>
    /// <param name="counts">k counts per class, or <see langword="null"/> for none.</param>
    /// <param name="closure">Which interval end is closed; decides the wording.</param>
    /// <param name="decimals">Decimal places 0–6, or <see langword="null"/> for <see cref="ChooseDecimals"/>.</param>
    /// <param name="unit">The unit/denominator line.</param>
    /// <param name="title">The legend title.</param>
    /// <returns>The legend.</returns>
    /// <remarks>
    /// Wording (right-closed): class 0 "von a bis b", class i &gt; 0 "über a bis b". Left-closed: "von a bis unter b",
    /// the last class "von a bis b". The closed ends are thus written out, so a value equal to a break can be placed.
    /// Example: breaks 0, 7.58, 13.03 with one decimal → "von 0,0 bis 7,6", "über 7,6 bis 13,0".
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="breaks"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than 2 breaks, a non-finite or descending break, or a count list of the wrong length or with a negative count.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0–6.</exception>
    public static LegendSpec FromBreaks(IReadOnlyList<double> breaks, IReadOnlyList<int>? counts = null, IntervalClosure closure = IntervalClosure.RightClosed, int? decimals = null, string? unit = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(breaks);
        ValidateBreaks(breaks);
        var k = breaks.Count - 1;
        if (counts is not null)
        {
            if (counts.Count != k)
            {
                throw new ArgumentException($"{k} classes need {k} counts, got {counts.Count}.", nameof(counts));
            }

            if (counts.Any(c => c < 0))
            {
                throw new ArgumentException("Counts must not be negative.", nameof(counts));
            }
        }

        if (decimals is { } d)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(decimals));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(d, 6, nameof(decimals));
        }

        var dec = decimals ?? ChooseDecimals(breaks);
        var entries = new LegendEntry[k];
        for (var i = 0; i < k; i++)
        {
            var lo = FormatNumber(breaks[i], dec);
            var hi = FormatNumber(breaks[i + 1], dec);
            var label = closure == IntervalClosure.RightClosed
                ? (i == 0 ? $"von {lo} bis {hi}" : $"über {lo} bis {hi}")
                : (i == k - 1 ? $"von {lo} bis {hi}" : $"von {lo} bis unter {hi}");
            entries[i] = new LegendEntry(label, counts?[i], breaks[i], breaks[i + 1]);
        }

        return new LegendSpec { Title = title, Unit = unit, Entries = entries };
    }

    /// <summary>A legend of named categories (e.g. LISA clusters), entry i for class i.</summary>
    /// <param name="labels">The category labels.</param>
    /// <param name="counts">Counts per category, or <see langword="null"/>.</param>
    /// <param name="title">The legend title.</param>
    /// <returns>The legend.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="labels"/> is null.</exception>
    /// <exception cref="ArgumentException">No labels, or counts of the wrong length.</exception>
    public static LegendSpec Categorical(IReadOnlyList<string> labels, IReadOnlyList<int>? counts = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            throw new ArgumentException("At least one category is needed.", nameof(labels));
        }

        if (counts is not null && counts.Count != labels.Count)
        {
            throw new ArgumentException($"{labels.Count} categories need {labels.Count} counts, got {counts.Count}.", nameof(counts));
        }

        return new LegendSpec { Title = title, Entries = [.. labels.Select((l, i) => new LegendEntry(l, counts?[i]))] };
    }

    /// <summary>
    /// The number of decimals for legend bounds: 0 when the range is ≥ 100, 1 when ≥ 1, else 2; then increased (up to
    /// 6) until no two neighbouring bounds print alike.
    /// </summary>
    /// <param name="breaks">The bounds.</param>
    /// <returns>Decimal places, 0–6.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="breaks"/> is null.</exception>
    public static int ChooseDecimals(IReadOnlyList<double> breaks)
    {
        ArgumentNullException.ThrowIfNull(breaks);
        if (breaks.Count == 0)
        {
            return 1;
        }

        var range = breaks.Max() - breaks.Min();
        var d = range >= 100 ? 0 : range >= 1 ? 1 : 2;
        while (d < 6 && Enumerable.Range(1, breaks.Count - 1).Any(i => breaks[i] != breaks[i - 1] && FormatNumber(breaks[i], d) == FormatNumber(breaks[i - 1], d)))
        {
            d++;
        }

        return d;
    }

    /// <summary>Formats a number for people in de-DE with <paramref name="decimals"/> places and thousands separators ("1.234,5").</summary>
    /// <param name="value">The value.</param>
    /// <param name="decimals">Decimal places, 0–6.</param>
    /// <returns>The text; "−0" is written as "0".</returns>
    public static string FormatNumber(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0; // avoids "-0,0"
        }

        return rounded.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), German);
    }

    private static void ValidateBreaks(IReadOnlyList<double> breaks)
    {
        if (breaks.Count < 2)
        {
            throw new ArgumentException($"At least 2 breaks (one class) are needed, got {breaks.Count}.", nameof(breaks));
        }

        for (var i = 0; i < breaks.Count; i++)
        {
            if (!double.IsFinite(breaks[i]))
            {
                throw new ArgumentException($"Break {i} is not a finite number.", nameof(breaks));
            }

            if (i > 0 && breaks[i] < breaks[i - 1])
            {
                throw new ArgumentException($"Breaks must be ascending; break {i} ({breaks[i].ToString(CultureInfo.InvariantCulture)}) is below break {i - 1} ({breaks[i - 1].ToString(CultureInfo.InvariantCulture)}).", nameof(breaks));
            }
        }
    }
}
