namespace GeoPrevention.Geo;

/// <summary>How the CRS of a layer became known.</summary>
public enum CrsOrigin
{
    /// <summary>The file declared it (<c>.prj</c>, GeoJSON <c>crs</c> member, GeoPackage <c>srs_id</c>) and it was recognised.</summary>
    Declared,

    /// <summary>The format defines it (RFC 7946 GeoJSON and TopoJSON without a <c>crs</c> member are WGS84 lon/lat).</summary>
    FormatDefault,

    /// <summary>Nothing was declared; it was inferred from the coordinate ranges (see <see cref="CrsInfo.Note"/>).</summary>
    Detected,

    /// <summary>The caller stated it explicitly, overriding the file.</summary>
    Overridden,

    /// <summary>The layer was reprojected into this CRS by GeoPrevention (see <c>GeoPrevention.Geo.Crs.Reprojector</c>).</summary>
    Reprojected,
}

/// <summary>
/// The coordinate reference system of a layer: the EPSG code when it is one of the known systems,
/// a human-readable name, the WKT it came from (if any), and how it became known.
/// </summary>
/// <param name="Epsg">EPSG code, or <see langword="null"/> when the CRS is only known as WKT.</param>
/// <param name="Name">Readable name, e.g. "ETRS89 / UTM zone 32N".</param>
/// <param name="Origin">How the CRS became known.</param>
/// <param name="Wkt">The WKT text the CRS was read from, if any.</param>
/// <param name="Note">An explanation for the user, e.g. why a CRS was detected.</param>
public sealed record CrsInfo(int? Epsg, string Name, CrsOrigin Origin, string? Wkt = null, string? Note = null)
{
    /// <inheritdoc/>
    public override string ToString() => Epsg is { } code ? $"EPSG:{code} ({Name})" : Name;
}
