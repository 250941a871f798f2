namespace GeoPrevention.Rendering;

/// <summary>
/// The conventional LISA cluster map (Anselin 1995; colours as in GeoDa): class indices, palette and legend. Assign
/// <see cref="FillState.Class"/> with the constants below from a local Moran result.
/// </summary>
public static class LisaClusterStyle
{
    /// <summary>Class index of significant High-High (hot spot), red #ff0000.</summary>
    public const int HighHigh = 0;

    /// <summary>Class index of significant Low-Low (cold spot), blue #0000ff.</summary>
    public const int LowLow = 1;

    /// <summary>Class index of significant High-Low (high outlier), pink #f4ada8.</summary>
    public const int HighLow = 2;

    /// <summary>Class index of significant Low-High (low outlier), light blue #a7adf9.</summary>
    public const int LowHigh = 3;

    /// <summary>Class index of not significant districts, light grey #eeeeee.</summary>
    public const int NotSignificant = 4;

    /// <summary>The five colours in class order (HH, LL, HL, LH, not significant).</summary>
    public static Palette Palette { get; } = new(
        "LISA clusters",
        [MapColor.FromHex("#ff0000"), MapColor.FromHex("#0000ff"), MapColor.FromHex("#f4ada8"), MapColor.FromHex("#a7adf9"), MapColor.FromHex("#eeeeee")]);

    /// <summary>The categorical legend (German labels) with optional counts in class order.</summary>
    /// <param name="counts">Five counts (HH, LL, HL, LH, not significant), or <see langword="null"/>.</param>
    /// <param name="title">The legend title; default "LISA-Cluster (p &lt; 0,05)".</param>
    /// <returns>The legend.</returns>
    /// <exception cref="ArgumentException"><paramref name="counts"/> does not have five entries.</exception>
    public static LegendSpec Legend(IReadOnlyList<int>? counts = null, string? title = "LISA-Cluster (p < 0,05)") =>
        LegendSpec.Categorical(
            ["Hoch-Hoch (Hotspot)", "Niedrig-Niedrig (Coldspot)", "Hoch-Niedrig (Ausreißer)", "Niedrig-Hoch (Ausreißer)", "nicht signifikant"],
            counts,
            title);
}
