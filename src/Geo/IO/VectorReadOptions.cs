using System.Text;

namespace GeoPrevention.Geo.IO;

/// <summary>Which geometries a reader must find in a layer.</summary>
public enum RequiredGeometry
{
    /// <summary>Any geometry type, also mixed (default).</summary>
    Any,

    /// <summary>
    /// Only Polygon and MultiPolygon (district layers). Null and empty geometries are allowed and reported as diagnostics;
    /// any other type throws <see cref="GeoDataFormatException"/> naming the first offending feature and the types found.
    /// </summary>
    Polygonal,
}

/// <summary>Options for <see cref="VectorLayerReader.Read(string, VectorReadOptions?)"/>. All properties are optional.</summary>
public sealed class VectorReadOptions
{
    /// <summary>
    /// Overrides the CRS: the coordinates are taken to be in this built-in EPSG system whatever the file declares
    /// (<see cref="CrsOrigin.Overridden"/>). Default: use the declared CRS, else the format default, else detect.
    /// </summary>
    public int? CrsEpsg { get; init; }

    /// <summary>
    /// Overrides the attribute encoding of a shapefile's <c>.dbf</c>. Default: the <c>.cpg</c> file, else the DBF language
    /// driver byte, else detection (valid UTF-8 → UTF-8, otherwise Windows-1252). Ignored by the other formats (always UTF-8).
    /// </summary>
    public Encoding? AttributeEncoding { get; init; }

    /// <summary>
    /// The layer to read: the GeoPackage table name or the TopoJSON object name. Default: the first feature table
    /// (in <c>gpkg_contents</c> order) or the first TopoJSON object. Ignored by Shapefile and GeoJSON.
    /// </summary>
    public string? LayerName { get; init; }

    /// <summary>Which geometries the layer must hold. Default: <see cref="RequiredGeometry.Any"/>.</summary>
    public RequiredGeometry RequiredGeometry { get; init; } = RequiredGeometry.Any;
}
