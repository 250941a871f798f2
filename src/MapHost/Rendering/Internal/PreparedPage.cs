using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoPrevention.Rendering.Internal;

/// <summary>A wrapped line of text with its font and baseline position.</summary>
internal sealed record TextLine(string Text, SKFont Font, float X, float Baseline, SKTextAlign Align);

/// <summary>A placed district label (centre baseline).</summary>
internal sealed record PlacedLabel(string Key, string Text, float X, float Baseline);

/// <summary>A legend row: swatch rectangle, swatch kind and texts.</summary>
internal sealed record LegendRow(SKRect Swatch, FillState Fill, TextLine Label, TextLine? Count);

/// <summary>Everything needed to draw a page, computed once and shared by PNG, SVG and PDF.</summary>
internal sealed class PreparedPage : IDisposable
{
    public required PageModel Model { get; init; }

    public required Palette Palette { get; init; }

    public required MapLayout Layout { get; init; }

    public required float PxPerPt { get; init; }

    public required List<TextLine> HeaderLines { get; init; }

    public required List<TextLine> FooterLines { get; init; }

    public required List<TextLine> LegendTexts { get; init; }

    public required List<LegendRow> LegendRows { get; init; }

    public required List<TextLine> PanelTitles { get; init; }

    public required List<List<PlacedLabel>> Labels { get; init; }

    public required List<string> LabelsSkipped { get; init; }

    public required SKFont LabelFont { get; init; }

    public required SKFont ScaleFont { get; init; }

    public required SKFont NorthFont { get; init; }

    public required List<Envelope> VisibleExtents { get; init; }

    public required List<SKFont> OwnedFonts { get; init; }

    public void Dispose()
    {
        foreach (var f in OwnedFonts)
        {
            f.Dispose();
        }
    }
}
