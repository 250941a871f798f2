namespace GeoPrevention.Rendering;

/// <summary>Visual constants of a map page: colours, font sizes (points) and pattern settings.</summary>
public sealed record MapStyle
{
    /// <summary>The default style.</summary>
    public static MapStyle Default { get; } = new();

    /// <summary>Page and map background; default white.</summary>
    public MapColor Background { get; init; } = MapColor.White;

    /// <summary>Text colour; default #1a1a1a.</summary>
    public MapColor TextColor { get; init; } = MapColor.FromHex("#1a1a1a");

    /// <summary>Fill of districts without data; default light grey #d4d4d4 (lighter than every mid tone, darker than the lightest classes).</summary>
    public MapColor NoDataColor { get; init; } = MapColor.FromHex("#d4d4d4");

    /// <summary>Line colour of the suppressed hatching and the unreliable dots; default #404040.</summary>
    public MapColor PatternColor { get; init; } = MapColor.FromHex("#404040");

    /// <summary>Colour of the map frame, scale bar outline and north arrow; default #4d4d4d.</summary>
    public MapColor FrameColor { get; init; } = MapColor.FromHex("#4d4d4d");

    /// <summary>Title size in points; default 16.</summary>
    public double TitleSizePt { get; init; } = 16;

    /// <summary>Subtitle size in points; default 10.</summary>
    public double SubtitleSizePt { get; init; } = 10;

    /// <summary>Legend text size in points; default 9.</summary>
    public double LegendSizePt { get; init; } = 9;

    /// <summary>District label size in points; default 7.5.</summary>
    public double LabelSizePt { get; init; } = 7.5;

    /// <summary>Footer (source, date, attribution) size in points; default 7.</summary>
    public double FooterSizePt { get; init; } = 7;

    /// <summary>Spacing of the suppressed hatch lines in points; default 4.</summary>
    public double HatchSpacingPt { get; init; } = 4;

    /// <summary>
    /// Pattern redundancy for black-and-white printing: class i (i ≥ 1) gets diagonal lines whose density rises with
    /// the class (spacing <c>12 pt / i</c>), class 0 stays plain; legend swatches show the same pattern.
    /// </summary>
    public bool PatternRedundancy { get; init; }

    /// <summary>
    /// Borders are skipped when the map frame area divided by the number of drawn features is below this many square
    /// pixels (dense maps: borders would cover the fills); default 60. Such dense maps are also filled without
    /// antialiasing, so neighbouring districts tile the pixels exactly (no background seams) and render faster.
    /// </summary>
    public double DenseBorderMinAreaPx { get; init; } = 60;
}
