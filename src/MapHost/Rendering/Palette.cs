using System.Globalization;

namespace GeoPrevention.Rendering;

/// <summary>
/// An ordered list of class colours: entry i fills class i (<see cref="FillState.ClassIndex"/>) and its legend swatch.
/// </summary>
/// <remarks>
/// Built-in palettes are data, not computed: the ColorBrewer 2.0 schemes by Cynthia A. Brewer (colorbrewer2.org) and
/// viridis (matplotlib / viridisLite). The default, <see cref="Default"/>, is ColorBrewer YlOrRd: colour-blind safe,
/// and its CIE lightness falls strictly from the first to the last class, so the order survives greyscale printing
/// (add <see cref="MapStyle.PatternRedundancy"/> for pure black-and-white output).
/// </remarks>
public sealed class Palette
{
    private readonly MapColor[] _colors;

    /// <summary>Creates a palette from explicit colours.</summary>
    /// <param name="name">A name shown in diagnostics, e.g. "YlOrRd".</param>
    /// <param name="colors">The class colours, class 0 first.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="colors"/> is empty.</exception>
    public Palette(string name, IEnumerable<MapColor> colors)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(colors);
        _colors = [.. colors];
        if (_colors.Length == 0)
        {
            throw new ArgumentException("A palette needs at least one colour.", nameof(colors));
        }

