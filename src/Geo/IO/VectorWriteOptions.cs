using System.Text;

namespace GeoPrevention.Geo.IO;

/// <summary>Options for <see cref="VectorLayerWriter"/>. All properties are optional.</summary>
public sealed class VectorWriteOptions
{
    /// <summary>GeoJSON: decimals kept for longitude/latitude (default 7, about 1 cm). Must be 0 to 15.</summary>
    public int CoordinateDecimals { get; init; } = 7;

    /// <summary>GeoJSON: indent the output (default false: compact, one line).</summary>
    public bool Indented { get; init; }

    /// <summary>GeoPackage: the feature table name. Default: the file name without extension.</summary>
    public string? LayerName { get; init; }

    /// <summary>
    /// GeoPackage: the time written to <c>gpkg_contents.last_change</c> (UTC, ISO 8601 with milliseconds). Default: the
    /// time of writing. Set it to get byte-identical files from identical layers (e.g. generated data under version control).
    /// </summary>
    public DateTimeOffset? LastChange { get; init; }

    /// <summary>Shapefile: the <c>.dbf</c> encoding, written to the <c>.cpg</c> too. Default: UTF-8.</summary>
    public Encoding? AttributeEncoding { get; init; }
}
