namespace GeoPrevention.Rendering.Internal;

/// <summary>One map panel before layout.</summary>
internal sealed record PanelModel(string? Title, IReadOnlyList<MapLayer> Layers, IReadOnlyList<OutlineLayer> Outlines, bool ShowLabels);

/// <summary>A page before layout: what <see cref="MapSpec"/> and <see cref="SmallMultiplesSpec"/> both reduce to.</summary>
internal sealed record PageModel(
    PageSize Page,
    MapStyle Style,
    Palette? Palette,
    LegendSpec? Legend,
    string? Title,
    string? Subtitle,
    string? Source,
    string? DataDate,
    string? Attribution,
    IReadOnlyList<PanelModel> Panels,
    MapExtent Extent,
    int Columns,
    bool ShowScaleBar,
    bool ShowNorthArrow)
{
    public static PageModel From(MapSpec spec) => new(
        spec.Page, spec.Style, spec.Palette, spec.Legend, spec.Title, spec.Subtitle, spec.Source, spec.DataDate, spec.Attribution,
        [new PanelModel(null, spec.Layers, spec.Outlines, spec.ShowLabels)], spec.Extent, 1, spec.ShowScaleBar, spec.ShowNorthArrow);

    public static PageModel From(SmallMultiplesSpec spec)
    {
        if (spec.Panels.Count == 0)
        {
            throw new ArgumentException("A small-multiples page needs at least one panel.", nameof(spec));
        }

        var cols = spec.Columns > 0 ? spec.Columns : (int)Math.Ceiling(Math.Sqrt(spec.Panels.Count));
        return new(
            spec.Page, spec.Style, spec.Palette, spec.Legend, spec.Title, spec.Subtitle, spec.Source, spec.DataDate, spec.Attribution,
            [.. spec.Panels.Select(p => new PanelModel(p.Title, p.Layers, p.Outlines, p.ShowLabels))], spec.Extent, cols, spec.ShowScaleBar, spec.ShowNorthArrow);
    }
}
