using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo;

/// <summary>One feature of a <see cref="VectorLayer"/>: a geometry (possibly null) and its attributes.</summary>
/// <param name="Index">0-based position in the source file.</param>
/// <param name="Geometry">The geometry, or <see langword="null"/> when the source has none.</param>
/// <param name="Attributes">Attribute values by field name: <see cref="string"/>, <see cref="double"/>, <see cref="long"/>, <see cref="bool"/>, <see cref="DateTime"/> or <see langword="null"/>.</param>
public sealed record VectorFeature(int Index, Geometry? Geometry, IReadOnlyDictionary<string, object?> Attributes)
{
    /// <summary>Returns an attribute as text (invariant culture), or <see langword="null"/> when absent or null.</summary>
    /// <param name="field">The field name.</param>
    public string? GetText(string field) => Attributes.TryGetValue(field, out var v) && v is not null
        ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)
        : null;
}

/// <summary>
/// A vector layer as read from a file: features, field names, CRS and the data-quality findings of reading.
/// </summary>
public sealed class VectorLayer
{
    /// <summary>Creates a layer.</summary>
    /// <param name="source">The file (or other source) it was read from.</param>
    /// <param name="format">The format name, e.g. "Shapefile", "GeoJSON", "TopoJSON", "GeoPackage".</param>
    /// <param name="crs">The layer CRS.</param>
    /// <param name="fields">Attribute field names in source order.</param>
    /// <param name="features">The features.</param>
    /// <param name="diagnostics">Findings made while reading.</param>
    public VectorLayer(string source, string format, CrsInfo crs, IReadOnlyList<string> fields, IReadOnlyList<VectorFeature> features, IReadOnlyList<GeoDiagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(crs);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(features);
        Source = source;
        Format = format;
        Crs = crs;
        Fields = fields;
        Features = features;
        Diagnostics = diagnostics ?? [];
    }

    /// <summary>The file (or other source) the layer was read from.</summary>
    public string Source { get; }

    /// <summary>The format name.</summary>
    public string Format { get; }

    /// <summary>The layer CRS.</summary>
    public CrsInfo Crs { get; }

    /// <summary>Attribute field names in source order.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The features in source order.</summary>
    public IReadOnlyList<VectorFeature> Features { get; }

    /// <summary>Findings made while reading (CRS detection, encoding, invalid geometries, ...).</summary>
    public IReadOnlyList<GeoDiagnostic> Diagnostics { get; }
}
