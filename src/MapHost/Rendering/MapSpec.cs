namespace GeoPrevention.Rendering;

/// <summary>
/// A complete map page: layers of classified districts, palette, legend, titles, source line, scale bar, north arrow,
/// emphasised outlines, extent and page size. Render it with <see cref="MapRenderer"/>.
/// </summary>
/// <remarks>
/// The spec takes already-classified data: each <see cref="MapFeature"/> carries its <see cref="FillState"/> (class
/// index into <see cref="Palette"/> and <see cref="Legend"/>), so any classifier can feed it.
/// </remarks>
public sealed record MapSpec
{
    /// <summary>The filled layers, drawn in order.</summary>
    public required IReadOnlyList<MapLayer> Layers { get; init; }

    /// <summary>The class colours; <see langword="null"/> → <see cref="Palette.Default"/> for the number of legend entries (or highest class + 1).</summary>
    public Palette? Palette { get; init; }

    /// <summary>The legend; <see langword="null"/> draws none (the map then gets the full width).</summary>
    public LegendSpec? Legend { get; init; }

    /// <summary>The title, e.g. "Kinderarmut im Kreis Warendorf".</summary>
    public string? Title { get; init; }

    /// <summary>The subtitle: indicator definition and year; line breaks (\n) are kept.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The data source, printed as "Quelle: …".</summary>
    public string? Source { get; init; }

    /// <summary>The data date (Stichtag), printed as "Stand: …", e.g. "31.12.2023".</summary>
    public string? DataDate { get; init; }

    /// <summary>The attribution of the geometry, e.g. "Geometrie: Land NRW (2023), dl-de/zero-2-0".</summary>
    public string? Attribution { get; init; }

    /// <summary>Whether a metric scale bar is drawn (map units must be metres); default true.</summary>
    public bool ShowScaleBar { get; init; } = true;

    /// <summary>Whether a north arrow is drawn (grid north = up); default true.</summary>
    public bool ShowNorthArrow { get; init; } = true;

    /// <summary>Whether feature labels are drawn; default true.</summary>
    public bool ShowLabels { get; init; } = true;

    /// <summary>Emphasised outlines drawn above the fills.</summary>
    public IReadOnlyList<OutlineLayer> Outlines { get; init; } = [];

    /// <summary>The extent; default <see cref="MapExtent.All"/>.</summary>
    public MapExtent Extent { get; init; } = MapExtent.All();

    /// <summary>The page; default 1600 × 1200 px at 150 dpi.</summary>
    public PageSize Page { get; init; } = PageSize.FromPixels(1600, 1200, 150);

    /// <summary>Colours, font sizes and pattern settings.</summary>
    public MapStyle Style { get; init; } = MapStyle.Default;
}

/// <summary>
/// Several maps (years, indicators) on one page in a grid, sharing one legend, one palette and one extent (and so one
/// scale), each with a panel title such as the year.
/// </summary>
public sealed record SmallMultiplesSpec
{
    /// <summary>The panels; each panel's <see cref="MapSpec.Layers"/>, <see cref="MapSpec.Outlines"/>, <see cref="MapSpec.ShowLabels"/> and <see cref="MapSpec.Title"/> (as panel title) are used; everything else comes from this spec.</summary>
    public required IReadOnlyList<MapSpec> Panels { get; init; }

    /// <summary>The shared palette; <see langword="null"/> → as for <see cref="MapSpec.Palette"/>.</summary>
    public Palette? Palette { get; init; }

    /// <summary>The shared legend.</summary>
    public LegendSpec? Legend { get; init; }

    /// <summary>The page title.</summary>
    public string? Title { get; init; }

    /// <summary>The page subtitle.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The data source.</summary>
    public string? Source { get; init; }

    /// <summary>The data date.</summary>
    public string? DataDate { get; init; }

    /// <summary>The attribution.</summary>
    public string? Attribution { get; init; }

    /// <summary>Grid columns; 0 = automatic (⌈√n⌉).</summary>
    public int Columns { get; init; }

    /// <summary>The shared extent, computed over the features of all panels.</summary>
    public MapExtent Extent { get; init; } = MapExtent.All();

    /// <summary>Whether the scale bar (in the first panel) is drawn.</summary>
    public bool ShowScaleBar { get; init; } = true;

    /// <summary>Whether the north arrow (in the first panel) is drawn.</summary>
    public bool ShowNorthArrow { get; init; } = true;

    /// <summary>The page.</summary>
    public PageSize Page { get; init; } = PageSize.FromPixels(1600, 1200, 150);

    /// <summary>Colours, font sizes and pattern settings.</summary>
    public MapStyle Style { get; init; } = MapStyle.Default;
}
