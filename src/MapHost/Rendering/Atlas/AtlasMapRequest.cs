using GeoPrevention.Analytics.Classification;

namespace GeoPrevention.Rendering.Atlas;

/// <summary>What a thematic map of an atlas shows.</summary>
public enum AtlasMapView
{
    /// <summary>Indicator values in classes (choropleth).</summary>
    Values,

    /// <summary>LISA clusters (High-High, Low-Low, High-Low, Low-High, not significant).</summary>
    Lisa,
}

/// <summary>A request for one atlas map. Every field is validated by <see cref="AtlasMaps.Build"/>.</summary>
public sealed record AtlasMapRequest
{
    /// <summary>Layer id; default: the finest layer.</summary>
    public string? Layer { get; init; }

    /// <summary>Indicator id.</summary>
    public required string Indicator { get; init; }

    /// <summary>Year.</summary>
    public required int Year { get; init; }

    /// <summary>Area preset id (e.g. "kreis", "ahlen"); default: the whole atlas.</summary>
    public string? Area { get; init; }

    /// <summary>Classification method; default from the atlas.</summary>
    public ClassificationMethod? Method { get; init; }

    /// <summary>Number of classes; default from the atlas.</summary>
    public int? Classes { get; init; }

    /// <summary>What to show.</summary>
    public AtlasMapView View { get; init; } = AtlasMapView.Values;

    /// <summary>Page size; default 1600 × 1200 px at 150 dpi.</summary>
    public PageSize? Page { get; init; }
}
