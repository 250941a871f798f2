namespace GeoPrevention.Rendering;

/// <summary>How a feature's area is filled.</summary>
public enum FillKind
{
    /// <summary>Filled with the palette colour of its class.</summary>
    Class,

    /// <summary>No value: filled with <see cref="MapStyle.NoDataColor"/>, own legend entry "keine Daten".</summary>
    NoData,

    /// <summary>
    /// Suppressed for privacy (Datenschutz): white with diagonal hatching, own legend entry; never drawn in a class
    /// colour, so the value cannot be read off the map.
    /// </summary>
    Suppressed,

    /// <summary>Statistically unreliable (e.g. small denominator): class colour with a dot pattern on top.</summary>
    Unreliable,
}

/// <summary>The fill of one feature: a class index into the legend/palette, or a special state.</summary>
/// <param name="Kind">The kind of fill.</param>
/// <param name="ClassIndex">The 0-based class index for <see cref="FillKind.Class"/> and <see cref="FillKind.Unreliable"/>; -1 otherwise.</param>
public readonly record struct FillState(FillKind Kind, int ClassIndex)
{
    /// <summary>A feature without value.</summary>
    public static FillState NoData => new(FillKind.NoData, -1);

    /// <summary>A suppressed (hatched) feature.</summary>
    public static FillState Suppressed => new(FillKind.Suppressed, -1);

    /// <summary>A feature in class <paramref name="classIndex"/>.</summary>
    /// <param name="classIndex">0-based class index.</param>
    /// <returns>The fill state.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classIndex"/> is negative.</exception>
    public static FillState Class(int classIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        return new(FillKind.Class, classIndex);
    }

    /// <summary>An unreliable feature in class <paramref name="classIndex"/> (class colour plus dot pattern).</summary>
    /// <param name="classIndex">0-based class index.</param>
    /// <returns>The fill state.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classIndex"/> is negative.</exception>
    public static FillState Unreliable(int classIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        return new(FillKind.Unreliable, classIndex);
    }

    /// <summary>True when the area is painted in a class colour (<see cref="FillKind.Class"/> or <see cref="FillKind.Unreliable"/>).</summary>
    public bool HasClassColor => Kind is FillKind.Class or FillKind.Unreliable;
}
