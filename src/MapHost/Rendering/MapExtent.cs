using NetTopologySuite.Geometries;

namespace GeoPrevention.Rendering;

/// <summary>
/// The part of the map shown: all features, the features with some keys (e.g. one city's districts), or an explicit
/// envelope; plus a margin. The frame's aspect ratio is kept by widening the extent, never by distorting the map.
/// </summary>
public sealed record MapExtent
{
    private MapExtent(IReadOnlyList<string>? keys, Envelope? envelope, double margin)
    {
        Keys = keys;
        Envelope = envelope;
        MarginFraction = margin;
    }

    /// <summary>Keys whose features define the extent, or <see langword="null"/> for all features (or <see cref="Envelope"/>).</summary>
    public IReadOnlyList<string>? Keys { get; }

    /// <summary>An explicit envelope in map units, or <see langword="null"/>.</summary>
    public Envelope? Envelope { get; }

    /// <summary>The margin added on every side, as a fraction of the larger side of the extent (0.04 = 4 %).</summary>
    public double MarginFraction { get; }

    /// <summary>The bounding box of all features of all layers.</summary>
    /// <param name="marginFraction">Margin, 0–1; default 0.04.</param>
    /// <returns>The extent.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The margin is outside 0–1.</exception>
    public static MapExtent All(double marginFraction = 0.04) => new(null, null, CheckMargin(marginFraction));

    /// <summary>The bounding box of the features with the given keys (in any layer).</summary>
    /// <param name="keys">The keys; every key must exist when rendering.</param>
    /// <param name="marginFraction">Margin, 0–1; default 0.04.</param>
    /// <returns>The extent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="keys"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The margin is outside 0–1.</exception>
    public static MapExtent OfKeys(IEnumerable<string> keys, double marginFraction = 0.04)
    {
        ArgumentNullException.ThrowIfNull(keys);
        string[] list = [.. keys];
        if (list.Length == 0)
        {
            throw new ArgumentException("At least one key is needed for the extent.", nameof(keys));
        }

        return new(list, null, CheckMargin(marginFraction));
    }

    /// <summary>An explicit envelope in map units.</summary>
    /// <param name="envelope">The envelope.</param>
    /// <param name="marginFraction">Margin, 0–1; default 0.</param>
    /// <returns>The extent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="envelope"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The margin is outside 0–1.</exception>
    public static MapExtent Explicit(Envelope envelope, double marginFraction = 0)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new(null, envelope.Copy(), CheckMargin(marginFraction));
    }

    private static double CheckMargin(double m)
    {
        if (!(m >= 0 && m <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(m), m, "The margin must be between 0 and 1.");
        }

        return m;
    }
}
