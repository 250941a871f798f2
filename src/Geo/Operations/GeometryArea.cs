using System.Globalization;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Operations;

/// <summary>
/// Planar areas in km², computed only in a metric, area-preserving-enough CRS (EPSG:25832 is the working CRS).
/// </summary>
/// <remarks>
/// Area = shoelace formula over every ring (holes subtracted) as implemented by NetTopologySuite's
/// <c>Geometry.Area</c>, divided by 10⁶ (m² → km²). This equals <c>sf::st_area</c> / GEOS on projected data.
/// A layer in a geographic CRS (degrees, e.g. EPSG:4326) or in Web Mercator (EPSG:3857, whose areas are
/// inflated by 1/cos²(latitude), about ×2.6 in Germany) is rejected with an <see cref="ArgumentException"/>:
/// reproject it first, e.g. <c>Reprojector.Reproject(layer, 25832)</c>.
/// </remarks>
public static class GeometryArea
{
    private const double SquareMetresPerSquareKilometre = 1_000_000d;

    /// <summary>Area of one geometry in km², assuming its coordinates are metres.</summary>
    /// <param name="geometry">A geometry in a metric CRS; empty and non-areal geometries give 0.</param>
    /// <exception cref="ArgumentNullException"><paramref name="geometry"/> is null.</exception>
    public static double SquareKilometres(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return geometry.Area / SquareMetresPerSquareKilometre;
    }

    /// <summary>Area of every district in km², in district order.</summary>
    /// <param name="layer">A district layer in a metric CRS.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    /// <exception cref="ArgumentException">The layer CRS is geographic (degrees) or Web Mercator.</exception>
    public static double[] SquareKilometres(DistrictLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        RequireMetric(layer.Crs, layer.Source, layer.Districts.Select(d => d.Geometry));
        var result = new double[layer.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = layer.Districts[i].Geometry.Area / SquareMetresPerSquareKilometre;
        }

        return result;
    }

    /// <summary>Area of every feature in km² (0 for null or empty geometries), in feature order.</summary>
    /// <param name="layer">A layer in a metric CRS.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    /// <exception cref="ArgumentException">The layer CRS is geographic (degrees) or Web Mercator.</exception>
    public static double[] SquareKilometres(VectorLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        RequireMetric(layer.Crs, layer.Source, layer.Features.Select(f => f.Geometry));
        var result = new double[layer.Features.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (layer.Features[i].Geometry?.Area ?? 0d) / SquareMetresPerSquareKilometre;
        }

        return result;
    }

    /// <summary>Total area of a layer in km² (sum of the feature areas).</summary>
    /// <param name="layer">A layer in a metric CRS.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    /// <exception cref="ArgumentException">The layer CRS is geographic (degrees) or Web Mercator.</exception>
    public static double TotalSquareKilometres(VectorLayer layer) => SquareKilometres(layer).Sum();

    /// <summary>Total area of a district layer in km² (sum of the district areas).</summary>
    /// <param name="layer">A district layer in a metric CRS.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    /// <exception cref="ArgumentException">The layer CRS is geographic (degrees) or Web Mercator.</exception>
    public static double TotalSquareKilometres(DistrictLayer layer) => SquareKilometres(layer).Sum();

    /// <summary>
    /// Whether a CRS has degree coordinates: a known geographic EPSG code, geographic WKT, or — when nothing
    /// is known about the CRS — an extent that fits in ±180° × ±90°.
    /// </summary>
    /// <param name="crs">The CRS.</param>
    /// <param name="extent">The data extent, used only when the CRS is unknown.</param>
    internal static bool IsGeographic(CrsInfo crs, Envelope? extent)
    {
        if (crs.Epsg is { } epsg)
        {
            return epsg is 4326 or 4258 or 4314 or 4269 or 4267 or 4230 or 4019 or 4283 or 4167 or 4171 or 4936 or 4937 or 4979;
        }

        var wkt = crs.Wkt?.TrimStart();
        if (!string.IsNullOrEmpty(wkt))
        {
            return wkt.StartsWith("GEOGCS", StringComparison.OrdinalIgnoreCase)
                || wkt.StartsWith("GEOGCRS", StringComparison.OrdinalIgnoreCase)
                || wkt.StartsWith("GEODCRS", StringComparison.OrdinalIgnoreCase);
        }

        return extent is { IsNull: false } e && e.MinX >= -180 && e.MaxX <= 180 && e.MinY >= -90 && e.MaxY <= 90;
    }

    private static void RequireMetric(CrsInfo crs, string source, IEnumerable<Geometry?> geometries, string paramName = "layer")
    {
        if (crs.Epsg is 3857 or 900913)
        {
            throw new ArgumentException($"{source}: the layer is in {crs} (Web Mercator), whose areas are inflated by 1/cos²(latitude). Reproject it to a metric CRS first, e.g. Reprojector.Reproject(layer, 25832) for EPSG:25832.", paramName);
        }

        Envelope? extent = null;
        if (crs.Epsg is null && string.IsNullOrEmpty(crs.Wkt))
        {
            extent = new Envelope();
            foreach (var g in geometries)
            {
                if (g is { IsEmpty: false })
                {
                    extent.ExpandToInclude(g.EnvelopeInternal);
                }
            }
        }

        if (IsGeographic(crs, extent))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{source}: the layer is in {crs}, a geographic CRS with coordinates in degrees, so areas in km² cannot be computed. Reproject it to a metric CRS first, e.g. Reprojector.Reproject(layer, 25832) for EPSG:25832."), paramName);
        }
    }
}
