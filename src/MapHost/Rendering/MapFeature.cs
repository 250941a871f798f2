using NetTopologySuite.Geometries;

namespace GeoPrevention.Rendering;

/// <summary>One district on the map: key, polygonal geometry, fill and optional label.</summary>
public sealed record MapFeature
{
    /// <summary>The district key (e.g. AGS "05570004"); named in error messages.</summary>
    public required string Key { get; init; }

    /// <summary>
    /// A <see cref="Polygon"/> or <see cref="MultiPolygon"/> in a projected metric CRS (e.g. EPSG:25832), so that
    /// the scale bar is right. Holes and multiple parts are drawn with the non-zero winding rule after normalising
    /// ring orientation: holes show what lies below, enclaves inside holes are filled.
    /// </summary>
    public required Geometry Geometry { get; init; }

    /// <summary>How the area is filled; default <see cref="FillState.NoData"/>.</summary>
    public FillState Fill { get; init; } = FillState.NoData;

    /// <summary>The label text, or <see langword="null"/> for none.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// Where the label is centred (map coordinates), e.g. a label point computed by the Geo operations; when
    /// <see langword="null"/>, the NTS interior point of <see cref="Geometry"/> is used.
    /// </summary>
    public Coordinate? LabelPoint { get; init; }
}

/// <summary>A layer of filled districts, drawn in list order (later layers on top).</summary>
public sealed record MapLayer
{
    /// <summary>An optional name (diagnostics only).</summary>
    public string? Name { get; init; }

    /// <summary>The features.</summary>
    public required IReadOnlyList<MapFeature> Features { get; init; }

    /// <summary>Whether district borders are stroked; see <see cref="MapStyle.DenseBorderMinAreaPx"/> for when they are skipped anyway.</summary>
    public bool DrawBorders { get; init; } = true;

    /// <summary>The border colour; default white, which separates neighbours of the same class.</summary>
    public MapColor BorderColor { get; init; } = MapColor.White;

    /// <summary>The border width in points (1/72 inch); default 0.6.</summary>
    public double BorderWidthPt { get; init; } = 0.6;
}

/// <summary>
/// Emphasised outlines drawn above all fills: thicker lines, e.g. the four youth-welfare areas (Jugendamtsbezirke)
/// Kreis / Ahlen / Beckum / Oelde.
/// </summary>
public sealed record OutlineLayer
{
    /// <summary>The outlined geometries (polygons: their rings are stroked; lines are stroked as they are).</summary>
    public required IReadOnlyList<Geometry> Geometries { get; init; }

    /// <summary>The line colour; default near-black #222222.</summary>
    public MapColor Color { get; init; } = MapColor.FromHex("#222222");

    /// <summary>The line width in points; default 1.8.</summary>
    public double WidthPt { get; init; } = 1.8;
}