        Name = name;
    }

    /// <summary>The palette name, e.g. "YlOrRd" or "RdBu (around 12,5)".</summary>
    public string Name { get; }

    /// <summary>The class colours, class 0 first.</summary>
    public IReadOnlyList<MapColor> Colors => _colors;

    /// <summary>The number of colours.</summary>
    public int Count => _colors.Length;

    /// <summary>The colour of class <paramref name="classIndex"/>.</summary>
    /// <param name="classIndex">0-based class index.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the palette.</exception>
    public MapColor this[int classIndex] => _colors[classIndex];

    /// <summary>Names of the built-in sequential schemes (ColorBrewer), usable with <see cref="Sequential"/>.</summary>
    public static IReadOnlyList<string> SequentialSchemes { get; } = [.. ColorBrewer.Sequential.Keys];

    /// <summary>Names of the built-in diverging schemes (ColorBrewer), usable with <see cref="Diverging"/> and <see cref="DivergingAround"/>.</summary>
    public static IReadOnlyList<string> DivergingSchemes { get; } = [.. ColorBrewer.Diverging.Keys];

    /// <summary>
    /// The default palette for <paramref name="classCount"/> classes: ColorBrewer YlOrRd for 3–9 classes, the first
    /// colours of the 3-class scheme for 1–2 classes, and viridis (lightest first) above 9.
    /// </summary>
    /// <param name="classCount">Number of classes, at least 1.</param>
    /// <returns>The palette.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is less than 1.</exception>
    public static Palette Default(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        return classCount switch
        {
            < 3 => new Palette("YlOrRd", Sequential("YlOrRd", 3).Colors.Take(classCount)),
            <= 9 => Sequential("YlOrRd", classCount),
            _ => Viridis(classCount).Reversed(),
        };
    }

    /// <summary>A sequential ColorBrewer scheme with 3–9 classes, lightest first.</summary>
    /// <param name="scheme">One of <see cref="SequentialSchemes"/> (case-insensitive): YlOrRd, OrRd, Reds, Blues, Greens, Purples, Greys, YlGnBu, PuBu.</param>
    /// <param name="classCount">Number of classes, 3–9.</param>
    /// <returns>The palette.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    /// <exception cref="ArgumentException">Unknown scheme.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is outside 3–9.</exception>
    public static Palette Sequential(string scheme, int classCount) => FromTable(ColorBrewer.Sequential, scheme, classCount, "sequential", nameof(scheme));

    /// <summary>A diverging ColorBrewer scheme with 3–11 classes (odd counts have a neutral middle class).</summary>
    /// <param name="scheme">One of <see cref="DivergingSchemes"/>: RdBu, PuOr, BrBG, RdYlBu.</param>
    /// <param name="classCount">Number of classes, 3–11.</param>
    /// <returns>The palette.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    /// <exception cref="ArgumentException">Unknown scheme.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is outside 3–11.</exception>
    public static Palette Diverging(string scheme, int classCount) => FromTable(ColorBrewer.Diverging, scheme, classCount, "diverging", nameof(scheme));

    /// <summary>
    /// A diverging palette for classes given by <paramref name="breaks"/>, centred on a reference value (the Kreis
    /// value, a target): classes below the reference take one wing, classes above take the other, and a class that
    /// contains the reference gets the neutral middle colour.
    /// </summary>
    /// <param name="scheme">One of <see cref="DivergingSchemes"/>.</param>
    /// <param name="breaks">The k + 1 class bounds, ascending (minimum, then each class's upper bound).</param>
    /// <param name="reference">The reference value.</param>
    /// <returns>A palette with k colours.</returns>
    /// <remarks>
    /// Rules: (1) class i is "below" when its upper bound ≤ reference, "above" when its lower bound ≥ reference, else it
    /// straddles the reference (at most one class can). (2) With b classes below, a above and s ∈ {0, 1} straddling,
    /// the scheme with n = 2·max(a, b) + s colours is taken, so equal steps from the reference get equally strong
    /// colours on both sides. (3) Below-classes take the colours just left of the centre, nearest class nearest to the
    /// centre; above-classes likewise to the right. Example: breaks 0, 5, 10, 15, 20 and reference 10 → RdBu with 4
    /// colours, classes coloured #ca0020, #f4a582, #92c5de, #0571b0.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Fewer than 2 breaks, breaks not ascending, reference not finite, unknown scheme, or more than 11 colours would be needed.</exception>
    public static Palette DivergingAround(string scheme, IReadOnlyList<double> breaks, double reference)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(breaks);
        if (breaks.Count < 2)
        {
            throw new ArgumentException("At least two breaks (one class) are needed.", nameof(breaks));
        }

        if (!double.IsFinite(reference))
        {
            throw new ArgumentException($"The reference value must be finite, got {reference.ToString(CultureInfo.InvariantCulture)}.", nameof(reference));
        }

        for (var i = 1; i < breaks.Count; i++)
        {
            if (!(breaks[i] >= breaks[i - 1]))
            {
                throw new ArgumentException($"Breaks must be ascending; break {i} ({breaks[i].ToString(CultureInfo.InvariantCulture)}) is below break {i - 1} ({breaks[i - 1].ToString(CultureInfo.InvariantCulture)}).", nameof(breaks));
            }
        }

        var k = breaks.Count - 1;
        var below = 0;
        var above = 0;
        var straddle = 0;
        for (var i = 0; i < k; i++)
        {
            if (breaks[i + 1] <= reference)
            {
                below++;
            }
            else if (breaks[i] >= reference)
            {
                above++;
            }
            else
            {
                straddle++;
            }
        }

        var n = (2 * Math.Max(below, above)) + straddle;
        if (n < 3)
        {
            // The smallest published diverging schemes have 3 (odd) and 4 (even) colours.
            n = straddle == 1 ? 3 : 4;
        }

        if (n > 11)
        {
            throw new ArgumentException($"A diverging palette around {reference.ToString(CultureInfo.InvariantCulture)} would need {n} colours ({below} classes below, {above} above); ColorBrewer has at most 11.", nameof(breaks));
        }

        var full = Diverging(scheme, n);
        var colors = new MapColor[k];
        var half = n / 2;
        for (var i = 0; i < k; i++)
        {
            if (breaks[i + 1] <= reference)
            {
                var stepsFromCentre = below - 1 - i; // 0 = nearest the reference
                colors[i] = full[half - 1 - stepsFromCentre];
            }
            else if (breaks[i] >= reference)
            {
                var stepsFromCentre = i - below - straddle;
                colors[i] = full[half + straddle + stepsFromCentre];
            }
            else
            {
                colors[i] = full[half];
            }
        }

        return new Palette(string.Create(CultureInfo.InvariantCulture, $"{full.Name} around {reference}"), colors);
    }

    /// <summary>
    /// viridis with <paramref name="classCount"/> colours, dark purple (#440154) to yellow (#fde725): perceptually
    /// uniform, colour-blind safe, lightness rising monotonically.
    /// </summary>
    /// <param name="classCount">Number of classes, 2–64.</param>
    /// <returns>The palette (darkest first; use <see cref="Reversed"/> for lightest first).</returns>
    /// <remarks>Colour i is viridis at t = i / (k − 1), linearly interpolated in sRGB between nine anchors of the published map.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is outside 2–64.</exception>
    public static Palette Viridis(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, 64);
        var anchors = ColorBrewer.ViridisAnchors.Select(MapColor.FromHex).ToArray();
        var colors = new MapColor[classCount];
        for (var i = 0; i < classCount; i++)
        {
            var t = (double)i / (classCount - 1) * (anchors.Length - 1);
            var j = Math.Min((int)Math.Floor(t), anchors.Length - 2);
            var f = t - j;
            var a = anchors[j];
            var b = anchors[j + 1];
            colors[i] = new MapColor(Lerp(a.R, b.R, f), Lerp(a.G, b.G, f), Lerp(a.B, b.B, f));
        }

        return new Palette("viridis", colors);

        static byte Lerp(byte x, byte y, double f) => (byte)Math.Round(x + ((y - x) * f), MidpointRounding.AwayFromZero);
    }

    /// <summary>The same colours in reverse order (e.g. for "higher is better" indicators).</summary>
    /// <returns>A new palette.</returns>
    public Palette Reversed() => new(Name + " (reversed)", _colors.Reverse());

    private static Palette FromTable(IReadOnlyDictionary<string, string[]> table, string scheme, int classCount, string kind, string paramName)
    {
        ArgumentNullException.ThrowIfNull(scheme, paramName);
        if (!table.TryGetValue(scheme, out var byCount))
        {
            throw new ArgumentException($"Unknown {kind} scheme '{scheme}'. Known: {string.Join(", ", table.Keys)}.", paramName);
        }

        var min = 3;
        var max = min + byCount.Length - 1;
        if (classCount < min || classCount > max)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, $"The {kind} scheme '{scheme}' has {min} to {max} classes.");
        }

        var canonical = table.Keys.First(k => string.Equals(k, scheme, StringComparison.OrdinalIgnoreCase));
        return new Palette(canonical, byCount[classCount - min].Split(' ').Select(MapColor.FromHex));
    }
}
